// "If I might need it early" (issue 14) in Debian's Chromium: with a high
// chance of closing early, a product with a mild early-withdrawal rule ranks
// above one that pays more at maturity (zh-CN and en); the payout curve's
// chart has a table with the same figures as its text alternative, refused
// months marked; the teller's view shows the payouts grid for banks from the
// engine's payouts and adds the advice to the printed quote; axe-core clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, ready } from './harness.mjs';
import { loadPkg } from '../node/load-pkg.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const engine = await loadPkg();
const standard = engine.catalog().find((p) => p.id === 'cn-lczq-standard');
const calc = 'savings-plan-calculator';
const OUT = new URL('./output/', import.meta.url);

// Pays more at maturity, only the demand rate on an early close…
const STRICT = { ...standard, id: 'strict-bank', name: { 'zh-CN': '甲银行零存整取', en: 'Bank A installment savings' },
  terms: [{ months: 36, rate: '2.00' }] };
// …against a lower rate that keeps most of it on an early close.
const MILD = { ...standard, id: 'mild-bank', name: { 'zh-CN': '乙银行零存整取', en: 'Bank B installment savings' },
  terms: [{ months: 36, rate: '1.80' }], early: { allowed: true, minMonths: 0, rate: 'contractMinus', penalty: '0.10' } };
// No early close in the first year.
const LOCKED = { ...standard, id: 'locked-bank', name: { 'zh-CN': '丙银行零存整取', en: 'Bank C installment savings' },
  terms: [{ months: 36, rate: '1.90' }], early: { allowed: true, minMonths: 12, rate: 'demand' } };
const PLAN = { start: '2025-06-10', months: 36, installment: '1000', rate: null, events: [], withdrawOn: null, inflation: null };

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** The page with the given products (first = quoted), language and view. */
async function open({ products, lang = 'zh-CN', mode = 'saver', viewport } = {}) {
  const o = await openPage(browser, `${origin}/`, { viewport, locale: lang });
  await ready(o.page);
  await o.page.evaluate(([list, plan, l, m]) => new Promise((ok) => {
    const el = document.querySelector('savings-plan-calculator');
    el.setAttribute('today', '2025-06-01');
    el.setAttribute('lang', l);
    el.setAttribute('mode', m);
    el.setAttribute('plan', JSON.stringify(plan));
    el.products = list;
    requestAnimationFrame(() => requestAnimationFrame(ok));
  }), [products, PLAN, lang, mode]);
  await o.page.waitForFunction((ids) => {
    const root = document.querySelector('savings-plan-calculator').shadowRoot;
    return root.getElementById('advice-title') && root.querySelector('#product option:checked')?.value === ids[0];
  }, products.map((p) => p.id));
  return o;
}

/** Chooses a chance and waits for the ranking. */
async function chance(page, which) {
  await page.click(`${calc} >> label:has(#advice-chance-${which})`);
  await page.waitForFunction(() => document.querySelector('savings-plan-calculator').shadowRoot.querySelector('#advice-table tbody tr'));
}

/** The ranking as shown: [{ product, rank, text }] in table order. */
function ranking(page) {
  return page.evaluate(() => [...document.querySelector('savings-plan-calculator').shadowRoot.querySelectorAll('#advice-table tbody tr')]
    .map((tr) => ({ product: tr.dataset.product ?? null, rank: tr.dataset.rank, text: tr.textContent })));
}

test('the engine: the strict product pays more at maturity, the mild one more on average when an early close is likely', () => {
  const calm = engine.advise([STRICT, MILD], PLAN, { earlyChance: '0' });
  const likely = engine.advise([STRICT, MILD], PLAN, { earlyChance: '0.8' });
  assert.ok(Number(calm.entries[0].payout) > Number(calm.entries[1].payout));
  assert.deepEqual(calm.entries.map((e) => e.rank), [1, 2]);
  assert.deepEqual(likely.entries.map((e) => e.rank), [2, 1]);
  assert.equal(likely.entries[0].curve.length, 36);
});

