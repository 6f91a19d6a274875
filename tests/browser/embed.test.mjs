// Embedding on pages we do not control: a host page served with a strict CSP
// and aggressive global CSS, two instances with their own catalogs and
// languages, host events, theming, the self-sizing iframe, hostile and broken
// catalogs, and no request to any other host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
let server, origin, browser;

before(async () => {
  // Every page is served with the strict policy, the component's own files too.
  ({ server, origin } = await startServer({ csp: CSP, mounts: { '/fixtures/': FIXTURES } }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openHost(path, options) {
  const o = await openPage(browser, `${origin}${path}`, options);
  o.dialogs = [];
  o.page.on('dialog', (d) => { o.dialogs.push(d.message()); d.dismiss(); });
  o.violations = o.log.errors.filter((e) => /Content Security Policy|Refused to/.test(e));
  return o;
}

function waitFor(page, id, selector) {
  return page.waitForFunction(([i, sel]) => document.getElementById(i)?.shadowRoot?.querySelector(sel), [id, selector], { timeout: 20000 });
}

function text(page, id, inner) {
  return page.evaluate(([i, sel]) => document.getElementById(i)?.shadowRoot?.querySelector(sel)?.textContent ?? null, [id, inner]);
}

function style(page, id, inner, props) {
  return page.evaluate(([i, sel, ps]) => {
    const el = document.getElementById(i).shadowRoot.querySelector(sel);
    const cs = getComputedStyle(el);
    return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
  }, [id, inner, props]);
}

test('two instances under a strict CSP and hostile global CSS compute on their own', async () => {
  const { page, log, context } = await openHost('/fixtures/host.html');
  await waitFor(page, 'a', '#payout');
  await waitFor(page, 'b', '#payout');
  // a: Bank A's catalog, English, compact. 1000 × 78 × 2.00% ÷ 12 = 130.00
  assert.equal((await text(page, 'a', '#payout')).trim(), 'CN¥12,130.00');
  assert.equal(await text(page, 'a', '#product option'), 'Bank A Monthly Saver');
  assert.equal(await text(page, 'a', '#compare-title'), 'Compare products and variants');
  assert.equal(await text(page, 'a', '#explain'), null, 'compact mode has no explanation panel');
  // b: built-in daily product, Chinese: ACT/360 from 2024-01-15 at 1.35% = 89.40
  assert.equal((await text(page, 'b', '#payout')).trim(), '¥12,089.40');
  assert.equal(await text(page, 'b', '#compare-title'), '产品与方案对比');

  // The host's CSS does not reach inside: same look as on a plain page.
  const inside = await style(page, 'a', '#payout', ['color', 'font-family', 'font-size', 'letter-spacing', 'text-transform', 'border-top-style']);
  assert.equal(inside.color, 'rgb(27, 31, 36)');
  assert.doesNotMatch(inside['font-family'], /Comic/);
  assert.equal(inside['font-size'], '38.4px');
  assert.equal(inside['letter-spacing'], 'normal');
  assert.equal(inside['text-transform'], 'none');
  assert.equal(inside['border-top-style'], 'none');
  // The component's CSS does not leak out: the host's own .hint/.badge/.secondary keep the host's style.
  const host = await page.evaluate(() => {
    const cs = getComputedStyle(document.getElementById('host-text'));
    const b = getComputedStyle(document.getElementById('host-button'));
    return { color: cs.color, size: cs.fontSize, button: b.backgroundColor };
  });
  assert.deepEqual(host, { color: 'rgb(0, 255, 255)', size: '50px', button: 'rgb(0, 255, 0)' });
  // Theming through custom properties only.
  const themed = await style(page, 'b', '#share', ['color', 'border-top-left-radius']);
  assert.equal(themed.color, 'rgb(138, 21, 56)');
  assert.equal(themed['border-top-left-radius'], '0px');

  // Independent: changing a's amount does not touch b.
  await page.locator('#a >> #installment').fill('2000');
  assert.equal((await text(page, 'a', '#payout')).trim(), 'CN¥24,260.00');
  assert.equal((await text(page, 'b', '#payout')).trim(), '¥12,089.40');

  // Events reached the host, tagged with the instance.
  const events = await page.evaluate(() => window.__events);
  const aResults = events.filter((e) => e.type === 'savings-plan-result' && e.id === 'a');
  assert.ok(aResults.length >= 2);
  assert.equal(aResults.at(-1).detail.plan.installment, '2000');
  assert.equal(aResults.at(-1).detail.results[0].payout, '24260.00');
  assert.ok(events.some((e) => e.type === 'savings-plan-result' && e.id === 'b' && e.detail.results[0].payout === '12089.40'));
  // An error event with code and path when the plan cannot be used.
  await page.locator('#a >> #installment').fill('1');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'savings-plan-error' && e.id === 'a'));
  const error = (await page.evaluate(() => window.__events)).find((e) => e.type === 'savings-plan-error' && e.id === 'a');
  assert.deepEqual([error.detail.code, error.detail.path], ['BELOW_MINIMUM', 'plan.installment']);
  assert.match(await text(page, 'a', '#installment-error'), /at least CN¥5/);

  assert.deepEqual(log.errors, [], 'no console errors, no CSP violations');
  assert.deepEqual([...log.hosts], [new URL(origin).host]);
  const files = log.requests.map((u) => new URL(u).pathname);
  assert.ok(files.includes('/fixtures/bank-a.json'));
  assert.ok(files.includes('/pkg/savings_plan_first_bg.wasm'));
  for (const view of ['statement', 'advice']) assert.ok(!files.includes(`/pkg/savings_plan_${view}_bg.wasm`), `the ${view} view's engine only when that view needs it`);
  await context.close();
});

test('a hostile catalog is text, a broken one an error in its own instance; the others keep working', async () => {
  const { page, log, dialogs, context } = await openHost('/fixtures/hostile.html');
  await waitFor(page, 'xss', '#payout');
  await waitFor(page, 'notjson', '#catalog-error');
  await waitFor(page, 'invalid', '#catalog-problems');
  await waitFor(page, 'good', '#payout');
  // The product name is shown as text; no element was made from it, no script ran.
  assert.equal(await text(page, 'xss', '#product option'), '<img src=x onerror=alert(1)>');
  assert.match(await text(page, 'xss', '#compare-table tbody th'), /<img src=x onerror=alert\(1\)>/);
  assert.match(await text(page, 'xss', '#product-note'), /<script>alert\(2\)<\/script>/);
  assert.equal(await page.evaluate(() => document.getElementById('xss').shadowRoot.querySelectorAll('img, script:not([src]), b').length), 0);
  await page.hover('#xss');
  assert.deepEqual(dialogs, []);
  assert.ok(!log.requests.some((u) => new URL(u).pathname === '/x'), 'the img src was never requested');
  // Not JSON: a clear error inside that instance.
  assert.match(await text(page, 'notjson', '#catalog-error'), /not valid JSON/);
  // An invalid product: named in the error with each of its problems; the valid one still computes.
  const problems = await text(page, 'invalid', '#catalog-problems');
  assert.match(problems, /Product 2 \(bad-rate\):/);
  assert.match(problems, /colour: unknown field/);
  assert.match(problems, /terms\[0\]\.rate: decimals are strings/);
  await waitFor(page, 'invalid', '#payout');
  // The well-behaved instance is untouched.
  assert.equal((await text(page, 'good', '#payout')).trim(), 'CN¥12,087.75');
  await page.locator('#good >> #installment').fill('500');
  assert.equal((await text(page, 'good', '#payout')).trim(), 'CN¥6,043.88');
  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === 'savings-plan-error').map((e) => e.id));
  assert.ok(errors.includes('notjson') && errors.includes('invalid'));
  assert.deepEqual(log.errors, []);
  assert.deepEqual([...log.hosts], [new URL(origin).host]);
  await context.close();
});

