// reconcile() in the shipped package (pkg/) under node --test: the README's
// worked example through JS, the thrown Error's shape for bad statement
// fields, the declared fields, and a thousand malformed statements that never
// kill the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg, pkgDir } from './load-pkg.mjs';

const engine = await loadPkg();
const standard = engine.catalog().find((p) => p.id === 'cn-lczq-standard');
const row = (date, amount) => ({ date, amount });
const workedExample = {
  start: '2025-01-15', months: 12, installment: null, rate: null, withdrawOn: null, bankPayout: '11039.54',
  deposits: [
    row('2025-01-15', '1000'), row('2025-02-15', '1000'), row('2025-03-15', '1000'), row('2025-04-15', '1000'),
    row('2025-06-16', '2000'), row('2025-07-15', '1000'), row('2025-08-15', '1000'), row('2025-10-15', '1000'),
    row('2025-11-15', '1000'), row('2025-11-20', '1000'), row('2025-12-15', '1000'),
  ],
};

test('the README worked example through the JS API', () => {
  const r = engine.reconcile(standard, workedExample);
  assert.deepEqual(r.plan.events, [{ n: 5, paidOn: '2025-06-16' }, { n: 6, paidOn: '2025-06-16' }, { n: 9, missed: true }]);
  assert.deepEqual(r.deposits[4], { index: 4, date: '2025-06-16', amount: '2000', installments: [5, 6], status: 'late' });
  assert.equal(r.deposits[9].status, 'ignored');
  assert.deepEqual(r.problems.map((p) => [p.code, p.path]), [['DEPOSIT_NOT_MATCHED', 'statement.deposits[9]']]);
  assert.equal(r.result.payout, '11038.04');
  assert.deepEqual(r.result.breach, { trigger: 'unmadeUp', installment: 9, date: '2025-11-15', effect: 'laterAtDemand', rate: '0.05' });
  assert.equal(r.bank.difference, '1.50');
  assert.equal(r.bank.explain[0].key, 'noBreach');
  // The plan it gives is an ordinary plan: calculate prices it the same.
  assert.deepEqual(engine.calculate(standard, r.plan), r.result);
});

test('bad statement fields throw an Error with code and path; the next call works', () => {
  const bad = (change, code, path) => assert.throws(() => engine.reconcile(standard, { ...workedExample, ...change }),
    (e) => e instanceof Error && e.code === code && e.path === path && e.message.length > 0, `${code} at ${path}`);
  const rows = workedExample.deposits.slice();
  rows[3] = row('2025-04-31', '1000');
  bad({ deposits: rows }, 'DATE_OUT_OF_RANGE', 'statement.deposits[3].date');
  bad({ deposits: [row('2025-01-15', 1000)] }, 'INVALID_DECIMAL', 'statement.deposits[0].amount');
  bad({ months: 24 }, 'TERM_NOT_OFFERED', 'statement.months');
  bad({ bankPayout: '11,039.54' }, 'INVALID_DECIMAL', 'statement.bankPayout');
  bad({ memo: 'x' }, 'UNKNOWN_FIELD', 'statement.memo');
  assert.throws(() => engine.reconcile(standard), { code: 'MISSING_FIELD', path: 'statement' });
  assert.throws(() => engine.reconcile(standard, 10n), { code: 'INVALID_TYPE', path: 'statement' });
  assert.equal(engine.reconcile(standard, workedExample).result.payout, '11038.04');
});