for (const [lang, heading, best] of [['zh-CN', '如果可能提前支取', '最优'], ['en', 'If I might need it early', 'Best']]) {
  test(`${lang}: a high chance of closing early ranks the mild early-withdrawal rule first`, async () => {
    const { page, context, log } = await open({ products: [STRICT, MILD], lang });
    const root = (id) => page.evaluate((i) => document.querySelector('savings-plan-calculator').shadowRoot.getElementById(i)?.textContent, id);
    assert.equal(await root('advice-title'), heading);
    assert.ok(await root('advice-none'), 'no ranking until a chance is chosen');
    await chance(page, 'high');
    const rows = await ranking(page);
    assert.equal(rows[0].product, 'mild-bank');
    assert.equal(rows[0].rank, '1');
    assert.ok(rows[0].text.includes(best));
    // The component's one live region says what ranks first.
    await page.waitForFunction((name) => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('live').textContent.includes(name),
      lang === 'en' ? 'Bank B installment savings' : '乙银行零存整取');
    const strict = rows.find((r) => r.product === 'strict-bank');
    assert.ok(Number(strict.rank) > 1, `strict ranks ${strict.rank}`);
    // The figures are the engine's: the expected payout shown is advise's, formatted.
    const variants = await page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.querySelectorAll('#advice-table tbody tr').length);
    assert.ok(variants >= 2);
    const direct = engine.advise([STRICT, MILD], PLAN, { earlyChance: '0.8', earlyFrom: 1, earlyTo: null });
    const mild = direct.entries[1];
    const shown = rows[0].text.replace(/[^\d.]/g, '');
    assert.ok(shown.includes(mild.expectedPayout), `${shown} shows ${mild.expectedPayout}`);
    // For the README (docs/advice-<lang>.png): the panel as the saver sees it with a high chance.
    await page.locator(`${calc} >> section.advice`).screenshot({ path: new URL(`advice-${lang}.png`, OUT).pathname });
    // A saver who will most likely keep it: the product that pays more at maturity ranks above again.
    await page.click(`${calc} >> label:has(#advice-chance-none)`);
    await page.waitForFunction(() => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('advice-none'));
    await page.click(`${calc} >> label:has(#advice-chance-custom)`);
    await page.fill(`${calc} >> #advice-percent`, '５%');
    await page.waitForFunction(() => document.querySelector('savings-plan-calculator').shadowRoot.querySelector('#advice-table tbody tr'));
    const low = await ranking(page);
    const rankOf = (id) => Number(low.find((r) => r.product === id)?.rank);
    assert.ok(rankOf('strict-bank') < rankOf('mild-bank'), `at 5%: strict ${rankOf('strict-bank')}, mild ${rankOf('mild-bank')}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the curve chart has a table with the same figures, refused months marked', async () => {
  const { page, context } = await open({ products: [LOCKED, MILD], lang: 'en' });
  await chance(page, 'even');
  const chart = await page.evaluate(() => {
    const root = document.querySelector('savings-plan-calculator').shadowRoot;
    const svg = root.querySelector('#advice-chart svg');
    const ids = svg.getAttribute('aria-labelledby').split(' ');
    const table = root.getElementById('advice-curve-table');
    return {
      role: svg.getAttribute('role'),
      name: ids.map((i) => root.getElementById(i)?.textContent ?? '').join(' '),
      head: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      caption: table.querySelector('caption').textContent,
    };
  });
  assert.equal(chart.role, 'img');
  assert.match(chart.name, /Interest each product pays if withdrawn in each month/);
  assert.match(chart.name, /Bank C installment savings/);
  assert.equal(chart.caption, 'The same figures as a table');
  assert.equal(chart.rows.length, 36);
  const locked = chart.head.findIndex((x) => x.startsWith('Bank C'));
  assert.ok(locked > 0, chart.head.join(' | '));
  assert.equal(chart.rows[0][locked], 'not allowed');
  assert.equal(chart.rows[10][locked], 'not allowed');
  const advice = engine.advise([LOCKED, MILD], PLAN, { earlyChance: '0.5' });
  const curve = advice.entries[0].curve;
  assert.equal(curve[11].payout != null, true);
  const grouped = (x) => x.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  assert.ok(chart.rows[11][locked].includes(grouped(curve[11].payout)), chart.rows[11][locked]);
  assert.ok(chart.rows[11][locked].includes(`of which interest CN¥${grouped(curve[11].interest)}`), chart.rows[11][locked]);
  assert.ok(chart.rows[35][locked].includes(grouped(advice.entries[0].payout)), chart.rows[35][locked]);
  await context.close();
});

test('teller: the grid for banks is the engine’s payouts; the printed quote carries the advice', async () => {
  const { page, context } = await open({ products: [STRICT, MILD], lang: 'en', mode: 'teller' });
  await chance(page, 'high');
  const grid = await page.evaluate(() => {
    const table = document.querySelector('savings-plan-calculator').shadowRoot.getElementById('advice-grid');
    return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
  });
  assert.equal(grid.length, 7, 'rates around 2.00%');
  assert.equal(grid[3][0], '2.00%');
  const [payout] = engine.payouts(STRICT, [{ ...PLAN, rate: '2.00' }]);
  assert.equal(grid[3][1].replace(/[^\d.]/g, ''), payout);
  assert.equal(payout, engine.calculate(STRICT, { ...PLAN, rate: '2.00' }).payout);
  const quoted = await page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.querySelector('#quote-doc #qd-advice')?.textContent ?? null);
  assert.ok(quoted && quoted.includes('Bank B installment savings'), quoted);
  await context.close();
});

test('axe-core finds no violations in the advice panel, in Chinese and on an English phone, teller and saver', async () => {
  for (const [lang, viewport, mode] of [['zh-CN', { width: 1280, height: 900 }, 'teller'], ['en', { width: 390, height: 844 }, 'saver']]) {
    const { page, context } = await open({ products: [LOCKED, MILD, STRICT], lang, mode, viewport });
    await chance(page, 'high');
    await page.evaluate(() => { document.querySelector('savings-plan-calculator').shadowRoot.querySelector('.advice-curve-details').open = true; });
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(violations, [], `${lang}: ${violations.join('\n')}`);
    await context.close();
  }
});
