// The page in Debian's Chromium through Playwright: figures equal the
// engine's, the shared vectors entered through the UI, locales, CSV, share
// links, the configurator, the print view, keyboard-only use, axe-core, and
// the timings the closing note reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, ready, shadowText } from './harness.mjs';
import { loadPkg } from '../node/load-pkg.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const vectors = JSON.parse(await readFile(new URL('../data/vectors.json', import.meta.url), 'utf8'));
const engine = await loadPkg();
const OUT = new URL('./output/', import.meta.url);
await mkdir(OUT, { recursive: true });

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const TODAY = '2025-01-15';
const calc = 'savings-plan-calculator';
const q = (id) => `${calc} >> #${id}`;

async function open(path = `/`, options) {
  const o = await openPage(browser, `${origin}${path}`, options);
  await ready(o.page);
  return o;
}

/** Sets the `today` attribute so defaults are reproducible. */
async function pinToday(page) {
  await page.evaluate((d) => new Promise((ok) => {
    document.querySelector('savings-plan-calculator').setAttribute('today', d);
    // The attribute re-renders in the next frame; wait past it.
    requestAnimationFrame(() => requestAnimationFrame(ok));
  }), TODAY);
}

/** Waits until an element's text matches (panels below the comparison update in the next frame). */
async function waitText(page, id, pattern) {
  await page.waitForFunction(([sel, i, src]) => new RegExp(src).test(document.querySelector(sel).shadowRoot.getElementById(i)?.textContent ?? ''),
    [calc, id, pattern.source], { timeout: 5000 });
  return shadowText(page, id);
}

async function payout(page) {
  return (await shadowText(page, 'payout'))?.trim();
}

function cny(text, locale = 'zh-CN') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text);
}

async function setPlan(page, { product, installment, months, start, rate, withdrawOn }) {
  if (product) await page.selectOption(q('product'), product);
  if (months) await page.selectOption(q('months'), String(months));
  if (start) await page.fill(q('start'), start);
  if (installment) await page.fill(q('installment'), installment);
  if (rate !== undefined) await page.fill(q('rate'), rate ?? '');
  if (withdrawOn !== undefined) await page.fill(q('withdrawOn'), withdrawOn ?? '');
}

const TITLES = { 'zh-CN': '产品与方案对比', en: 'Compare products and variants', 'en-IN': 'Compare products and variants' };

/** Switches the language with the component's own control and waits for the re-render. */
async function setLang(page, lang) {
  await page.selectOption(q('lang'), lang);
  await page.waitForFunction(([sel, l, title]) => {
    const root = document.querySelector(sel).shadowRoot;
    return root.querySelector('.spc')?.getAttribute('lang') === l && root.getElementById('compare-title')?.textContent === title;
  }, [calc, lang, TITLES[lang]]);
}

/** The teller's view: only a host can ask for it (mode="teller"), as teller.html does; here the test is the host. */
async function teller(page) {
  await page.evaluate(() => document.querySelector('savings-plan-calculator').setAttribute('mode', 'teller'));
  await page.locator(q('rate')).waitFor();
}

/** Opens every folded section (folded by default on a phone). */
async function openFolds(page) {
  const folded = page.locator(`${calc} >> .fold-toggle[aria-expanded="false"]`);
  while (await folded.count()) await folded.first().click();
}

async function openConfig(page) {
  const open = await page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('config').open);
  if (!open) await page.click(`${calc} >> #config summary`);
}

test('loads with no console error, no other host, and the engine’s figures for the default plan', async () => {
  const { page, log, context } = await open('/');
  const detail = await page.evaluate(() => new Promise((ok) => {
    const el = document.querySelector('savings-plan-calculator');
    el.addEventListener('savings-plan-result', (e) => ok(e.detail), { once: true });
    el.setAttribute('today', '2025-01-15');
    el.setAttribute('plan', JSON.stringify({ start: '2025-01-15', months: 12, installment: '1000' }));
  }));
  const [standard] = engine.catalog();
  const expected = engine.calculate(standard, detail.plan);
  assert.equal(detail.results[0].payout, expected.payout);
  assert.equal(await payout(page), cny(expected.payout));
  assert.equal((await shadowText(page, 'headline-interest')).trim(), cny(expected.interest));
  assert.deepEqual(log.errors, []);
  assert.deepEqual([...log.hosts], [new URL(origin).host]);
  await context.close();
});