test('the TypeScript declarations name the fields reconcile returns', async () => {
  const dts = await readFile(new URL('savings_plan.d.ts', pkgDir), 'utf8');
  assert.ok(dts.includes('reconcile(product: Product, statement: Statement): Reconciliation'));
  const fields = (name) => {
    const m = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`)) ?? dts.match(new RegExp(`export interface ${name} \\{([^}]*)\\}`));
    assert.ok(m, name);
    return [...m[1].replaceAll(/\/\*\*[\s\S]*?\*\//g, '').matchAll(/(\w+)\??:/g)].map((x) => x[1]).sort();
  };
  const r = engine.reconcile(standard, workedExample);
  assert.deepEqual(Object.keys(r).sort(), fields('Reconciliation'));
  assert.deepEqual(Object.keys(r.plan).sort(), ['events', 'inflation', 'installment', 'months', 'rate', 'start', 'withdrawOn']);
  assert.deepEqual(Object.keys(r.deposits[0]).sort(), fields('DepositMatch'));
  assert.deepEqual(Object.keys(r.problems[0]).sort(), fields('ReconcileProblem'));
  assert.deepEqual(Object.keys(r.bank).sort(), fields('BankComparison'));
  assert.deepEqual(Object.keys(workedExample).sort(), fields('Statement'));
  // Each cause key is declared with exactly the fields the engine writes for it.
  const causes = [...dts.matchAll(/\| \{ key: "(\w+)";([^}]*)\}/g)].map((m) => [m[1], ['key', ...[...m[2].matchAll(/(\w+)\??:/g)].map((x) => x[1])].sort()]);
  const declared = Object.fromEntries(causes);
  assert.deepEqual(Object.keys(r.bank.explain[0]).sort(), declared.noBreach);
  const agrees = engine.reconcile(standard, { ...workedExample, bankPayout: '11038.04' }).bank.explain[0];
  assert.deepEqual(Object.keys(agrees).sort(), declared.agrees);
  const tax = engine.reconcile(standard, { ...workedExample, bankPayout: '11030.43' }).bank.explain[0];
  assert.equal(tax.key, 'tax');
  assert.deepEqual(Object.keys(tax).sort(), declared.tax);
});

test('a thousand malformed statements end in a result or a thrown Error, never a dead module', () => {
  const values = [null, true, 0, -1, 12, 1.5, '', 'x', '2025-02-30', '2025-03-20', '1000', '2000', '1.35', '-5', '1e3', [], {}, [row('2025-01-15', '1000')]];
  const keys = ['start', 'months', 'installment', 'deposits', 'withdrawOn', 'rate', 'bankPayout', 'extra'];
  let seed = 7;
  const pick = (list) => { seed = (seed * 1103515245 + 12345) % 2147483648; return list[seed % list.length]; };
  let results = 0;
  let errors = 0;
  for (let i = 0; i < 1000; i++) {
    const s = structuredClone(workedExample);
    s.bankPayout = null;
    if (i % 4 === 0) {
      // Well-formed rows anywhere from before the start to after maturity: problems, not errors.
      for (let j = 0; j < 1 + (i % 7); j++) s.deposits.push(row(pick(['2024-12-31', '2025-03-20', '2025-05-15', '2025-09-01', '2026-01-15', '2027-01-01']), pick(['1000', '2000', '1500', '0.01', '99999999'])));
    } else for (let j = 0; j < 1 + (i % 3); j++) {
      if (i % 2) s[pick(keys)] = pick(values);
      else s.deposits[pick([0, 3, 7, 10])] = pick([row(pick(values), '1000'), row('2025-03-15', pick(values)), pick(values)]);
    }
    try {
      engine.reconcile(standard, s);
      results++;
    } catch (e) {
      assert.ok(e instanceof Error && typeof e.code === 'string' && e.path.startsWith('statement'), `${e.code} ${e.path}`);
      errors++;
    }
  }
  assert.equal(results + errors, 1000);
  assert.ok(results > 250 && errors > 300, `${results} results, ${errors} errors`);
  assert.equal(engine.reconcile(standard, workedExample).result.payout, '11038.04');
});

test('every problem code and cause key has words in zh-CN, en and en-IN', async () => {
  const dts = await readFile(new URL('../../src/wasm.d.ts', import.meta.url), 'utf8');
  // The codes are one table in the engine (vocabulary!), written to wasm.d.ts as a named union.
  const problem = dts.match(/export type ReconcileProblemCode = ([^;]*);/)[1];
  const codes = [...problem.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]);
  const keys = [...dts.matchAll(/\| \{ key: "(\w+)"/g)].map((m) => m[1]);
  assert.equal(codes.length, 4);
  assert.ok(keys.length >= 11);
  const { default: en } = await import('../../www/locales/en.js');
  const { default: zh } = await import('../../www/locales/zh-CN.js');
  const { default: enIN } = await import('../../www/locales/en-IN.js');
  for (const [name, texts] of [['en', en], ['zh-CN', zh], ['en-IN', enIN]]) {
    const missing = [...codes.map((c) => `stmt_why_${c}`), ...keys.map((k) => `stmt_cause_${k}`)].filter((k) => !texts[k]);
    assert.deepEqual(missing, [], name);
  }
});
