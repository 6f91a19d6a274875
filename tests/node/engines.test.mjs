// The three WebAssembly modules of the package (scripts/build.sh): the first
// screen's (pkg/savings_plan_first_bg.wasm), the statement view's
// (pkg/savings_plan_statement_bg.wasm) and the advice view's
// (pkg/savings_plan_advice_bg.wasm) are the same crate built with one feature
// each, which only chooses the exports; pkg/savings_plan.js is the whole
// engine's API over the three. Each exports exactly its entry points, and
// where two modules' entry points must agree (a batch payout is calculate's
// payout, a reconciled plan is priced as calculate prices it, a product's
// expected payout with no chance of an early close is its payout) they
// answer byte for byte alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg, pkgDir, MODULES } from './load-pkg.mjs';

const full = await loadPkg('savings_plan');
const first = await loadPkg('savings_plan_first');
const statement = await loadPkg('savings_plan_statement');
const advice = await loadPkg('savings_plan_advice');
const vectors = JSON.parse(await readFile(new URL('../data/vectors.json', import.meta.url), 'utf8'));

const EXPORTS = {
  first: ['calculate', 'catalog', 'compare', 'solveInstallment', 'validateProduct'],
  statement: ['reconcile'],
  advice: ['advise', 'payouts'],
};

function answer(fn) {
  try {
    return JSON.stringify({ value: fn() });
  } catch (e) {
    return JSON.stringify({ error: { name: e?.name, code: e?.code, path: e?.path, message: e?.message } });
  }
}

const catalog = first.catalog();
const products = [...vectors.products, ...catalog];
const plans = [
  ...vectors.vectors.map((v) => v.plan),
  { start: '2025-06-10', months: 12, installment: '100' },
  { start: '2025-01-31', months: 12, installment: '100', inflation: '3', withdrawOn: '2026-03-01',
    events: [{ n: 2, missed: true }, { n: 3, paidOn: '2025-04-10', amount: '200' }] },
  { start: '2025-01-15', months: 12, installment: '4.99' },
  { start: 'soon', months: 12 },
];

test('each module exports its view\'s entry points; the whole engine all of them, the same functions', () => {
  const exported = (mod) => Object.keys(mod).filter((k) => typeof mod[k] === 'function' && !['default', 'initSync'].includes(k)).sort();
  const modules = { first, statement, advice };
  for (const m of MODULES) assert.deepEqual(exported(modules[m]), EXPORTS[m], m);
  assert.deepEqual(exported(full), Object.values(EXPORTS).flat().sort());
  for (const m of MODULES) for (const name of EXPORTS[m]) assert.equal(full[name], modules[m][name], `${name} is ${m}'s`);
});

test('a batch payout (advice module) is calculate\'s payout or error (first module), for every vector and catalog product', () => {
  let compared = 0;
  for (const product of products) {
    const batch = advice.payouts(product, plans);
    assert.equal(batch.length, plans.length);
    plans.forEach((plan, i) => {
      const single = answer(() => first.calculate(product, plan).payout);
      const entry = typeof batch[i] === 'string' ? JSON.stringify({ value: batch[i] })
        : JSON.stringify({ error: { name: 'SavingsPlanError', code: batch[i].error.code, path: batch[i].error.path.replace(/^plans\[\d+\]/, 'plan'), message: batch[i].error.message.replaceAll(/plans\[\d+\]/g, 'plan') } });
      assert.equal(entry, single, `${product.id} ${JSON.stringify(plan)}`);
      compared++;
    });
  }
  assert.ok(compared > 300, `${compared} plans`);
});

test('with no chance of closing early, advise\'s expectation (advice module) is calculate\'s payout (first module)', () => {
  const plan = { start: '2025-01-15', months: 12, installment: '1000' };
  const quoted = catalog.filter((p) => p.terms.some((t) => t.months === 12));
  const out = advice.advise(quoted, plan, { earlyChance: '0' });
  assert.equal(out.entries.length, quoted.length);
  let compared = 0;
  out.entries.forEach((e, i) => {
    const single = answer(() => first.calculate(quoted[i], plan).payout);
    if (e.error) assert.equal(e.error.code, JSON.parse(single).error.code, quoted[i].id);
    else assert.equal(JSON.stringify({ value: e.expectedPayout }), single, quoted[i].id), compared++;
  });
  assert.ok(compared >= 3, `${compared} products`);
});

