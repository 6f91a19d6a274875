// When the setup is wrong the component says so, visibly, inside itself: every
// invalid product of a catalog with all its problems (the valid ones still
// work), a catalog that cannot be fetched (404, another origin without CORS),
// an engine that cannot load (the .wasm blocked, a CSP without
// 'wasm-unsafe-eval'), a module of the component that cannot load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const CSP_NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
let server, origin, other, otherOrigin, browser;

before(async () => {
  const csp = (path) => (path === '/fixtures/failures-no-wasm.html' ? CSP_NO_WASM : path === '/fixtures/blank.html' ? null : CSP);
  ({ server, origin } = await startServer({ csp, mounts: { '/fixtures/': FIXTURES } }));
  // Another origin that serves the same catalog without Access-Control-Allow-Origin.
  ({ server: other, origin: otherOrigin } = await startServer({ mounts: { '/fixtures/': FIXTURES } }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  other?.close();
});

const waitFor = (page, selector) =>
  page.waitForFunction((sel) => document.getElementById('calc')?.shadowRoot?.querySelector(sel), selector, { timeout: 20000 });
const text = (page, selector) =>
  page.evaluate((sel) => document.getElementById('calc').shadowRoot.querySelector(sel)?.textContent ?? null, selector);
/** The message is on screen: a box of real size, inside the component, announced as an alert. */
async function visible(page, selector) {
  return page.evaluate((sel) => {
    const host = document.getElementById('calc');
    const el = host.shadowRoot.querySelector(sel);
    const box = el.getBoundingClientRect();
    return { role: el.getAttribute('role'), width: box.width, height: box.height, hostHeight: host.getBoundingClientRect().height };
  }, selector);
}
function assertVisible(v) {
  assert.equal(v.role, 'alert');
  assert.ok(v.width > 200 && v.height > 40 && v.hostHeight >= v.height, JSON.stringify(v));
}

test('a catalog with three invalid products reports the three, with every problem by path; the valid ones are shown', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/catalog-problems.html`, { locale: 'en-US' });
  await waitFor(page, '#catalog-problems');
  await waitFor(page, '#payout');
  assertVisible(await visible(page, '#catalog-problems'));
  const report = await page.evaluate(() => [...document.getElementById('calc').shadowRoot.querySelectorAll('#catalog-problems .catalog-product')]
    .map((li) => ({ index: Number(li.dataset.index), text: li.firstChild.textContent,
      problems: [...li.querySelectorAll('.problem')].map((p) => [p.dataset.code, p.querySelector('code').textContent]) })));
  assert.deepEqual(report, [
    { index: 1, text: 'Product 2 (rate-as-number):', problems: [['UNKNOWN_FIELD', 'colour'], ['INVALID_DECIMAL', 'terms[0].rate']] },
    { index: 2, text: 'Product 3 (no-currency):', problems: [['MISSING_FIELD', 'currency']] },
    { index: 4, text: 'Product 5 (good-12):', problems: [['INVALID_VALUE', 'id']] },
  ]);
  assert.match(await text(page, '#catalog-problems'), /3 products of the catalog cannot be used and are not shown/);
  // The valid products are offered and compute: good-12 at 1.35%, 1000 × 78 × 1.35% ÷ 12 = 87.75.
  const options = await page.evaluate(() => [...document.getElementById('calc').shadowRoot.querySelectorAll('#product option')].map((o) => o.value));
  assert.deepEqual(options, ['good-12', 'good-24']);
  assert.equal((await text(page, '#payout')).trim(), 'CN¥12,087.75');
  // One error event per problem, at its path in the catalog.
  const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'savings-plan-error').map((e) => [e.detail.code, e.detail.path]));
  assert.deepEqual(events, [['UNKNOWN_FIELD', 'catalog[1].colour'], ['INVALID_DECIMAL', 'catalog[1].terms[0].rate'],
    ['MISSING_FIELD', 'catalog[2].currency'], ['INVALID_VALUE', 'catalog[4].id']]);
  // In Chinese too.
  await page.locator('#calc >> #lang').selectOption('zh-CN');
  await page.waitForFunction(() => /产品目录中有 3 个产品无法使用/.test(document.getElementById('calc').shadowRoot.getElementById('catalog-problems')?.textContent));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a blocked .wasm shows a visible message inside the component, and “try again” recovers', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(`${origin}/fixtures/failures.html`);
  await waitFor(page, '#engine-error');
  assertVisible(await visible(page, '#engine-error'));
  const message = await text(page, '#engine-error');
  assert.match(message, /The calculator could not start: its engine could not be loaded\./);
  assert.match(message, /\/pkg\/savings_plan_first_bg\.wasm with Content-Type: application\/wasm/);
  assert.equal(await text(page, '#payout'), null, 'no figure without the engine');
  const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'savings-plan-error').map((e) => [e.detail.code, e.detail.path]));
  assert.deepEqual(events, [['LOAD_FAILED', 'engine']]);
  // The host page is unharmed; once the file can be fetched, "try again" brings the calculator.
  assert.equal(await page.textContent('#host-text'), 'The host page itself still works.');
  await page.unroute('**/*.wasm');
  await page.locator('#calc >> #retry').click();
  await waitFor(page, '#payout');
  assert.equal(await text(page, '#engine-error'), null);
  await context.close();
});

test('a Content-Security-Policy without wasm-unsafe-eval shows a visible message', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/failures-no-wasm.html`, { locale: 'en-US' });
  await waitFor(page, '#engine-error');
  assertVisible(await visible(page, '#engine-error'));
  assert.match(await text(page, '#engine-error'), /'wasm-unsafe-eval'/);
  assert.match(await text(page, '#engine-error .reason'), /WebAssembly/);
  await context.close();
});

test('a module of the component that cannot load leaves a message, not a blank box', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/savings-plan-calculator-element.js', (route) => route.abort('blockedbyclient'));
  await page.goto(`${origin}/fixtures/failures.html`);
  await waitFor(page, '#unavailable');
  assertVisible(await visible(page, '#unavailable'));
  assert.match(await text(page, '#unavailable'), new RegExp(`The calculator could not be loaded\\.Its script files could not be fetched from ${origin}/`));
  await context.close();
});

test('a catalog that cannot be fetched (404, another origin without CORS) is a visible message, never the built-in examples', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/blank.html`, { locale: 'en-US' });
  await page.evaluate(() => import('/savings-plan-calculator.js'));
  for (const [url, reason] of [[`${origin}/fixtures/missing.json`, /HTTP 404/], [`${otherOrigin}/fixtures/bank-a.json`, /Failed to fetch/]]) {
    await page.evaluate((u) => {
      document.getElementById('calc')?.remove();
      const el = document.createElement('savings-plan-calculator');
      el.id = 'calc';
      el.setAttribute('catalog', u);
      el.setAttribute('lang', 'en');
      document.getElementById('host').append(el);
    }, url);
    await waitFor(page, '#catalog-error');
    assertVisible(await visible(page, '#catalog-error'));
    const message = await text(page, '#catalog-error');
    assert.ok(message.includes(`The product catalog could not be loaded from ${url}.`), message);
    assert.match(message, /Access-Control-Allow-Origin/);
    assert.match(message, reason);
    assert.equal(await text(page, '#payout'), null);
    assert.equal(await text(page, '#product'), null);
  }
  await context.close();
});