const UI_VECTORS = {
  'cn-1y-1000-1.35': async (page, v) => {
    await setPlan(page, { product: 'cn-lczq-standard', months: 12, start: v.plan.start, installment: v.plan.installment, rate: v.plan.rate });
  },
  'cn-breach-later-at-demand': async (page, v) => {
    await setPlan(page, { product: 'cn-lczq-standard', months: 12, start: v.plan.start, installment: v.plan.installment, rate: v.plan.rate });
    await openConfig(page);
    await page.fill(q('f-demandRate'), '0.35');
    await page.click(`${calc} >> .cell[data-n="5"]`);
    await page.click(`${calc} >> .cell[data-n="6"]`);
  },
  'cn-early-6-of-12': async (page, v) => {
    await setPlan(page, { product: 'cn-lczq-standard', months: 12, start: v.plan.start, installment: v.plan.installment, rate: v.plan.rate });
    for (const n of [7, 8, 9, 10, 11, 12]) await page.click(`${calc} >> .cell[data-n="${n}"]`);
    await page.fill(q('withdrawOn'), v.plan.withdrawOn);
  },
  'cn-auto-renew-1y': async (page, v) => {
    await setPlan(page, { product: 'cn-lczq-auto-renew', months: 12, start: v.plan.start, installment: v.plan.installment, rate: v.plan.rate });
    await openConfig(page);
    await page.fill(q('f-maturity-renew-rate'), '1.10');
    await page.fill(q('withdrawOn'), v.plan.withdrawOn);
  },
};