test('a reconciled plan (statement module) is priced as calculate prices it (first module), byte for byte', () => {
  const row = (date, amount) => ({ date, amount });
  const deposits = [row('2025-01-15', '1000'), row('2025-02-15', '1000'), row('2025-03-15', '1000'), row('2025-04-15', '1000'),
    row('2025-06-16', '2000'), row('2025-07-15', '1000'), row('2025-08-15', '1000'), row('2025-10-15', '1000'),
    row('2025-11-15', '1000'), row('2025-11-20', '1000'), row('2025-12-15', '1000')];
  let compared = 0;
  for (const product of catalog.filter((p) => p.terms.some((t) => t.months === 12))) {
    for (const withdrawOn of [null, '2025-09-01']) {
      const doc = { start: '2025-01-15', months: 12, installment: null, rate: null, withdrawOn, bankPayout: '11039.54', deposits };
      let r;
      try { r = statement.reconcile(product, doc); } catch { continue; } // a product these deposits do not fit
      assert.equal(JSON.stringify(first.calculate(product, r.plan)), JSON.stringify(r.result), product.id);
      compared++;
    }
  }
  assert.ok(compared >= 4, `${compared} statements`);
});

test('the package lists every module; each module\'s glue imports only its own files', async () => {
  const pkg = JSON.parse(await readFile(new URL('package.json', pkgDir), 'utf8'));
  for (const m of MODULES) {
    for (const f of [`savings_plan_${m}.js`, `savings_plan_${m}_bg.wasm`, `savings_plan_${m}.d.ts`]) assert.ok(pkg.files.includes(f), f);
    const js = await readFile(new URL(`savings_plan_${m}.js`, pkgDir), 'utf8');
    assert.match(js, new RegExp(`savings_plan_${m}_bg\\.wasm`));
    for (const other of MODULES.filter((o) => o !== m)) assert.doesNotMatch(js, new RegExp(`savings_plan_${other}`));
    const dts = await readFile(new URL(`savings_plan_${m}.d.ts`, pkgDir), 'utf8');
    for (const name of Object.values(EXPORTS).flat()) {
      assert.equal(dts.includes(`export function ${name}(`), EXPORTS[m].includes(name), `${m}: ${name}`);
    }
  }
  const whole = await readFile(new URL('savings_plan.d.ts', pkgDir), 'utf8');
  for (const name of Object.values(EXPORTS).flat()) assert.ok(whole.includes(`export function ${name}(`), name);
});

// 100 KB read as 100,000 B (the stricter of KB and KiB): the README's limit.
test('every shipped module is under the 100 KB budget (gzip -9)', async () => {
  const { gzipSync } = await import('node:zlib');
  for (const m of MODULES) {
    const wasm = await readFile(new URL(`savings_plan_${m}_bg.wasm`, pkgDir));
    const gz = gzipSync(wasm, { level: 9 }).length;
    assert.ok(gz <= 100_000, `savings_plan_${m}_bg.wasm: ${gz} B gzip -9`);
  }
});

test('a number where a decimal string belongs: the same message from every module\'s reader (whole numbers exactly, any fraction as the reader keeps it)', () => {
  const [product] = catalog;
  const thrown = (fn) => {
    try { fn(); } catch (e) { return `${e.code} ${e.path} ${e.message}`; }
    return null;
  };
  const messages = (installment) => {
    const [entry] = advice.payouts(product, [{ start: '2025-01-15', months: 12, installment }]);
    return [
      thrown(() => first.calculate(product, { start: '2025-01-15', months: 12, installment })),
      `${entry.error.code} ${entry.error.path.replace('plans[0]', 'plan')} ${entry.error.message}`,
      thrown(() => statement.reconcile(product, { start: '2025-01-15', months: 12, installment, deposits: [] }))?.replace('statement.', 'plan.'),
    ];
  };
  const each = (m) => [m, m, m];
  assert.deepEqual(messages(1000), each('INVALID_DECIMAL plan.installment decimals are strings: write "1000" instead of 1000'));
  assert.deepEqual(messages(-3), each('INVALID_DECIMAL plan.installment decimals are strings: write "-3" instead of -3'));
  // The facade's JSON reader keeps no fraction's value (src/json_in.rs): every one reads 0.5, as before the split.
  assert.deepEqual(messages(1000.5), each('INVALID_DECIMAL plan.installment decimals are strings: write "0.5" instead of 0.5'));
});
