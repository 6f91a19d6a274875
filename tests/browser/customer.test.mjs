// Who the customer is (RULES §8.1, §8.2 on the page): a product with
// categories shows them in the plan form (the uplift beside each name), a
// product with TDS asks for PAN and Form 15G/15H; every figure is the
// engine's for that customer; the share link keeps them; a product that
// prices no customer shows none of these fields; the teller's quote prints
// them on its one A4 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, ready, shadowText } from './harness.mjs';
import { loadPkg } from '../node/load-pkg.mjs';
import { encodeState, decodeState } from '../../www/url-state.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const OUT = new URL('./output/', import.meta.url);
const engine = await loadPkg();
const calc = 'savings-plan-calculator';
const q = (id) => `${calc} >> #${id}`;
const rd = engine.catalog().find((p) => p.id === 'in-bank-rd');
const PLAN = { start: '2025-04-10', months: 60, installment: '50000', rate: null, events: [], withdrawOn: null, inflation: null };
const inr = (text) => new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 }).format(text);

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launch();
  await mkdir(OUT, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function open(state = {}, page = '/') {
  const s = encodeState({ chosen: 'in-bank-rd', plan: PLAN, lang: 'en-IN', mode: 'saver', ...state });
  const o = await openPage(browser, `${origin}${page}?s=${s}`, { locale: 'en-IN' });
  await ready(o.page);
  return o;
}

async function waitPayout(page, text) {
  await page.waitForFunction(([sel, want]) => document.querySelector(sel).shadowRoot.getElementById('payout')?.textContent.trim() === want,
    [calc, text], { timeout: 5000 });
}

const payoutFor = (extra) => inr(engine.calculate(rd, { ...PLAN, ...extra }).payout);

test('a senior citizen, no PAN, Form 15G: each pays what the engine says for that customer, and the link keeps it', async () => {
  const { page, context, log } = await open();
  await waitPayout(page, payoutFor({}));
  const options = await page.locator(`${q('category')} option`).allTextContents();
  assert.deepEqual(options.map((o) => o.replace(/\s+/g, ' ').trim()), ['Regular customer', 'Senior citizen (60 and over) · rate +0.50%', 'Staff · rate +1.00%']);
  await page.selectOption(q('category'), 'senior');
  await waitPayout(page, payoutFor({ category: 'senior' }));
  // The contract rate shown is the term's rate plus the uplift; the one-line explanation states the tax it takes off.
  assert.match(await shadowText(page, 'headline'), /7(\.00)?%/);
  const senior = engine.calculate(rd, { ...PLAN, category: 'senior' });
  assert.ok((await shadowText(page, 'headline-explain')).includes(`Less ${inr(senior.tax)} tax withheld.`));
  await page.check(q('noPan'));
  await waitPayout(page, payoutFor({ category: 'senior', noPan: true }));
  await page.uncheck(q('noPan'));
  await page.check(q('exemptionForm'));
  await waitPayout(page, payoutFor({ category: 'senior', exemptionForm: true }));
  // The share link carries the customer; opened again, the same figure and fields.
  await page.waitForFunction(() => /[?&]s=/.test(location.search) && JSON.parse(atob(new URL(location.href).searchParams.get('s').replace(/-/g, '+').replace(/_/g, '/'))).plan.exemptionForm === true);
  const state = decodeState(page.url());
  assert.equal(state.plan.category, 'senior');
  const again = await openPage(browser, page.url(), { locale: 'en-IN' });
  await ready(again.page);
  await waitPayout(again.page, payoutFor({ category: 'senior', exemptionForm: true }));
  assert.equal(await again.page.inputValue(q('category')), 'senior');
  assert.equal(await again.page.isChecked(q('exemptionForm')), true);
  assert.deepEqual([...log.errors, ...again.log.errors], []);
  await again.context.close();
  await context.close();
});

test('a product without categories or TDS asks nothing about the customer; switching to one drops a category it does not list', async () => {
  const { page, context } = await open({ plan: { ...PLAN, category: 'staff' } });
  await waitPayout(page, payoutFor({ category: 'staff' }));
  // In the comparison, the Post Office RD (no staff rate) says why it cannot take this plan; the auto-renewed
  // variant, which the engine refuses for a product with TDS by financial year, is not offered at all.
  const table = await page.locator(`${calc} >> #compare-table`).innerText();
  assert.match(table, /Post Office recurring deposit \(India\)\s+Not available for this plan: This product has no rate for this customer category/);
  assert.doesNotMatch(table, /auto-renewed/);
  // The Post Office RD lists senior only: staff is dropped, the figure is the regular customer's.
  await page.selectOption(q('product'), 'in-post-office-rd');
  const po = engine.catalog().find((p) => p.id === 'in-post-office-rd');
  await waitPayout(page, inr(engine.calculate(po, { ...PLAN, months: 60 }).payout));
  assert.equal(await page.inputValue(q('category')), '');
  await page.selectOption(q('product'), 'cn-lczq-standard');
  await page.locator(q('payout')).waitFor();
  assert.equal(await page.locator(q('category')).count(), 0);
  assert.equal(await page.locator(q('noPan')).count(), 0);
  await context.close();
});

test('in Chinese the customer fields have Chinese labels, and the form is axe-clean', async () => {
  const { page, context } = await open({ lang: 'zh-CN' });
  assert.match(await page.locator(`${calc} >> label[for="category"]`).textContent(), /客户类别/);
  assert.match(await page.locator(`${calc} >> label[for="noPan"]`).textContent(), /PAN/);
  assert.match(await page.locator(`${calc} >> #category option[value="senior"]`).textContent(), /老年人/);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(violations, [], violations.join('\n'));
  await context.close();
});

test('the teller’s quote prints the customer category, the TDS status and the senior rate on one A4 page (the longest term, 120 months)', async () => {
  const { page, context } = await open({ mode: 'teller', plan: { ...PLAN, months: 120, category: 'senior', noPan: true } }, '/teller.html');
  const expected = engine.calculate(rd, { ...PLAN, months: 120, category: 'senior', noPan: true });
  await waitPayout(page, inr(expected.payout));
  await page.locator(q('qd-customer')).waitFor({ state: 'attached' });
  assert.match(await shadowText(page, 'qd-customer'), /^Senior citizen \(60 and over\); No PAN given \(TDS at 20%\)$/);
  assert.match(await shadowText(page, 'qd-contract-rate'), /^7(\.00)?%$/);
  const file = fileURLToPath(new URL('quote-en-IN-senior-no-pan.pdf', OUT));
  await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
  assert.match(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), /^Pages:\s+1$/m);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Senior citizen/);
  assert.match(text, /No PAN given/);
  await context.close();
});
