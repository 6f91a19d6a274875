// A/B timing of two builds of the package on a shared machine: rounds of a
// workload alternate between A and B, so load that comes and goes falls on
// both alike, and each round is timed in this process's CPU time
// (process.cpuUsage), which other processes do not inflate; prints each
// one's median and B/A.
//
// Usage: node scripts/bench-ab.mjs <pkg dir A> <pkg dir B> [rounds=60] [workload=calculate]
// Workloads (those of scripts/bench-advise.mjs and benches/engine.rs):
//   calculate  `calculate`, the 5-year plan (60 installments of 1000), per call
//   payout     `payouts` over 1,000 5-year plans, per plan (the payout-only path in WebAssembly)
//   advise     `advise`, 8 products (the catalog and a mild early-rule variant), 30% chance from month 1
//   payouts    `payouts`, 10,000 5-year plans (400 rates × 25 installments)
//   all        each of them in turn
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { benchInputs } from './bench-inputs.mjs';

// A package as a page gets it: since the engine ships as three modules (scripts/build.sh),
// the package's API over them (calculate from the first screen's module, advise and
// payouts from the advice module); an older package's one whole-engine module otherwise.
async function load(dir) {
  const base = pathToFileURL(path.resolve(dir) + '/');
  const bytes = (name) => readFile(new URL(`${name}_bg.wasm`, base));
  const mod = await import(new URL('savings_plan.js', base));
  const three = await bytes('savings_plan_advice').then(() => true, () => false);
  if (three) {
    const [first, statement, advice] = await Promise.all(['first', 'statement', 'advice'].map((m) => bytes(`savings_plan_${m}`)));
    await mod.default({ first, statement, advice });
  } else {
    await mod.default({ module_or_path: await bytes('savings_plan') });
  }
  return mod;
}

const [a, b] = [await load(process.argv[2]), await load(process.argv[3])];
const rounds = Number(process.argv[4] ?? 60);
const which = process.argv[5] ?? 'calculate';
const { plan, behaviour, grid, thousand } = benchInputs(a);
const eight = (engine) => benchInputs(engine).eight;
// Each workload: [label, unit, calls per round, per-call divisor, (engine, products) => result].
const WORKLOADS = {
  calculate: ['`calculate`, 5-year plan', 'µs', 200, 1, (e, p) => e.calculate(p[0], plan)],
  payout: ['payout only, 5-year plan (in `payouts` of 1,000, per plan)', 'µs', 2, 1000, (e, p) => e.payouts(p[0], thousand)],
  advise: ['`advise`, 8 products, 5-year plan', 'ms', 2, 1, (e, p) => e.advise(p, plan, behaviour)],
  payouts: ['`payouts`, 10,000 5-year plans', 'ms', 1, 1, (e, p) => e.payouts(p[0], grid)],
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const [pa, pb] = [eight(a), eight(b)];
for (const name of which === 'all' ? Object.keys(WORKLOADS) : [which]) {
  const [label, unit, batch, per, run] = WORKLOADS[name];
  const time = (engine, products) => {
    const t0 = process.cpuUsage();
    for (let i = 0; i < batch; i++) run(engine, products);
    const t = process.cpuUsage(t0);
    return (t.user + t.system) / batch / per / (unit === 'ms' ? 1000 : 1);
  };
  if (JSON.stringify(run(a, pa)) !== JSON.stringify(run(b, pb))) {
    console.log(`note: A and B give different results for ${name} (builds of different contracts)`);
  }
  for (let i = 0; i < 3; i++) { time(a, pa); time(b, pb); } // warm-up
  const ta = [], tb = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) { ta.push(time(a, pa)); tb.push(time(b, pb)); } else { tb.push(time(b, pb)); ta.push(time(a, pa)); }
  }
  const [ma, mb] = [median(ta), median(tb)];
  const f = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  console.log(`${label}, Node ${process.version}, CPU time: A ${f(ma)} ${unit}, B ${f(mb)} ${unit}, B/A ${(mb / ma).toFixed(3)}`);
}
