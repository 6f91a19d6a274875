// The shipped package (pkg/, built with `wasm-pack build --target web`)
// under `node --test`: vectors through JS, the thrown Error's shape, 10,000
// malformed documents that must never kill the module, and the package files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { interfaceFields } from './dts-fields.mjs';
import { loadPkg, pkgDir } from './load-pkg.mjs';

const engine = await loadPkg();
const vectors = JSON.parse(await readFile(new URL('../data/vectors.json', import.meta.url), 'utf8'));
// This project's vectors of RULES §8 (categories, TDS, the bonus savings plan), checked alike.
const revision2 = JSON.parse(await readFile(new URL('../data/vectors-revision2.json', import.meta.url), 'utf8'));
const CODES = new Set(['INVALID_DECIMAL', 'MISSING_FIELD', 'UNKNOWN_FIELD', 'INVALID_VALUE', 'INVALID_TYPE',
  'TERM_NOT_OFFERED', 'BELOW_MINIMUM', 'ABOVE_MAXIMUM', 'NOT_A_STEP_MULTIPLE', 'DATE_OUT_OF_RANGE',
  'EVENT_OUT_OF_RANGE', 'INVALID_AMOUNT', 'EVENT_CONFLICT', 'EARLY_NOT_ALLOWED', 'TARGET_UNREACHABLE', 'OVERFLOW']);

function field(obj, path) {
  return path.split('.').reduce((cur, part) => {
    const m = part.match(/^(\w+)\[(\d+)\]$/);
    return m ? cur?.[m[1]]?.[Number(m[2])] : cur?.[part];
  }, obj);
}

test('every vector through the JS API', () => {
  let checked = 0;
  for (const [doc, v] of [vectors, revision2].flatMap((d) => d.vectors.map((x) => [d, x]))) {
    const product = doc.products.find((p) => p.id === v.product);
    let result, error;
    try { result = engine.calculate(product, v.plan); } catch (e) { error = e; }
    for (const [path, want] of Object.entries(v.expect)) {
      const got = path.startsWith('error.') ? error?.[path.slice(6)] : field(result, path);
      assert.equal(String(got), String(want), `${v.id}: ${path}`);
      checked++;
    }
  }
  assert.ok(checked > 40);
});

test('bad input throws an Error with code and path, and the next good call works', () => {
  const [standard] = engine.catalog();
  assert.throws(() => engine.calculate(standard, { start: '2025-01-15', months: 12, installment: '4.99' }),
    (e) => e instanceof Error && e.code === 'BELOW_MINIMUM' && e.path === 'plan.installment' && e.message.length > 0);
  assert.throws(() => engine.calculate(standard, { start: '2025-01-15', months: 24, installment: '100' }),
    { code: 'TERM_NOT_OFFERED', path: 'plan.months' });
  assert.throws(() => engine.calculate({ ...standard, interest: { methd: 'x' } }, {}), { code: 'UNKNOWN_FIELD', path: 'product.interest.methd' });
  assert.throws(() => engine.calculate(standard, { start: '2025-01-15', months: 12, installment: 1000 }), { code: 'INVALID_DECIMAL' });
  assert.throws(() => engine.calculate(standard, 10n), { code: 'INVALID_TYPE', path: 'plan' });
  const cyclic = {}; cyclic.self = cyclic;
  assert.throws(() => engine.calculate(cyclic, {}), { code: 'INVALID_TYPE', path: 'product' });
  assert.throws(() => engine.solveInstallment(standard, { start: '2025-01-15', months: 12 }, 'lots'), { code: 'INVALID_DECIMAL', path: 'targetPayout' });
  const r = engine.calculate(standard, { start: '2025-01-15', months: 12, installment: '1000', rate: '1.35' });
  assert.equal(r.payout, '12087.75');
  assert.equal(r.schedule.length, 12);
});

