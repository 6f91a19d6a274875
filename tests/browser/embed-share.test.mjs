// "Copy link" inside an embed gives a link that restores the scenario in the
// same place: the host's page for a module embed (the instance it came from,
// by id), the host's `share-url` when it gives one, and for an iframe the
// host's page, which hands the scenario to its frame (embed-resize.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage } from './harness.mjs';
import { decodeState } from '../../www/url-state.js';

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
const value = (page, id, selector) =>
  page.evaluate(([i, sel]) => document.getElementById(i).shadowRoot.querySelector(sel)?.value ?? null, [id, selector]);
const payout = (page, id) =>
  page.evaluate((i) => document.getElementById(i).shadowRoot.getElementById('payout')?.textContent.trim() ?? null, id);

/** Clicks "copy link" in a component (a Playwright locator prefix) and returns the link it made. */
async function share(scope, frame) {
  await frame.locator(`${scope} >> #share`).click();
  const status = frame.locator(`${scope} >> #share-status`);
  await status.and(frame.locator(`${scope} >> [data-url]`)).waitFor();
  return status.getAttribute('data-url');
}

test('a link from a module embed restores its scenario in that instance on the host page', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/share-host.html`, { locale: 'en-US' });
  await waitFor(page, 'first', '#payout');
  await waitFor(page, 'second', '#payout');
  await page.locator('#second >> #product').selectOption('cn-lczq-standard');
  await page.locator('#second >> #months').selectOption('36');
  await page.locator('#second >> #installment').fill('2500');
  await page.locator('#second >> #start').fill('2025-03-10');
  const before = await payout(page, 'second'); // inputs recompute at once
  assert.match(before, /^CN¥9\d,\d{3}\.\d\d$/);

  const link = await share('#second', page);
  assert.ok(link.startsWith(`${origin}/fixtures/share-host.html?s=`), link);
  const state = decodeState(link);
  assert.equal(state.id, 'second');
  assert.equal(state.plan.installment, '2500');
  assert.equal(state.mode, 'compact');

  const second = await openPage(browser, link, { locale: 'en-US' });
  await waitFor(second.page, 'second', '#payout');
  await waitFor(second.page, 'first', '#payout');
  assert.equal(await payout(second.page, 'second'), before);
  assert.equal(await value(second.page, 'second', '#installment'), '2500');
  assert.equal(await value(second.page, 'second', '#months'), '36');
  assert.equal(await value(second.page, 'second', '#start'), '2025-03-10');
  assert.equal(await value(second.page, 'second', '#product'), 'cn-lczq-standard');
  // The other instance on that page keeps its own defaults.
  assert.equal(await value(second.page, 'first', '#installment'), '1000');
  assert.equal(await value(second.page, 'first', '#product'), 'bank-a-saver');
  assert.deepEqual(second.log.errors, []);
  await second.context.close();

  // A host that gives a share-url gets links to that address, its query and fragment kept.
  await page.evaluate(() => { document.getElementById('first').shareUrl = 'https://bank.example/save?ref=calc#calculator'; });
  const hosted = await share('#first', page);
  assert.match(hosted, /^https:\/\/bank\.example\/save\?ref=calc&s=[\w-]+#calculator$/);
  assert.equal(decodeState(hosted).id, 'first');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a link from the iframe embed, with share-url = the host page, restores the scenario inside the frame', async () => {
  const { page, log, context } = await openPage(browser, `${origin}/fixtures/iframe-share-host.html`, { locale: 'en-US' });
  const frame = page.frameLocator('#frame');
  const calc = 'savings-plan-calculator';
  await frame.locator(`${calc} >> #payout`).waitFor({ timeout: 20000 });
  await frame.locator(`${calc} >> #installment`).fill('3000');
  await frame.locator(`${calc} >> #months`).selectOption('36');
  const before = (await frame.locator(`${calc} >> #payout`).textContent()).trim();
  assert.match(before, /^CN¥1\d\d,\d{3}\.\d\d$/);

  const link = await share(calc, frame);
  assert.ok(link.startsWith(`${origin}/fixtures/iframe-share-host.html?topic=savings&s=`), link);

  const second = await openPage(browser, link, { locale: 'en-US' });
  const frame2 = second.page.frameLocator('#frame');
  // embed-resize.js gave the frame the scenario; the frame restored it.
  await second.page.waitForFunction(() => new URL(document.getElementById('frame').src).searchParams.has('s'));
  await second.page.waitForFunction((want) => document.getElementById('frame').contentDocument
    ?.querySelector('savings-plan-calculator')?.shadowRoot?.getElementById('payout')?.textContent.trim() === want, before, { timeout: 20000 });
  assert.equal(await frame2.locator(`${calc} >> #installment`).inputValue(), '3000');
  assert.equal(await frame2.locator(`${calc} >> #months`).inputValue(), '36');
  // The frame's other settings (from its own address) still hold.
  assert.equal(await frame2.locator(`${calc} >> #config`).count(), 0);
  assert.deepEqual(second.log.errors, []);
  assert.deepEqual(log.errors, []);
  await second.context.close();
  await context.close();
});