test('the iframe alternative sizes itself as its content grows', async () => {
  const { page, log, context } = await openHost('/fixtures/iframe-host.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('savings-plan-calculator >> #payout').waitFor({ timeout: 20000 });
  assert.equal((await frame.locator('savings-plan-calculator >> #payout').textContent()).trim(), 'CN¥12,087.75');
  // The frame's inner height (without its border) against its document's height.
  const height = () => page.evaluate(() => document.getElementById('frame').clientHeight);
  const contentHeight = () => page.evaluate(() => document.getElementById('frame').contentDocument.documentElement.getBoundingClientRect().height);
  // The frame follows its content: wait until they agree (messages are asynchronous).
  const settled = (min) => page.waitForFunction((m) => {
    const f = document.getElementById('frame');
    const content = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.clientHeight > m && Math.abs(f.clientHeight - content) <= 2;
  }, min, { timeout: 10000 });
  // The footer arrives after the first figure: wait for it before measuring.
  await frame.locator('savings-plan-calculator >> #disclosure').waitFor();
  await settled(300);
  const small = await height();
  assert.ok(Math.abs(small - (await contentHeight())) <= 2, `frame ${small} vs content ${await contentHeight()}`);
  // Switch the embedded calculator to the full view: the content grows, so does the frame.
  await frame.locator('savings-plan-calculator >> #mode').selectOption('saver');
  // The panels below the first screen load after it: wait for the last of them before measuring.
  await page.waitForFunction(() => {
    const root = document.getElementById('frame').contentDocument.querySelector('savings-plan-calculator')?.shadowRoot;
    const open = [...(root?.querySelectorAll('.fold-toggle[aria-expanded="true"]') ?? [])];
    return root?.getElementById('target') && root.getElementById('disclosure') && root.getElementById('statement')
      && open.every((b) => root.getElementById(b.getAttribute('aria-controls'))?.firstChild);
  }, null, { timeout: 10000 });
  await settled(small + 500);
  const big = await height();
  assert.ok(Math.abs(big - (await contentHeight())) <= 2, `frame ${big} vs content ${await contentHeight()}`);
  // The frame forwards the component's events to the host.
  const messages = await page.evaluate(() => window.__events.filter((e) => e.type === 'message:savings-plan-result'));
  assert.ok(messages.length >= 1);
  assert.equal(messages[0].detail.detail.results[0].payout, '12087.75');
  assert.deepEqual(log.errors, []);
  assert.deepEqual([...log.hosts], [new URL(origin).host]);
  await context.close();
});