test('compare, solveInstallment, validateProduct and catalog', () => {
  const catalog = engine.catalog();
  assert.equal(catalog.length, 8);
  const comparison = engine.compare(catalog, { start: '2025-06-10', months: 12, installment: '100' });
  assert.equal(comparison.quoted, 'cn-lczq-standard');
  assert.equal(comparison.currency, 'CNY');
  assert.equal(comparison.horizonDate, '2027-06-10');
  const out = comparison.entries;
  assert.equal(out.length, 8);
  assert.equal(out[5].productId, 'in-post-office-rd');
  assert.equal(out[5].error.code, 'TERM_NOT_OFFERED');
  assert.ok(out.filter((r) => r.currency === 'CNY' && r.best).length >= 1);
  for (const r of out.filter((x) => !x.error && x.currency !== 'CNY')) {
    assert.equal(r.comparable, false);
    assert.equal(r.best, false);
    assert.equal(r.differenceToBest, null);
  }
  const own = engine.compare(catalog, { start: '2025-06-10', months: 12, installment: '100' }, { horizon: 'own' });
  assert.equal(own.horizonDate, null);
  for (const r of own.entries.filter((x) => !x.error)) assert.equal(r.horizonValue, r.payout);
  assert.throws(() => engine.compare(catalog, { start: '2025-06-10', months: 12, installment: '100' }, { horizon: 'later' }),
    { code: 'INVALID_VALUE', path: 'options.horizon' });
  const s = engine.solveInstallment(catalog[0], { start: '2025-01-15', months: 12, rate: '1.35' }, '12087.75');
  assert.equal(s.installment, '1000');
  assert.deepEqual(engine.validateProduct(catalog[0]), []);
  const problems = engine.validateProduct({ schema: 2, id: 7, currency: 'yuan', terms: 'x', colour: 1 });
  assert.ok(problems.length >= 4);
  for (const p of problems) assert.ok(CODES.has(p.code) && typeof p.path === 'string');
});

// A small seeded generator so a failure can be replayed.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const NASTY = [null, undefined, true, false, 0, -1, 1e30, -1e308, Number.MAX_SAFE_INTEGER, 12, 12.5, NaN, Infinity,
  '', '0', '-0', '1e3', '+5', '1,000', '.5', '99999999999999999999999999999', '2024-02-30', '9999-12-31', '0000-00-00',
  '零存整取', '🙂'.repeat(50), '<img src=x onerror=alert(1)>', '\u0000', 'x'.repeat(10000), [], {}, [[[]]], { n: 1 }];

function randomValue(next, depth = 0) {
  const r = next();
  if (depth > 3 || r < 0.6) return NASTY[Math.floor(next() * NASTY.length)];
  if (r < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const keys = ['start', 'months', 'installment', 'rate', 'events', 'n', 'missed', 'paidOn', 'amount', 'terms', 'method', 'zzz'];
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [keys[Math.floor(next() * keys.length)], randomValue(next, depth + 1)]));
}

function deep(n) {
  let v = {};
  for (let i = 0; i < n; i++) v = { events: [v] };
  return v;
}

function mutate(doc, next) {
  const copy = structuredClone(doc);
  const paths = [];
  (function walk(v, path) {
    paths.push(path);
    if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  })(copy, []);
  for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) {
    const path = paths[Math.floor(next() * paths.length)];
    if (path.length === 0) continue;
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent?.[k];
    if (parent && typeof parent === 'object') {
      if (next() < 0.2) delete parent[path.at(-1)];
      else parent[path.at(-1)] = randomValue(next);
    }
  }
  return copy;
}

test('10,000 malformed documents never kill the module', () => {
  const next = rng(20261126);
  const catalog = engine.catalog();
  const plan = { start: '2025-01-31', months: 12, installment: '1000', rate: null,
    events: [{ n: 2, missed: true }, { n: 3, paidOn: '2025-04-10', amount: '2000' }], withdrawOn: null, inflation: '2' };
  let results = 0, errors = 0;
  for (let i = 0; i < 10000; i++) {
    const kind = i % 5;
    const product = kind === 0 ? randomValue(next) : mutate(catalog[i % catalog.length], next);
    const p = kind === 1 ? randomValue(next) : kind === 2 ? deep(200 + (i % 300)) : mutate(plan, next);
    try {
      const fn = i % 7;
      if (fn === 0) engine.compare([product, catalog[0]], p);
      else if (fn === 1) engine.validateProduct(product);
      else if (fn === 2) engine.solveInstallment(product, p, '50000');
      else engine.calculate(product, p);
      results++;
    } catch (e) {
      assert.ok(e instanceof Error, `case ${i}: ${e}`);
      assert.ok(CODES.has(e.code), `case ${i}: code ${e.code} (${e.message})`);
      assert.equal(typeof e.path, 'string');
      assert.ok(!/unreachable|RuntimeError/.test(String(e)), `case ${i}: ${e}`);
      errors++;
    }
    if (i % 500 === 0) {
      assert.equal(engine.calculate(catalog[0], { start: '2025-01-15', months: 12, installment: '1000', rate: '1.35' }).payout, '12087.75');
    }
  }
  assert.equal(results + errors, 10000);
  assert.equal(engine.calculate(catalog[0], { start: '2025-01-15', months: 12, installment: '1000', rate: '1.35' }).payout, '12087.75');
});