for (const [id, enter] of Object.entries(UI_VECTORS)) {
  test(`vector ${id} entered through the UI shows its payout`, async () => {
    const v = vectors.vectors.find((x) => x.id === id);
    const { page, log, context } = await open('/');
    await pinToday(page);
    await teller(page);
    await enter(page, v);
    await page.waitForFunction(([sel, want]) => document.querySelector(sel).shadowRoot.getElementById('payout')?.textContent.trim() === want,
      [calc, cny(v.expect.payout)], { timeout: 5000 }).catch(() => {});
    assert.equal(await payout(page), cny(v.expect.payout), id);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('locale switch: English, then English (India) with lakh grouping', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await setLang(page, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await shadowText(page, 'compare-title')).trim(), 'Compare products and variants');
  assert.match(await payout(page), /^CN¥[\d,]+\.\d\d$/);
  await setLang(page, 'en-IN');
  await page.selectOption(q('product'), 'in-post-office-rd');
  await page.fill(q('start'), '2024-04-01');
  await page.fill(q('installment'), '5000');
  assert.equal(await payout(page), '₹3,56,829.14');
  await setLang(page, 'zh-CN');
  assert.equal((await shadowText(page, 'compare-title')).trim(), '产品与方案对比');
  await context.close();
});

test('CSV downloads of the schedule and the comparison', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await setPlan(page, { start: '2025-01-15', installment: '1000' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(q('csv-schedule'))]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(csv.length, 13);
  assert.equal(csv[0], '期数,应存日,实存日,金额,状态,累计存入,利率,计息单位');
  assert.equal(csv[1], '1,2025-01-15,2025-01-15,1000,按时存入,1000,0.65,12');
  assert.equal(csv[12], '12,2025-12-15,2025-12-15,1000,按时存入,12000,0.65,1');
  const [cmp] = await Promise.all([page.waitForEvent('download'), page.click(q('csv-comparison'))]);
  const rows = (await readFile(await cmp.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.ok(rows.length >= 8);
  assert.match(rows[1], /^零存整取（标准） — 标准,CNY,12000\.00,42\.25,0\.00,0\.00,0\.00,12042\.25,/);
  await context.close();
});

test('share URL round trip restores the whole scenario', async () => {
  const { page, context } = await open('/teller.html');
  await pinToday(page);
  await setPlan(page, { product: 'cn-lczq-standard', start: '2025-01-15', installment: '1000', rate: '1.35' });
  await page.click(`${calc} >> .cell[data-n="5"]`);
  await page.fill(q('withdrawOn'), '2025-10-15');
  await setLang(page, 'en');
  const before = await payout(page);
  await page.click(q('share'));
  const url = await page.waitForFunction(() => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('share-status').dataset.url)
    .then((h) => h.jsonValue());
  await page.waitForURL(url, { timeout: 3000 }); // the address bar holds the same scenario
  const second = await openPage(browser, url);
  await ready(second.page);
  assert.equal(await payout(second.page), before);
  assert.equal(await second.page.inputValue(q('rate')), '1.35');
  assert.equal(await second.page.inputValue(q('withdrawOn')), '2025-10-15');
  assert.equal(await second.page.getAttribute(`${calc} >> .cell[data-n="5"]`, 'data-status'), 'missed');
  assert.equal(await second.page.evaluate(() => document.documentElement.lang), 'en');
  await second.context.close();
  await context.close();
});

test('a product edited in the configurator changes the result; errors show at their fields', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await setPlan(page, { start: '2025-01-15', installment: '1000' });
  const before = await payout(page);
  await openConfig(page);
  await page.fill(q('f-terms-0-rate'), '1.35');
  assert.equal(await payout(page), cny('12087.75'));
  assert.notEqual(before, cny('12087.75'));
  // A bad decimal in the configurator: error at that field, linked and announced.
  await page.fill(q('f-demandRate'), 'abc');
  const err = await shadowText(page, 'f-demandRate-error');
  assert.match(err, /错误：.*请输入数字/);
  assert.equal(await page.getAttribute(q('f-demandRate'), 'aria-invalid'), 'true');
  assert.match(await page.getAttribute(q('f-demandRate'), 'aria-describedby'), /f-demandRate-error/);
  assert.ok(await shadowText(page, 'config-errors'));
  await page.fill(q('f-demandRate'), '0.05');
  assert.equal(await shadowText(page, 'config-errors'), null);
  // A plan error at its field.
  await page.fill(q('installment'), '4');
  assert.match(await shadowText(page, 'installment-error'), /每月存入金额不能低于 ¥5/);
  assert.equal(await page.getAttribute(q('installment'), 'aria-invalid'), 'true');
  await page.fill(q('installment'), '1000');
  assert.equal(await page.getAttribute(q('installment'), 'aria-invalid'), null);
  await context.close();
});

test('save the catalog as JSON, load another one from a file', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await openConfig(page);
  await page.fill(q('f-terms-0-rate'), '1.35');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(q('save-catalog'))]);
  const catalog = JSON.parse(await readFile(await saved.path(), 'utf8'));
  assert.equal(catalog.length, 7);
  assert.equal(catalog[0].terms[0].rate, '1.35', 'the edit is saved');
  assert.deepEqual(engine.validateProduct(catalog[0]), []);
  await page.setInputFiles(q('catalog-file'), new URL('./fixtures/bank-a.json', import.meta.url).pathname);
  await waitText(page, 'config-status', /2/);
  assert.equal(await page.$eval(q('product'), (s) => [...s.options].map((o) => o.textContent).join('|')), '甲银行月月存|Bank A Daily Saver');
  await page.fill(q('start'), '2025-01-15');
  assert.equal(await payout(page), cny('12130.00'));
  await context.close();
});

test('every row of the comparison can be explained', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await teller(page);
  await setPlan(page, { product: 'cn-lczq-standard', start: '2025-01-15', installment: '1000', rate: '1.35' });
  await waitText(page, 'explain', /1000 × 78 × 1\.35% ÷ 12/);
  // The auto-renewed variant: its renewal step is explained.
  await page.selectOption(q('explain-for'), '1');
  assert.match(await waitText(page, 'explain', /转存/), /12087\.75 × 1\.35% × 12 ÷ 12/);
  // The daily-product variant: its 积数.
  await page.selectOption(q('explain-for'), '3');
  assert.match(await waitText(page, 'explain', /日积数/), /365000|2373000|× 1\.35% ÷ 360/);
  await context.close();
});

