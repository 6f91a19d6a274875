// The page draws its first figure from `calculate` of the quoted product
// alone, and the comparison (`compare` of the quoted product, its variants
// and the catalog's other products) right after that frame is painted
// (www/savings-plan-calculator-element.js, #firstFigure). That is honest
// only if the two agree: the comparison's first entry is `calculate`'s
// result plus the comparison's own fields (CONTRACT §8.1), field for field,
// for every product and kind of plan the page can quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg } from './load-pkg.mjs';

const first = await loadPkg('savings_plan_first');
const vectors = JSON.parse(await readFile(new URL('../data/vectors.json', import.meta.url), 'utf8'));
const COMPARISON_ONLY = ['comparable', 'best', 'horizonValue', 'horizonClosure', 'differenceToBest'];

/** What the element compares with a quoted product: its derived variants and the catalog's products in its currency. */
function candidates(product, catalog, plan) {
  const variants = [];
  if (product.maturity?.action !== 'renew') variants.push({ ...product, id: `${product.id}#renew`, maturity: { action: 'renew', renew: { months: 12, times: 1 } }, variantOf: product.id });
  if (!product.valueProtection) variants.push({ ...product, id: `${product.id}#protected`, valueProtection: { inflation: plan.inflation ?? '2.0' }, variantOf: product.id });
  if ((product.interest?.method ?? 'monthlyProduct') === 'monthlyProduct') {
    variants.push({ ...product, id: `${product.id}#daily`, interest: { method: 'dailyProduct', dayCount: 'ACT/360' }, variantOf: product.id });
  }
  // A variant the engine refuses is not offered (validateProduct decides).
  const offered = variants.filter((v) => { try { return first.validateProduct(v).length === 0; } catch { return false; } });
  return [product, ...offered, ...catalog.filter((p) => p.id !== product.id && p.currency === product.currency)];
}

test('the first figure (calculate) is the comparison\'s first entry, field for field', () => {
  const catalog = first.catalog();
  let checked = 0;
  for (const product of [...catalog, ...vectors.products]) {
    const terms = (product.terms ?? []).map((t) => t.months);
    const months = terms.includes(12) ? 12 : terms[0] ?? 12;
    const plans = [
      { start: '2026-12-02', months, installment: product.installment?.min && Number(product.installment.min) > 1000 ? product.installment.min : '1000', rate: null, events: [], withdrawOn: null, inflation: null },
      { start: '2025-01-31', months, installment: '100', rate: '1.5', events: [{ n: 2, missed: true }], withdrawOn: null, inflation: '3' },
      { start: '2025-03-10', months, installment: '500', rate: null, events: [], withdrawOn: '2025-09-10', inflation: null },
      ...vectors.vectors.filter((v) => v.product === product.id).map((v) => v.plan),
      // A customer category the product lists (RULES §8), with and without PAN where it withholds tax.
      ...(product.categories ?? []).slice(0, 2).map((c, i) => ({ start: '2025-04-01', months, installment: '1000', category: c.id,
        ...(product.withholding ? { noPan: i === 1 } : {}) })),
    ];
    for (const plan of plans) {
      let alone;
      try { alone = first.calculate(product, plan); } catch { continue; } // an error: the page shows the comparison's own
      const entry = first.compare(candidates(product, catalog, plan), plan).entries[0];
      assert.deepEqual(Object.keys(entry).filter((k) => !(k in alone)).sort(), [...COMPARISON_ONLY].sort(), product.id);
      for (const k of COMPARISON_ONLY) delete entry[k];
      assert.deepEqual(entry, alone, `${product.id} ${JSON.stringify(plan)}`);
      checked++;
    }
  }
  assert.ok(checked >= 60, `${checked} plans checked`);
  console.log(`${checked} quoted plans: calculate = the comparison's first entry`);
});
