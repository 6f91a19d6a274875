// advise and payouts as the shipped package gives them (CONTRACT §8.3, §8.4):
// the declared shapes, the same payouts as calculate, errors thrown with code
// and path, a product that cannot take the plan as an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg, pkgDir } from './load-pkg.mjs';
import { interfaceFields } from './dts-fields.mjs';

const engine = await loadPkg();
const catalog = engine.catalog();
const byId = (id) => catalog.find((p) => p.id === id);
const dts = await readFile(new URL('savings_plan.d.ts', pkgDir), 'utf8');

const fields = (name) => interfaceFields(dts, name);

test('advise and payouts are declared with their types', () => {
  assert.ok(dts.includes('advise(products: Product[], plan: Plan, behaviour: Behaviour): Advice'));
  assert.ok(dts.includes('payouts(product: Product, plans: Plan[]): PayoutEntry[]'));
});

test('advise returns the declared fields; a product that cannot take the plan is an entry', () => {
  const plan = { start: '2025-06-10', months: 60, installment: '1000' };
  const advice = engine.advise([byId('cn-lczq-standard'), byId('in-post-office-rd'), byId('uk-regular-saver')], plan, { earlyChance: '0.4', earlyFrom: 30 });
  assert.deepEqual(Object.keys(advice).sort(), fields('Advice'));
  const [cn, po, uk] = advice.entries;
  assert.deepEqual(Object.keys(cn).sort(), fields('Advisory'));
  assert.deepEqual(Object.keys(cn.curve[0]).sort(), fields('CurvePoint'));
  assert.equal(cn.curve.length, 60);
  assert.equal(cn.curve[59].payout, engine.calculate(byId('cn-lczq-standard'), plan).payout);
  assert.equal(cn.rank, 1);
  // The Post Office refuses before 36 months: months 30–35 count as held.
  assert.deepEqual(po.refusedMonths, [30, 31, 32, 33, 34, 35]);
  assert.equal(po.comparable, false);
  assert.equal(po.rank, null);
  assert.equal(uk.error.code, 'TERM_NOT_OFFERED');
  assert.equal(uk.productId, 'uk-regular-saver');
});

test('advise throws the contract errors with code and path', () => {
  const plan = { start: '2025-06-10', months: 12, installment: '1000' };
  assert.throws(() => engine.advise([catalog[0]], plan, { earlyChance: '2' }), { code: 'INVALID_VALUE', path: 'behaviour.earlyChance' });
  assert.throws(() => engine.advise([catalog[0]], plan, undefined), { code: 'MISSING_FIELD', path: 'behaviour' });
  assert.throws(() => engine.advise({}, plan, { earlyChance: '0' }), { code: 'INVALID_TYPE', path: 'products' });
});

test('payouts equal calculate plan by plan, errors in position', () => {
  const product = byId('in-bank-rd');
  const plans = [];
  for (const months of [12, 24, 60]) for (const installment of ['100', '1000', '12340']) plans.push({ start: '2025-02-28', months, installment });
  plans.push({ start: '2025-02-28', months: 13, installment: '1000' });
  const out = engine.payouts(product, plans);
  assert.equal(out.length, plans.length);
  for (const [i, plan] of plans.slice(0, -1).entries()) assert.equal(out[i], engine.calculate(product, plan).payout, JSON.stringify(plan));
  assert.deepEqual(out.at(-1).error.code, 'TERM_NOT_OFFERED');
  assert.equal(out.at(-1).error.path, `plans[${plans.length - 1}].months`);
  assert.throws(() => engine.payouts(product, {}), { code: 'INVALID_TYPE', path: 'plans' });
});
