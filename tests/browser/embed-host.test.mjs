// What a partner's page controls (CONTRACT §8.5): `hide`, `theme` (also with
// the operating system set to dark), the call-to-action and disclaimer slots,
// ::part() styling, the teller's view only when the host asks for it, rich data
// through properties, properties set before the element is defined, and one
// render per frame for a burst of attribute changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage } from './harness.mjs';
import { encodeState } from '../../www/url-state.js';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
let server, origin, browser;

before(async () => {
  ({ server, origin } = await startServer({ csp: CSP, mounts: { '/fixtures/': FIXTURES } }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const waitFor = (page, id, selector) =>
  page.waitForFunction(([i, sel]) => document.getElementById(i)?.shadowRoot?.querySelector(sel), [id, selector], { timeout: 20000 });
const text = (page, id, selector) =>
  page.evaluate(([i, sel]) => document.getElementById(i)?.shadowRoot?.querySelector(sel)?.textContent ?? null, [id, selector]);
const has = (page, id, selector) =>
  page.evaluate(([i, sel]) => Boolean(document.getElementById(i).shadowRoot.querySelector(sel)), [id, selector]);
/** Whether an element inside the component takes space on screen (display:none and absent both count as no). */
const shown = (page, id, selector) =>
  page.evaluate(([i, sel]) => {
    const el = document.getElementById(i).shadowRoot.querySelector(sel);
    return Boolean(el && el.getClientRects().length);
  }, [id, selector]);
const afterTwoFrames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

test('hide leaves out what it names; the slots show the host’s content in place; ::part() styles the four parts', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/embed-host.html`, { locale: 'en-US' });
  await waitFor(page, 'lean', '#payout');
  await waitFor(page, 'full', '#payout');
  await waitFor(page, 'full', '#schedule-table, #csv-schedule');
  // 1000 × 78 × 2.00% ÷ 12 = 130.00, in both.
  assert.equal((await text(page, 'lean', '#payout')).trim(), 'CN¥12,130.00');
  assert.equal((await text(page, 'full', '#payout')).trim(), 'CN¥12,130.00');

  const parts = {
    language: '#lang', view: '#mode', share: '#share', title: '.spc-title', chart: '.slot-chart',
    'what-if': '.slot-whatIf', solve: '#target', explain: '.slot-explain', schedule: '.slot-schedule',
    configurator: '#config', csv: '#csv-comparison',
  };
  for (const [part, selector] of Object.entries(parts)) {
    assert.equal(await shown(page, 'full', selector), true, `${part} is there by default`);
    assert.equal(await shown(page, 'lean', selector), false, `hide="${part}" leaves it out`);
  }
  assert.equal(await shown(page, 'full', '#csv-schedule'), true);
  assert.equal(await has(page, 'lean', 'header'), false, 'nothing left of the header');
  // What is not hidden is still there: the form, the headline and the comparison.
  for (const selector of ['#installment', '#headline', '#compare-table']) assert.equal(await shown(page, 'lean', selector), true, selector);

  // The slots: the call to action right under the headline, the disclaimer under the comparison.
  const boxes = await page.evaluate(() => {
    const root = document.getElementById('lean').shadowRoot;
    const box = (el) => el.getBoundingClientRect().toJSON();
    return {
      ctaSlot: document.getElementById('cta').assignedSlot?.name,
      disclaimerSlot: document.getElementById('disclaimer').assignedSlot?.name,
      cta: box(document.getElementById('cta')), disclaimer: box(document.getElementById('disclaimer')),
      headline: box(root.getElementById('headline')), compare: box(root.getElementById('compare-table')),
      ctaColor: getComputedStyle(document.getElementById('cta')).backgroundColor,
    };
  });
  assert.equal(boxes.ctaSlot, 'call-to-action');
  assert.equal(boxes.disclaimerSlot, 'disclaimer');
  assert.ok(boxes.cta.top >= boxes.headline.bottom && boxes.cta.top - boxes.headline.bottom < 80, `CTA under the headline: ${JSON.stringify(boxes)}`);
  assert.ok(boxes.cta.bottom <= boxes.compare.top, 'CTA before the comparison');
  assert.ok(boxes.disclaimer.top >= boxes.compare.bottom, 'disclaimer under the comparison');
  assert.equal(boxes.ctaColor, 'rgb(138, 21, 56)', 'slotted content keeps the host’s style');
  // Content without a slot is the host's fallback for a component that never starts: not shown once it has.
  assert.equal(await page.evaluate(() => document.getElementById('fallback').getClientRects().length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('full').shadowRoot.querySelector('slot[name="call-to-action"]').assignedNodes().length), 0);

  // ::part(): each of the four parts takes the host's outline.
  const outlines = await page.evaluate(() => Object.fromEntries(['headline', 'comparison', 'form', 'quote'].map((p) => {
    const el = document.getElementById('lean').shadowRoot.querySelector(`[part~="${p}"]`);
    return [p, el ? getComputedStyle(el).outlineColor : null];
  })));
  assert.deepEqual(outlines, { headline: 'rgb(1, 2, 3)', comparison: 'rgb(4, 5, 6)', form: 'rgb(7, 8, 9)', quote: 'rgb(10, 11, 12)' });
  assert.ok((await text(page, 'lean', '[part="headline"]')).includes('CN¥12,130.00'));
  assert.ok(await has(page, 'lean', '[part="form"] #installment'));
  assert.ok(await has(page, 'lean', '[part="comparison"] #compare-table'));

  // hide is live, and mirrored by a property that also takes an array.
  await page.evaluate(() => { document.getElementById('lean').hide = ['share', 'csv']; });
  await afterTwoFrames(page);
  assert.equal(await page.getAttribute('#lean', 'hide'), 'share csv');
  assert.equal(await shown(page, 'lean', '#lang'), true);
  assert.equal(await shown(page, 'lean', '#share'), false);
  assert.equal(await shown(page, 'lean', '#csv-comparison'), false);
  assert.equal(await shown(page, 'lean', '.slot-chart'), true);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('theme: light by default on a dark operating system; dark always dark; auto follows the system', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/themes.html`, { locale: 'en-US' });
  for (const id of ['default', 'light', 'auto', 'dark']) await waitFor(page, id, '#payout');
  const colours = () => page.evaluate(() => Object.fromEntries(['default', 'light', 'auto', 'dark'].map((id) => {
    const root = document.getElementById(id).shadowRoot;
    const mount = getComputedStyle(root.querySelector('.mount'));
    return [id, { bg: mount.backgroundColor, fg: getComputedStyle(root.getElementById('payout')).color, scheme: mount.colorScheme }];
  })));
  const LIGHT = { bg: 'rgb(255, 255, 255)', fg: 'rgb(27, 31, 36)', scheme: 'light' };
  const DARK = { bg: 'rgb(20, 23, 27)', fg: 'rgb(238, 241, 244)', scheme: 'dark' };

  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await colours(), { default: LIGHT, light: LIGHT, auto: DARK, dark: DARK }, 'OS dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await colours(), { default: LIGHT, light: LIGHT, auto: LIGHT, dark: DARK }, 'OS light');

  // The property mirrors the attribute; an unknown value is the default.
  const theme = await page.evaluate(() => {
    const el = document.getElementById('default');
    const before = el.theme;
    el.theme = 'dark';
    const attr = el.getAttribute('theme');
    el.setAttribute('theme', 'purple');
    return { before, attr, unknown: el.theme };
  });
  assert.deepEqual(theme, { before: 'light', attr: 'dark', unknown: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual((await colours()).default, LIGHT, 'an unknown theme is light');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a saver embed has no teller view: not in the switcher, not from a link, no link rate; only the host can ask for it', async () => {
  // A crafted link that asks for the teller's view and a 9.99% rate.
  const s = encodeState({ id: 'full', chosen: 'bank-a-saver', mode: 'teller', lang: 'en',
    plan: { start: '2025-01-15', months: 12, installment: '1000', rate: '9.99', events: [], withdrawOn: null, inflation: null } });
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/embed-host.html?s=${s}`, { locale: 'en-US' });
  await waitFor(page, 'full', '#payout');
  const options = () => page.evaluate(() => [...document.getElementById('full').shadowRoot.querySelectorAll('#mode option')].map((o) => o.value));
  assert.deepEqual(await options(), ['saver', 'compact']);
  assert.equal(await has(page, 'full', '#rate'), false, 'no rate override in a saver view');
  assert.equal(await has(page, 'full', '#print'), false);
  // The product's own rate, not the link's: 1000 × 78 × 2.00% ÷ 12.
  assert.equal((await text(page, 'full', '#payout')).trim(), 'CN¥12,130.00');
  assert.equal(await page.evaluate(() => document.getElementById('full').mode), 'saver');

  // The switcher goes between the saver's and the compact view, never to the teller's.
  await page.locator('#full >> #mode').selectOption('compact');
  await waitFor(page, 'full', '.spc[data-mode="compact"]');
  await page.locator('#full >> #mode').selectOption('saver');
  await waitFor(page, 'full', '.spc[data-mode="saver"]');
  // A script that forges the switcher's choice gets the saver's view.
  await page.evaluate(() => {
    const select = document.getElementById('full').shadowRoot.getElementById('mode');
    select.append(new Option('teller', 'teller'));
    select.value = 'teller';
    select.dispatchEvent(new Event('change'));
  });
  await afterTwoFrames(page);
  assert.equal(await page.evaluate(() => document.getElementById('full').mode), 'saver');
  assert.equal(await has(page, 'full', '#rate'), false);

  // The host asks: the teller's view, its rate override, and the switcher offers it.
  await page.evaluate(() => { document.getElementById('full').mode = 'teller'; });
  await waitFor(page, 'full', '#rate');
  assert.deepEqual(await options(), ['saver', 'teller', 'compact']);
  // …unless the host also hides it.
  await page.evaluate(() => document.getElementById('full').setAttribute('hide', 'teller'));
  await afterTwoFrames(page);
  assert.equal(await has(page, 'full', '#rate'), false);
  assert.deepEqual(await options(), ['saver', 'compact']);
  assert.equal(await page.evaluate(() => document.getElementById('full').mode), 'saver');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('properties set before the element is defined are kept; rich data as objects; one render per frame', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/blank.html`, { locale: 'en-US' });
  const bankA = await (await fetch(`${origin}/fixtures/bank-a.json`)).json();
  // Before the module is loaded: an unknown element with plain properties on it.
  await page.evaluate((catalog) => {
    const el = document.createElement('savings-plan-calculator');
    el.id = 'late';
    el.lang = 'en';
    el.today = '2025-01-15';
    el.catalogData = catalog;
    el.products = ['bank-a-daily', 'bank-a-saver'];
    el.plan = { start: '2025-01-15', months: 12, installment: '2000' };
    el.theme = 'dark';
    el.hide = ['share', 'configurator'];
    document.getElementById('host').append(el);
  }, bankA);
  assert.equal(await page.evaluate(() => customElements.get('savings-plan-calculator')), undefined);
  await page.evaluate(() => import('/savings-plan-calculator.js'));
  await waitFor(page, 'late', '#payout');
  const state = await page.evaluate(() => {
    const el = document.getElementById('late');
    const root = el.shadowRoot;
    return {
      own: ['catalogData', 'products', 'plan', 'theme', 'hide', 'today'].filter((k) => Object.prototype.hasOwnProperty.call(el, k)),
      attrs: Object.fromEntries(['products', 'plan', 'theme', 'hide', 'today'].map((a) => [a, el.getAttribute(a)])),
      product: root.getElementById('product').selectedOptions[0].textContent,
      installment: root.getElementById('installment').value,
      share: Boolean(root.getElementById('share')),
      config: Boolean(root.getElementById('config')),
      catalogData: el.catalogData.length,
      bg: getComputedStyle(root.querySelector('.mount')).backgroundColor,
    };
  });
  assert.deepEqual(state.own, [], 'the setters took over');
  assert.deepEqual(state.attrs, { products: 'bank-a-daily bank-a-saver', plan: '{"start":"2025-01-15","months":12,"installment":"2000"}',
    theme: 'dark', hide: 'share configurator', today: '2025-01-15' });
  assert.equal(state.product, 'Bank A Daily Saver');
  assert.equal(state.installment, '2000');
  assert.equal(state.share, false);
  assert.equal(state.config, false);
  assert.equal(state.catalogData, 2);
  assert.equal(state.bg, 'rgb(20, 23, 27)');

  // products as objects: the definitions to show (and the catalog), first = chosen.
  await page.evaluate(() => {
    const el = document.getElementById('late');
    el.products = [
      { schema: 1, id: 'inline-a', name: { en: 'Inline A' }, currency: 'CNY', terms: [{ months: 12, rate: '1.35' }], demandRate: '0.05' },
      { schema: 1, id: 'inline-b', name: { en: 'Inline B' }, currency: 'CNY', terms: [{ months: 12, rate: '1.50' }], demandRate: '0.05' },
    ];
    el.plan = { start: '2025-01-15', months: 12, installment: '1000' };
  });
  await page.waitForFunction(() => document.getElementById('late').shadowRoot.getElementById('product')?.selectedOptions[0]?.textContent === 'Inline A');
  assert.equal(await page.getAttribute('#late', 'products'), 'inline-a inline-b');
  assert.equal((await text(page, 'late', '#payout')).trim(), 'CN¥12,087.75');
  // catalogData also takes JSON text.
  await page.evaluate((json) => { document.getElementById('late').removeAttribute('products'); document.getElementById('late').catalogData = json; }, JSON.stringify(bankA));
  await page.waitForFunction(() => document.getElementById('late').shadowRoot.getElementById('product')?.selectedOptions[0]?.textContent === 'Bank A Monthly Saver');

  // A burst of attribute changes in one task: one render, in the next frame
  // (or, as here, once the newly chosen language's texts have arrived).
  const renders = await page.evaluate(() => new Promise((ok) => {
    const el = document.getElementById('late');
    performance.clearMarks('spc-render');
    el.lang = 'zh-CN';
    el.today = '2025-02-01';
    el.hide = 'share';
    el.theme = 'light';
    el.plan = { start: '2025-02-01', months: 12, installment: '1500' };
    el.setAttribute('mode', 'compact');
    const done = () => el.shadowRoot.querySelector('.spc')?.getAttribute('lang') === 'zh-CN' && el.shadowRoot.getElementById('installment')?.value === '1500';
    const wait = () => (done() ? requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.getEntriesByName('spc-render').length))) : requestAnimationFrame(wait));
    requestAnimationFrame(wait);
  }));
  assert.equal(renders, 1);
  assert.equal(await page.evaluate(() => document.getElementById('late').shadowRoot.getElementById('installment').value), '1500');
  assert.deepEqual(log.errors, []);
  await context.close();
});
