// The two WebAssembly modules of the package (scripts/build.sh): the first
// screen's engine (pkg/savings_plan_first_bg.wasm) and the whole engine
// (pkg/savings_plan_bg.wasm) are the same crate built with and without the
// `full` feature, so every entry point they share must answer every document
// byte for byte alike; the first one exports only what the first screen needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg, pkgDir } from './load-pkg.mjs';

const full = await loadPkg('savings_plan');
const first = await loadPkg('savings_plan_first');
const vectors = JSON.parse(await readFile(new URL('../data/vectors.json', import.meta.url), 'utf8'));

const FIRST = ['calculate', 'catalog', 'compare', 'solveInstallment', 'validateProduct'];
const FULL_ONLY = ['advise', 'payouts', 'reconcile'];

function answer(fn) {
  try {
    return JSON.stringify({ value: fn() });
  } catch (e) {
    return JSON.stringify({ error: { name: e?.name, code: e?.code, path: e?.path, message: e?.message } });
  }
}

test('the first screen\'s module exports the first screen\'s entry points, the whole engine all of them', () => {
  const exported = (mod) => Object.keys(mod).filter((k) => typeof mod[k] === 'function' && !['default', 'initSync'].includes(k)).sort();
  assert.deepEqual(exported(first), FIRST);
  assert.deepEqual(exported(full), [...FIRST, ...FULL_ONLY].sort());
});

test('both modules answer every shared entry point alike (vectors, catalog, errors)', () => {
  assert.equal(answer(() => first.catalog()), answer(() => full.catalog()));
  const catalog = full.catalog();
  const products = [...vectors.products, ...catalog];
  const plans = [
    ...vectors.vectors.map((v) => v.plan),
    { start: '2025-06-10', months: 12, installment: '100' },
    { start: '2025-01-31', months: 12, installment: '100', inflation: '3', withdrawOn: '2026-03-01',
      events: [{ n: 2, missed: true }, { n: 3, paidOn: '2025-04-10', amount: '200' }] },
    { start: '2025-01-15', months: 12, installment: '4.99' },
    { start: 'soon', months: 12 },
    10n,
  ];
  let compared = 0;
  for (const plan of plans) {
    for (const product of products) {
      for (const [name, fn] of [
        ['calculate', (m) => m.calculate(product, plan)],
        ['solveInstallment', (m) => m.solveInstallment(product, plan, '50000')],
      ]) {
        assert.equal(answer(() => fn(first)), answer(() => fn(full)), `${name} ${product.id} ${JSON.stringify(plan, (k, v) => typeof v === 'bigint' ? `${v}n` : v)}`);
        compared++;
      }
    }
    assert.equal(answer(() => first.compare(catalog, plan)), answer(() => full.compare(catalog, plan)));
    assert.equal(answer(() => first.compare(catalog, plan, { horizon: 'own' })), answer(() => full.compare(catalog, plan, { horizon: 'own' })));
  }
  for (const product of [...products, { id: 'x' }, { ...catalog[0], interest: { methd: 'x' } }, null, undefined]) {
    assert.equal(answer(() => first.validateProduct(product)), answer(() => full.validateProduct(product)));
  }
  assert.ok(compared > 500, `${compared} documents`);
});

test('the package lists both modules; each module\'s glue imports only its own files', async () => {
  const pkg = JSON.parse(await readFile(new URL('package.json', pkgDir), 'utf8'));
  for (const f of ['savings_plan_first.js', 'savings_plan_first_bg.wasm', 'savings_plan_first.d.ts']) assert.ok(pkg.files.includes(f), f);
  const js = await readFile(new URL('savings_plan_first.js', pkgDir), 'utf8');
  assert.match(js, /savings_plan_first_bg\.wasm/);
  assert.doesNotMatch(js, /savings_plan_bg\.wasm/);
  const dts = await readFile(new URL('savings_plan_first.d.ts', pkgDir), 'utf8');
  for (const name of ['calculate(product: Product, plan: Plan): Result', 'catalog(): Product[]']) assert.ok(dts.includes(name), name);
  assert.doesNotMatch(dts, /export function reconcile/);
});

test('a number where a decimal string belongs: the same message from both (whole numbers exactly, any fraction as the reader keeps it)', () => {
  const [product] = full.catalog();
  const message = (m, installment) => {
    try { m.calculate(product, { start: '2025-01-15', months: 12, installment }); } catch (e) { return `${e.code} ${e.path} ${e.message}`; }
    return null;
  };
  for (const m of [first, full]) {
    assert.equal(message(m, 1000), 'INVALID_DECIMAL plan.installment decimals are strings: write "1000" instead of 1000');
    assert.equal(message(m, -3), 'INVALID_DECIMAL plan.installment decimals are strings: write "-3" instead of -3');
    // The facade's JSON reader keeps no fraction's value (src/json_in.rs): every one reads 0.5, as before the split.
    assert.equal(message(m, 1000.5), 'INVALID_DECIMAL plan.installment decimals are strings: write "0.5" instead of 0.5');
  }
});
