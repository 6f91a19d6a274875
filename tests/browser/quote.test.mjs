// The teller's printed quote (issue 11): printed to PDF by Chromium
// (Playwright's page.pdf, A4), pages counted with poppler's pdfinfo and text
// read with pdftotext (scripts/setup.sh installs poppler-utils). One page for
// 12, 36 and 60 months in zh-CN, en and en-IN, in the bank's name, with the
// quote number shown on screen, the valid-until date, the amounts in words,
// no product of another currency; printed alone from a bank's page and from
// the iframe page; the teller's rate as typed; the customer's name on paper
// only. The PDFs and their page counts go to tests/browser/output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage, ready } from './harness.mjs';
import { loadPkg } from '../node/load-pkg.mjs';
import { rmbCapital } from '../../www/words-rmb.js';
import { inrWords } from '../../www/words-inr.js';

const engine = await loadPkg();
const catalog = engine.catalog();
const byId = (id) => catalog.find((p) => p.id === id);
const OUT = new URL('./output/', import.meta.url);
await mkdir(OUT, { recursive: true });
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const calc = 'savings-plan-calculator';
const TODAY = '2025-06-15';
const ISSUER = { 'zh-CN': '示例银行股份有限公司北京分行', en: 'Example Bank Ltd., Beijing Branch', 'en-IN': 'Example Bank Ltd., Mumbai Branch' };
// The teller chose these to compare; the Indian and UK products are in other currencies.
const CHOSEN = 'cn-lczq-standard cn-lczq-daily cn-lczq-value-protected in-bank-rd uk-regular-saver';

let server, origin, browser;
const pageCounts = {};
before(async () => {
  ({ server, origin } = await startServer({ mounts: { '/fixtures/': FIXTURES } }));
  browser = await launch();
});
after(async () => {
  await writeFile(new URL('quote-pages.json', OUT), `${JSON.stringify(pageCounts, null, 2)}\n`);
  await browser?.close();
  server?.close();
});

/** Prints the page to an A4 PDF; returns { pages, size, text } from poppler. */
async function printPdf(page, name) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = fileURLToPath(new URL(`${name}.pdf`, OUT));
  await writeFile(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '';
  // The layout text for patterns; the reading-order text, without white space, for phrases
  // (a table cell that wraps stays together there).
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const plain = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  pageCounts[name] = pages;
  return { pages, size, text, flat: squeeze(plain) };
}

/** Text without any white space, so that line breaks and column gaps do not matter. */
const squeeze = (s) => String(s).replace(/\s+/g, '');
// Whether a printed PDF shows `words`: pdftotext's reading order may put a label (e.g.
// "Payout") between the two lines of a wrapped cell, while its layout text keeps the lines
// in visual order, so either one showing the words counts.
const shows = ({ flat, text }, words) => [flat, squeeze(text)].some((f) => f.includes(squeeze(words)));

function shadow(page, id, host = calc) {
  return page.evaluate(([h, i]) => document.querySelector(h)?.shadowRoot?.getElementById(i)?.textContent ?? null, [host, id]);
}

/** Sets the component up as a teller would have it, then waits for the quote of that plan. */
async function tellerQuote(page, { lang, months, products = CHOSEN, rate = '1.35', installment = '1000', issuer = ISSUER[lang] }) {
  await page.evaluate(([sel, attrs]) => {
    const el = document.querySelector(sel);
    // The page keeps its scenario in the URL; here the attributes alone say what is quoted.
    el.removeAttribute('url-state');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  }, [calc, { issuer, today: TODAY, lang, mode: 'teller', products,
    plan: JSON.stringify({ start: TODAY, months, installment, rate }) }]);
  const quoted = byId(products.split(' ')[0]);
  const expected = engine.calculate(quoted, { start: TODAY, months, installment, rate });
  await page.waitForFunction(([sel, m, l]) => {
    const root = document.querySelector(sel).shadowRoot;
    return root.querySelector('.spc')?.getAttribute('lang') === l && root.getElementById('qd-payout')
      && root.querySelector('#qd-schedule tbody tr:last-child th')?.textContent === String(m);
  }, [calc, months, lang], { timeout: 10000 });
  return expected;
}