test('the package as npm ships it: files, module type, types without any', async () => {
  const pkg = JSON.parse(await readFile(new URL('package.json', pkgDir), 'utf8'));
  assert.equal(pkg.type, 'module');
  // The whole engine's API (savings_plan.js) over the three modules, each with its .wasm (tests/node/engines.test.mjs).
  for (const f of ['savings_plan.js', 'savings_plan.d.ts', 'savings_plan_first_bg.wasm', 'savings_plan_statement_bg.wasm', 'savings_plan_advice_bg.wasm']) {
    assert.ok(pkg.files.includes(f), f);
  }
  const js = await readFile(new URL('savings_plan.js', pkgDir), 'utf8');
  for (const m of js.matchAll(/from ['"](\.[^'"]+)['"]/g)) assert.ok(pkg.files.some((f) => m[1].endsWith(f)), `import ${m[1]} is packed`);
  const dts = await readFile(new URL('savings_plan.d.ts', pkgDir), 'utf8');
  const publicPart = dts.split('export type InitInput')[0];
  assert.doesNotMatch(publicPart, /\bany\b/);
  for (const name of ['calculate(product: Product, plan: Plan): Result', 'compare(products: Product[], plan: Plan, options?: CompareOptions | null): Comparison',
    'solveInstallment(product: Product, plan: Plan, targetPayout: Decimal): Solution', 'validateProduct(product: Product): Problem[]', 'catalog(): Product[]']) {
    assert.ok(dts.includes(name), name);
  }
});

test('the TypeScript declarations name exactly the fields the engine returns', async () => {
  const dts = await readFile(new URL('savings_plan.d.ts', pkgDir), 'utf8');
  const fields = (name) => interfaceFields(dts, name);
  const catalog = engine.catalog();
  const plan = { start: '2025-01-31', months: 12, installment: '100', inflation: '3', withdrawOn: '2026-03-01',
    events: [{ n: 2, missed: true }, { n: 3, paidOn: '2025-04-10', amount: '200' }] };
  const renewing = engine.calculate(catalog[2], { ...plan, withdrawOn: '2027-03-01' });
  const comparison = engine.compare([catalog[0], { id: 'x' }], plan);
  const [compared, failed] = comparison.entries;
  assert.deepEqual(Object.keys(comparison).sort(), fields('Comparison'));
  assert.deepEqual(Object.keys(compared).sort(), [...fields('Result'), ...fields('CompareFields')].sort());
  assert.deepEqual(Object.keys(failed).sort(), fields('CompareError'));
  assert.deepEqual(Object.keys(renewing).sort(), fields('Result'));
  assert.deepEqual(Object.keys(renewing.schedule[0]).sort(), fields('ScheduleRow'));
  assert.deepEqual(Object.keys(renewing.renewals[0]).sort(), fields('RenewalRow'));
  assert.deepEqual(Object.keys(renewing.explain[0]).sort(), fields('ExplainStep'));
  assert.deepEqual(Object.keys(compared.assumptions[0]).sort(), fields('Assumption'));
  const breach = engine.calculate({ ...catalog[0], demandRate: '0.01' }, { start: '2025-01-15', months: 12, installment: '100', events: [{ n: 2, missed: true }] });
  assert.deepEqual(Object.keys(breach.breach).sort(), fields('BreachRow'));
  assert.deepEqual(Object.keys(breach.warnings[0] ?? { code: 1, path: 1, message: 1 }).sort(), fields('Warning'));
  assert.deepEqual(Object.keys(engine.validateProduct({})[0]).sort(), fields('Problem'));
  const solved = engine.solveInstallment(catalog[0], { start: '2025-01-15', months: 12 }, '1000');
  assert.deepEqual(Object.keys(solved).sort(), fields('Solution'));
  // Every key the engine accepts in a product is declared.
  const productKeys = fields('Product');
  for (const p of catalog) for (const k of Object.keys(p)) assert.ok(productKeys.includes(k), `Product.${k} is declared`);
});
