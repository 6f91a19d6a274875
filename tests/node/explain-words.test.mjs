// "How we calculated" says the engine's TDS formulas in the reader's language
// (www/panels/explain.js `words`): the words change, the numbers and operators
// stay exactly as the engine wrote them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPkg } from './load-pkg.mjs';
import { words } from '../../www/panels/explain.js';
import en from '../../www/locales/en.js';
import zhCN from '../../www/locales/zh-CN.js';

const engine = await loadPkg();
const shared = JSON.parse(await readFile(new URL('../data/vectors-revision2.json', import.meta.url), 'utf8'));
const product = shared.products.find((p) => p.id === 'in-tds-low-thresholds');
const t = (texts) => (key, args = {}) => texts[key].replace(/\{(\w+)\}/g, (_, k) => String(args[k]));
const tds = (plan) => engine.calculate(product, { start: '2025-01-15', months: 2, installment: '40000', ...plan })
  .explain.filter((s) => s.key === 'withholding').map((s) => s.formula);
const numbers = (s) => s.match(/\d[\d.-]*|[×>≤→%]/g);

test('every TDS formula of the engine reads in Chinese with the same numbers', () => {
  const formulas = [...tds({}), ...tds({ noPan: true }), ...tds({ exemptionForm: true })];
  assert.ok(formulas.some((f) => f.includes('no PAN')), formulas.join('\n'));
  assert.ok(formulas.some((f) => f.includes('Form 15G')), formulas.join('\n'));
  for (const f of formulas) {
    const zh = words(f, t(zhCN));
    assert.doesNotMatch(zh, /\b(FY|interest|Form|no PAN|before|halfUp|places)\b/, zh);
    assert.deepEqual(numbers(zh.replace(/保留 \d+ 位小数/, '')), numbers(f.replace(/ → halfUp to \d+ places$/, '')), `${f}\n${zh}`);
    assert.equal(words(f, t(en)).replace(/rounded half up to (\d+) places$/, 'halfUp to $1 places'), f);
  }
});

test('a year before TDS was in force says so in Chinese', () => {
  const zh = words('FY 2018-19: interest 10 , no TDS before 2019-04-01 → 0'.replace(' ,', ','), t(zhCN));
  assert.equal(zh, '2018-19 财年: 利息 10, 2019-04-01 前不扣 TDS → 0');
});