/** The valid-until date as the browser writes it in `lang` (today + days). */
function browserDate(page, iso, lang) {
  return page.evaluate(([d, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), [iso, lang]);
}

/** A product's name in `lang`, up to its first bracket (a Chinese gloss in an English name extracts apart). */
function nameOf(product, lang) {
  const n = typeof product.name === 'string' ? product.name : product.name[lang] ?? product.name.en;
  return lang === 'zh-CN' ? n : n.split(/[（(]/)[0].trim();
}

for (const months of [12, 36, 60]) {
  for (const lang of ['zh-CN', 'en', 'en-IN']) {
    test(`a ${months}-month quote in ${lang} prints on one A4 page with the bank's name, number, validity and words`, async () => {
      const { page, context, log } = await openPage(browser, `${origin}/`);
      await ready(page);
      const expected = await tellerQuote(page, { lang, months });
      const number = await shadow(page, 'quote-number');
      assert.match(number, /^Q20250615-[0-9A-HJKMNP-TV-Z]{5}$/, 'the quote number is on screen');
      const validUntil = await shadow(page, 'quote-valid-until');
      assert.equal(validUntil, await browserDate(page, '2025-06-22', lang), 'valid 7 days by default');

      const { pages, size, text, flat } = await printPdf(page, `quote-${lang}-${months}`);
      assert.equal(pages, 1, `one page, not ${pages}`);
      assert.match(size, /\(A4\)/);
      for (const must of [ISSUER[lang], number, validUntil, rmbCapital(expected.payout), rmbCapital(expected.principal)]) {
        assert.ok(shows({ flat, text }, must), `the PDF shows ${must}`);
      }
      assert.ok(flat.includes(squeeze(lang === 'zh-CN' ? '第 1 页，共 1 页' : 'Page 1 of 1')), 'page number 1/1');
      // The products the teller chose in the quoted currency, and none in another.
      assert.ok(flat.includes(squeeze(nameOf(byId('cn-lczq-daily'), lang))));
      for (const other of ['in-bank-rd', 'uk-regular-saver']) assert.ok(!flat.includes(squeeze(nameOf(byId(other), lang))), `${other} is not on the quote`);
      assert.doesNotMatch(text, /₹|£|INR|GBP/);
      // Rates: the product's and the negotiated one beside it, with the bank's word; their date.
      const word = byId('cn-lczq-standard').rateOverride.label[lang === 'zh-CN' ? 'zh-CN' : 'en'];
      assert.ok(flat.includes(squeeze(word)) && flat.includes('1.35%'), 'the negotiated rate with the bank’s word');
      assert.ok(flat.includes(squeeze(await browserDate(page, '2025-05-20', lang))), 'the rates’ effective date');
      // The catalog's disclosure and, for the built-in catalog, the example-rates note.
      const disclosure = byId('cn-lczq-standard').disclosure[lang === 'zh-CN' ? 'zh-CN' : 'en'];
      assert.ok(flat.includes(squeeze(disclosure).slice(0, 30)), 'the product’s disclosure');
      assert.match(text, lang === 'zh-CN' ? /示例利率/ : /example rates/);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

test('an Indian quote in en-IN writes rupee amounts in words with lakh and crore', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await ready(page);
  const products = 'in-bank-rd in-post-office-rd cn-lczq-standard';
  const months = byId('in-bank-rd').terms.at(-1).months;
  const expected = await tellerQuote(page, { lang: 'en-IN', months, products, rate: null, installment: '10000' });
  const { pages, flat, text } = await printPdf(page, `quote-en-IN-inr-${months}`);
  assert.equal(pages, 1);
  assert.match(inrWords(expected.payout), /Lakh/);
  assert.ok(shows({ flat, text }, inrWords(expected.payout)), inrWords(expected.payout));
  assert.ok(shows({ flat, text }, inrWords(expected.principal)), inrWords(expected.principal));
  assert.doesNotMatch(text, /¥|人民币|CNY/);
  await context.close();
});

test('printed from a bank’s page, the PDF holds the quote and none of the page', async () => {
  const { page, context, log } = await openPage(browser, `${origin}/fixtures/print-host.html`);
  await ready(page, '#teller');
  await page.waitForFunction(() => document.getElementById('teller').shadowRoot.getElementById('qd-payout'));
  const number = await shadow(page, 'quote-number', '#teller');
  const validUntil = await shadow(page, 'quote-valid-until', '#teller');
  assert.equal(validUntil, await browserDate(page, '2025-06-25', 'zh-CN'), 'quote-valid-days="10"');
  const { pages, size, text, flat } = await printPdf(page, 'quote-host-page');
  assert.equal(pages, 1);
  assert.match(size, /\(A4\)/, 'A4 portrait whatever the host’s own @page says');
  for (const must of [number, '示例银行股份有限公司北京分行', '北京分行营业部', 'BANK-DISCLAIMER', '人民币']) {
    assert.ok(flat.includes(squeeze(must)), `the quote shows ${must}`);
  }
  assert.doesNotMatch(text, /HOST-/, 'no text of the host page');
  // The host page is as it was once printing is over.
  const after = await page.evaluate(() => ({ sheets: document.adoptedStyleSheets.length, marked: document.querySelectorAll('[data-spc-printing]').length }));
  assert.deepEqual(after, { sheets: 0, marked: 0 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the iframe page prints the quote alone too', async () => {
  const plan = JSON.stringify({ start: TODAY, months: 36, installment: '500', rate: null });
  const query = new URLSearchParams({ lang: 'en', mode: 'teller', today: TODAY, issuer: ISSUER.en, plan });
  const { page, context } = await openPage(browser, `${origin}/embed.html?${query}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('savings-plan-calculator').shadowRoot.getElementById('qd-payout'));
  const number = await shadow(page, 'quote-number');
  const { pages, flat } = await printPdf(page, 'quote-iframe-page');
  assert.equal(pages, 1);
  assert.ok(flat.includes(number) && flat.includes(squeeze(ISSUER.en)));
  assert.ok(!flat.includes('Comparedwith'), 'nothing chosen to compare: the quoted product alone');
  await context.close();
});

test('the teller’s rate as typed: 1.1% and 1.10 accepted, a negative refused, a high one warned', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await ready(page);
  await tellerQuote(page, { lang: 'en', months: 12, products: 'cn-lczq-standard' });
  const q = (id) => `${calc} >> #${id}`;
  const at11 = engine.calculate(byId('cn-lczq-standard'), { start: TODAY, months: 12, installment: '1000', rate: '1.1' });
  const payoutText = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.getElementById('qd-payout')?.textContent, calc);
  const rowsOf = (text) => text?.replace(/[^\d.]/g, '');
  for (const typed of ['1.1%', '1.10', ' 1.1 % ']) {
    await page.fill(q('rate'), typed);
    await page.waitForFunction(([sel, want]) => document.querySelector(sel).shadowRoot.getElementById('qd-payout')?.textContent.replace(/[^\d.]/g, '') === want,
      [calc, at11.payout], { timeout: 5000 });
    assert.equal(rowsOf(await payoutText()), at11.payout, `"${typed}" is 1.1%`);
  }
  await page.fill(q('rate'), '-1');
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.getElementById('rate-error').hidden, calc);
  assert.match(await shadow(page, 'rate-error'), /Enter a yearly rate from 0 to 1000/);
  assert.equal(await page.getAttribute(q('rate'), 'aria-invalid'), 'true');
  // The product allows 0.50 points above its highest rate (0.85%): 1.35% is fine, 1.36% warns.
  await page.fill(q('rate'), '1.35');
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.getElementById('rate-error').hidden, calc);
  assert.doesNotMatch(await shadow(page, 'warnings'), /margin the bank allows/);
  await page.fill(q('rate'), '1.36');
  await page.waitForFunction((sel) => /margin the bank allows/.test(document.querySelector(sel).shadowRoot.getElementById('warnings').textContent), calc);
  await context.close();
});

test('the customer’s name prints only if typed and goes nowhere else; the number follows the plan', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await ready(page);
  await page.evaluate(() => {
    window.__details = [];
    document.addEventListener('savings-plan-result', (e) => window.__details.push(JSON.stringify(e.detail)));
  });
  await tellerQuote(page, { lang: 'zh-CN', months: 12, products: 'cn-lczq-standard' });
  const q = (id) => `${calc} >> #${id}`;
  const before = await printPdf(page, 'quote-no-customer');
  assert.doesNotMatch(before.text, /客户：|客户\s/);
  const number = await shadow(page, 'quote-number');
  await page.fill(q('customer'), '张三丰');
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.getElementById('qd-customer')?.textContent === '张三丰', calc);
  assert.equal(await shadow(page, 'quote-number'), number, 'typing the name keeps the number');
  const withName = await printPdf(page, 'quote-customer');
  assert.ok(withName.flat.includes('张三丰'));
  const leaks = await page.evaluate(() => ({ url: decodeURIComponent(location.href), events: window.__details.join(' '),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }), attrs: document.querySelector('savings-plan-calculator').outerHTML }));
  for (const [where, value] of Object.entries(leaks)) assert.ok(!value.includes('张三丰'), `the name is not in ${where}`);
  await page.fill(q('installment'), '2000');
  await page.waitForFunction(([sel, n]) => document.querySelector(sel).shadowRoot.getElementById('quote-number').textContent !== n, [calc, number]);
  await context.close();
});

test('the configurator edits the disclosure and the negotiated-rate margin; the engine checks them', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await ready(page);
  await tellerQuote(page, { lang: 'zh-CN', months: 12, products: 'cn-lczq-standard' });
  const q = (id) => `${calc} >> #${id}`;
  await page.click(`${calc} >> #config summary`);
  await page.fill(q('f-disclosure-zh-CN'), '本行测试披露：存款受保护。');
  await page.waitForFunction((sel) => /本行测试披露/.test(document.querySelector(sel).shadowRoot.getElementById('quote-doc').textContent), calc);
  await page.fill(q('f-rateOverride-label-zh-CN'), '协议利率');
  await page.waitForFunction((sel) => /协议利率/.test(document.querySelector(sel).shadowRoot.getElementById('quote-doc').textContent), calc);
  assert.match(await page.textContent(`${calc} >> label[for="rate"]`), /协议利率/, 'the form says the bank’s word too');
  await page.fill(q('f-rateOverride-margin'), '-1');
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.getElementById('f-rateOverride-margin-error').hidden, calc);
  await page.fill(q('f-rateOverride-margin'), '');
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.getElementById('f-rateOverride-margin-error').hidden, calc);
  // An emptied box removes its key: the margin is back to 0, so 1.35% is above 0.85% + 0 and warns.
  await page.waitForFunction((sel) => /上浮幅度/.test(document.querySelector(sel).shadowRoot.getElementById('warnings').textContent), calc);
  await context.close();
});
