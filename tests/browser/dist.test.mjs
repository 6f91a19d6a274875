// What a CDN serves (dist/, scripts/minify.mjs): the first figure needs one
// module file of the component (the element and the first screen's panels,
// engine loader and wasm-bindgen glue, bundled), the page language's texts
// and the first screen's .wasm, which the page itself starts fetching (a
// preload the engine's fetch reuses: one request, never two). The panels
// below the first screen stay files of their own, loaded when first needed.
// Behaviour only: how fast is scripts/mobile-timing.mjs's business.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launch, openPage, ready, shadowText } from './harness.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let browser, server, origin;

before(async () => {
  browser = await launch();
  server = await serve({ root: DIST, port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page of dist/ and records each request with what started it (the page's HTML, or a script). */
async function load(path, selector = 'savings-plan-calculator') {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = [];
  cdp.on('Network.requestWillBeSent', (e) => requests.push({ path: new URL(e.request.url).pathname, initiator: e.initiator.type }));
  await cdp.send('Network.enable');
  // The files the page had when the figure went into the DOM (the component's `spc-first-result` mark).
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      if (name === 'spc-first-result' && !window.__atFigure) {
        window.__atFigure = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      }
      return mark(name, options);
    };
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}${path}`);
  await ready(page, selector);
  const loaded = await page.evaluate(() => window.__atFigure);
  const atFigure = requests.filter((r) => loaded.includes(r.path));
  return { page, context, requests, atFigure, errors };
}

const js = (list) => list.filter((r) => r.path.endsWith('.js')).map((r) => r.path);

for (const [path, pageScripts] of [['/', ['/savings-plan-calculator.js', '/app.js']], ['/embed.html', ['/embed.js', '/savings-plan-calculator.js']]]) {
  test(`dist${path}: the first figure with one module file of the component, the .wasm fetched once from the page`, async () => {
    const { page, context, atFigure, requests, errors } = await load(path);
    assert.match(await shadowText(page, 'payout'), /^¥[\d,]+\.\d\d$/);
    // Before the figure: the bundle and the texts of the page's language, and (when they were there in time) the page's own scripts; nothing else.
    const allowed = [...pageScripts, '/locales/zh-CN.js', '/savings-plan-calculator-element.js'];
    assert.ok(js(atFigure).every((p) => allowed.includes(p)), js(atFigure).join(' '));
    assert.ok(js(atFigure).includes('/savings-plan-calculator-element.js') && js(atFigure).includes('/locales/zh-CN.js'), js(atFigure).join(' '));
    // The first screen's .wasm: requested by the HTML's preload, not by a script, and fetched once.
    const wasm = requests.filter((r) => r.path.endsWith('.wasm'));
    assert.deepEqual(wasm, [{ path: '/pkg/savings_plan_first_bg.wasm', initiator: 'parser' }]);
    assert.ok(!atFigure.some((r) => r.path.endsWith('.json')), 'no JSON before the figure');
    // The panels come after the figure, each its own file (here: the folded statement view's summary, the solve panel).
    await page.locator('savings-plan-calculator >> #target').waitFor();
    assert.ok(js(requests).includes('/panels/solve.js'), js(requests).join(' '));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('dist/: every page\'s preloads are files of dist/, the .wasm first', async () => {
  for (const name of ['index.html', 'teller.html', 'embed.html']) {
    const html = await readFile(join(DIST, name), 'utf8');
    const preloads = [...html.matchAll(/<link rel="(?:module)?preload" href="\.\/([^"]+)"/g)].map((m) => m[1]);
    assert.equal(preloads[0], 'pkg/savings_plan_first_bg.wasm', name);
    assert.ok(preloads.includes('savings-plan-calculator-element.js'), name);
    for (const f of preloads) await readFile(join(DIST, f)); // exists
  }
  // The bundle imports nothing at load: its code is all in the one file.
  const bundle = await readFile(join(DIST, 'savings-plan-calculator-element.js'), 'utf8');
  assert.doesNotMatch(bundle, /^import\b|[;}]import\s*[{*"']/m);
});
