// The benchmarks' inputs, defined once for scripts/bench-ab.mjs and
// scripts/bench-advise.mjs (as benches/engine.rs has them): the 5-year plan
// (60 monthly installments of 1000 from 2025-06-10), 8 products (the catalog
// and a mild early-rule variant of the quoted one), a 30% chance of closing
// early from month 1, and 10,000 5-year plans (400 rates × 25 installments)
// of which the first 1,000 time the payout-only path. Self-contained:
// bench-advise.mjs also runs its source inside a page.
export function benchInputs(engine) {
  const catalog = engine.catalog();
  const eight = [...catalog, { ...catalog[0], id: 'cn-lczq-mild-early', early: { allowed: true, minMonths: 0, rate: 'contractMinus', penalty: '0.30' } }];
  const grid = [];
  for (let r = 0; r < 400; r++) {
    for (let k = 0; k < 25; k++) {
      const x = 50 + r;
      grid.push({ start: '2025-06-10', months: 60, installment: String(500 + 100 * k), rate: `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}` });
    }
  }
  return {
    catalog,
    eight,
    grid,
    thousand: grid.slice(0, 1000),
    plan: { start: '2025-06-10', months: 60, installment: '1000', rate: null, events: [], withdrawOn: null, inflation: null },
    behaviour: { earlyChance: '0.3', earlyFrom: 1, earlyTo: null },
  };
}