test('reverse solve gives the monthly amount for a target', async () => {
  const { page, context } = await open('/');
  await pinToday(page);
  await teller(page);
  await setPlan(page, { start: '2025-01-15', installment: '5', rate: '1.35' });
  await page.fill(q('target'), '12087.75');
  assert.match(await waitText(page, 'solve-text', /每月存入 ¥1,000，/), /每月存入 ¥1,000，/);
  await page.click(q('use-amount'));
  assert.equal(await payout(page), cny('12087.75'));
  await context.close();
});

// The printed teller quote has its own tests: tests/browser/quote.test.mjs.

test('the whole flow with the keyboard alone', async () => {
  const { page, context } = await open('/teller.html');
  await pinToday(page);
  const focused = () => page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.activeElement?.id ?? document.activeElement?.id);
  // Skip link, then into the component.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const tabTo = async (id, limit = 40) => {
    for (let i = 0; i < limit; i++) {
      if ((await focused()) === id) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`could not reach #${id} with Tab`);
  };
  await tabTo('installment');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1000');
  await tabTo('start');
  await page.keyboard.type('01152025');
  await tabTo('rate');
  await page.keyboard.type('1.35');
  assert.equal(await payout(page), cny('12087.75'));
  // The month grid: Tab lands on one cell, arrows move, Enter toggles.
  await tabTo('all-on-time', 80);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`${calc} >> .cell[data-n="5"]`, 'data-status'), 'missed');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`${calc} >> .cell[data-n="5"]`, 'data-status'), 'late');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`${calc} >> .cell[data-n="5"]`, 'data-status'), 'paid');
  // Withdrawal quick date, reverse solve, configurator: all reachable and operable.
  await tabTo('w-overdue', 20);
  await page.keyboard.press('Enter');
  assert.match(await waitText(page, 'outcome', /逾期支取/), /逾期支取/);
  await tabTo('target', 20);
  await page.keyboard.type('20000');
  assert.match(await waitText(page, 'solve-text', /每月存入/), /每月存入/);
  await tabTo('use-amount', 5);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await tabTo('csv-schedule', 30);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // opens the product settings
  assert.ok(await page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('config').open));
  await context.close();
});

test('axe-core finds no violations (WCAG 2.2 A/AA), in both languages, on a phone too', async () => {
  for (const [lang, viewport] of [['zh-CN', { width: 1280, height: 900 }], ['en', { width: 390, height: 844 }]]) {
    const { page, context } = await open('/', { viewport });
    await pinToday(page);
    await setLang(page, lang);
    await teller(page);
    await openFolds(page);
    await page.click(`${calc} >> .cell[data-n="3"]`);
    await page.fill(q('target'), '50000');
    await openConfig(page);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(violations, [], `${lang}: ${violations.join('\n')}`);
    await context.close();
  }
});

test('timings: navigation to first result, input change to updated comparison', async () => {
  const { page, context } = await open('/');
  const first = await page.evaluate(() => performance.getEntriesByName('spc-first-result')[0]?.startTime);
  await pinToday(page);
  const updates = await page.evaluate(() => {
    const root = document.querySelector('savings-plan-calculator').shadowRoot;
    const input = root.getElementById('installment');
    const times = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      input.value = String(1000 + i * 10);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      root.getElementById('compare-table').querySelector('td')?.textContent; // the comparison is in the DOM now
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { median: times[15], max: times[29] };
  });
  const report = { firstResultMs: Math.round(first), inputToComparisonMedianMs: Number(updates.median.toFixed(2)), inputToComparisonMaxMs: Number(updates.max.toFixed(2)) };
  await writeFile(new URL('timings.json', OUT), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`# timings ${JSON.stringify(report)}`);
  assert.ok(first > 0);
  await context.close();
});

test('screenshots for the README: desktop and phone', async () => {
  for (const [name, viewport] of [['screenshot', { width: 1280, height: 900 }], ['screenshot-phone', { width: 390, height: 844 }]]) {
    const { page, context } = await open('/', { viewport });
    await pinToday(page);
    await page.fill(q('start'), '2025-06-10');
    await openFolds(page);
    await page.click(`${calc} >> .cell[data-n="4"]`);
    await page.evaluate(() => document.querySelector('savings-plan-calculator').shadowRoot.activeElement?.blur());
    await page.waitForTimeout(200);
    await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage: true });
    await context.close();
  }
});
