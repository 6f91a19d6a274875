// "对账 / Check my statement" in Debian's Chromium through Playwright: a
// statement pasted in each date format, a CSV file dropped on the box (and a
// GB 18030 one opened), columns mapped by hand, each deposit matched to its
// installment, the bank's figure and the difference explained, a saved
// statement opened again, keyboard only, axe-core, and no network request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, ready } from './harness.mjs';
import { loadPkg } from '../node/load-pkg.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const engine = await loadPkg();
const calc = 'savings-plan-calculator';
const q = (id) => `${calc} >> #${id}`;

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

// The README's worked example: May skipped and paid with June, September's make-up after its window.
const ROWS = [
  ['2025-01-15', '1,000.00'], ['2025-02-15', '1,000.00'], ['2025-03-15', '1,000.00'], ['2025-04-15', '1,000.00'],
  ['2025-06-16', '2,000.00'], ['2025-07-15', '1,000.00'], ['2025-08-15', '1,000.00'], ['2025-10-15', '1,000.00'],
  ['2025-11-15', '1,000.00'], ['2025-11-20', '1,000.00'], ['2025-12-15', '1,000.00'],
];
const FORMATS = {
  iso: (y, m, d) => `${y}-${m}-${d}`,
  slash: (y, m, d) => `${y}/${Number(m)}/${Number(d)}`,
  chinese: (y, m, d) => `${y}年${Number(m)}月${Number(d)}日`,
  dayFirst: (y, m, d) => `${d}/${m}/${y}`,
};
const standard = engine.catalog().find((p) => p.id === 'cn-lczq-standard');
const expected = engine.reconcile(standard, {
  start: '2025-01-15', months: 12, installment: null, bankPayout: '11039.54',
  deposits: ROWS.map(([date, amount]) => ({ date, amount: amount.replace(',', '') })),
});

function statementText(format, { currency = '¥', description = true } = {}) {
  return ROWS.map(([iso, amount], i) => {
    const [y, m, d] = iso.split('-');
    return [FORMATS[format](y, m, d), `${currency}${amount}`, description ? (i === 4 ? '补存 存入' : '存入') : null].filter(Boolean).join('\t');
  }).join('\n');
}

/**
 * Requests since `from` that could carry something out of the page: any but
 * a plain GET of the component's own code (a panel's module may still be
 * arriving a moment after the first figure; it carries nothing).
 */
function sent(log, from) {
  return log.requests.slice(from).filter((u) => {
    const url = new URL(u);
    return !(url.origin === origin && !url.search && /\.(js|wasm|css)$/.test(url.pathname));
  });
}

async function open(options) {
  const o = await openPage(browser, `${origin}/`, options);
  await ready(o.page);
  return o;
}

async function setLang(page, lang) {
  await page.selectOption(q('lang'), lang);
  await page.waitForFunction(([sel, l]) => document.querySelector(sel).shadowRoot.querySelector('.spc')?.getAttribute('lang') === l, [calc, lang]);
}

async function openStatement(page) {
  await page.click(`${calc} >> #statement > summary`);
  await page.locator(q('stmt-text')).waitFor();
}

/** Waits until the check shows a figure, then returns what the panel says. */
async function shown(page, wanted = /./) {
  await page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel).shadowRoot.getElementById('stmt-payout')?.textContent ?? ''),
    [calc, wanted.source], { timeout: 5000 });
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const text = (id) => root.getElementById(id)?.textContent?.trim() ?? null;
    const rows = [...root.querySelectorAll('#stmt-table tbody tr')].map((tr) => ({
      cls: tr.className, installments: tr.children[4].textContent, why: tr.children[5].textContent, description: tr.children[3].textContent }));
    return { payout: text('stmt-payout'), bank: text('stmt-bank-figure'), difference: text('stmt-difference'), cause: text('stmt-cause'),
      causeKey: root.getElementById('stmt-cause')?.dataset.key ?? null, breach: text('stmt-breach'), missed: text('stmt-missed'),
      read: text('stmt-read-summary'), start: root.getElementById('stmt-start').value, rows };
  }, calc);
}

function money(text, locale) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text);
}

test('a statement pasted in each date format gives the engine’s reconciliation', async () => {
  assert.equal(expected.result.payout, '11038.04');
  for (const [format, lang] of [['iso', 'zh-CN'], ['slash', 'zh-CN'], ['chinese', 'zh-CN'], ['dayFirst', 'en-IN']]) {
    const { page, context, log } = await open();
    if (lang !== 'zh-CN') await setLang(page, lang);
    await openStatement(page);
    await page.fill(q('stmt-text'), statementText(format));
    await page.fill(q('stmt-bank'), '¥11,039.54');
    const s = await shown(page);
    assert.equal(s.payout, money(expected.result.payout, lang), format);
    assert.equal(s.start, '2025-01-15', `${format}: the opening date is the first deposit's`);
    assert.equal(s.bank, money('11039.54', lang));
    assert.equal(s.difference, `+${money('1.50', lang)}`);
    assert.equal(s.causeKey, 'noBreach');
    assert.match(s.cause, lang === 'zh-CN' ? /第9期/ : /instalment 9/);
    assert.match(s.breach, lang === 'zh-CN' ? /第9期/ : /instalment 9/);
    assert.equal(s.rows.length, 11);
    assert.equal(s.rows[4].installments, '5, 6');
    assert.match(s.rows[4].why, lang === 'zh-CN' ? /补存第5期/ : /Makes up instalment 5/);
    assert.equal(s.rows[4].description, '补存 存入');
    assert.equal(s.rows[9].cls, 'stmt-ignored');
    assert.equal(s.rows[7].installments, '10');
    for (const [i, row] of expected.deposits.entries()) assert.equal(s.rows[i].installments, row.installments.join(', ') || '—');
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('a CSV file dropped on the box, and a GB 18030 export opened, are read on the device', async () => {
  const { page, context, log } = await open({ locale: 'en-US' });
  await setLang(page, 'en');
  await openStatement(page);
  const before = log.requests.length;
  const csv = `Date,Description,Amount\n${ROWS.map(([d, a]) => `${d},RD deposit,"${a}"`).join('\n')}\n`;
  await page.evaluate(([sel, text]) => {
    const drop = document.querySelector(sel).shadowRoot.getElementById('stmt-drop');
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'statement.csv', { type: 'text/csv' }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [calc, csv]);
  let s = await shown(page);
  assert.equal(s.payout, money('11038.04', 'en'));
  assert.equal(s.rows[0].description, 'RD deposit');
  assert.equal(s.read, 'Rows read as deposits: 11 of 11.');
  // 交易日期,摘要,存入金额 in GB 18030, as Chinese banks export it.
  const gbk = Buffer.concat([
    Buffer.from([0xbd, 0xbb, 0xd2, 0xd7, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xd5, 0xaa, 0xd2, 0xaa, 0x2c, 0xb4, 0xe6, 0xc8, 0xeb, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]),
    Buffer.from(ROWS.map(([d, a]) => `${d},X,"${a}"`).join('\n')),
  ]);
  await page.setInputFiles(q('stmt-file'), { name: 'export.csv', mimeType: 'text/csv', buffer: gbk });
  s = await shown(page);
  assert.equal(s.payout, money('11038.04', 'en'));
  const header = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('#stmt-col-date option').textContent, calc);
  assert.match(header, /交易日期/);
  assert.deepEqual(sent(log, before), [], 'reading files sends nothing');
  await context.close();
});

test('columns mapped by hand when the guess is wrong', async () => {
  const { page, context } = await open();
  await openStatement(page);
  // No header: date, the running balance, then the deposit. The guess takes the first amount column.
  let balance = 0;
  const text = ROWS.map(([d, a]) => {
    balance += Number(a.replace(',', ''));
    return `${d} | ${balance} | ${a}`;
  }).join('\n');
  await page.fill(q('stmt-text'), text);
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.getElementById('stmt-col-amount')?.value === '1', calc);
  // Every row was read, so the columns are folded away; open them and correct the amount column.
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.getElementById('stmt-columns').open, calc), false);
  await page.click(`${calc} >> #stmt-columns > summary`);
  await page.selectOption(q('stmt-col-amount'), '2');
  const s = await shown(page, /11,038\.04/);
  assert.equal(s.payout, money('11038.04', 'zh-CN'));
  assert.equal(s.rows[4].installments, '5, 6');
  await context.close();
});

test('the difference to a bank figure is explained: tax, another rate, nothing', async () => {
  const { page, context } = await open();
  await openStatement(page);
  const regular = ROWS.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}-15\t1000`).concat(['2025-12-15\t1000']).join('\n');
  await page.fill(q('stmt-text'), regular);
  for (const [figure, key, difference] of [['12033.80', 'tax', '-¥8.45'], ['12087.75', 'rate', '+¥45.50'], ['12042.25', 'agrees', '¥0.00'], ['12042.40', 'unexplained', '+¥0.15']]) {
    await page.fill(q('stmt-bank'), figure);
    await page.waitForFunction(([sel, k]) => document.querySelector(sel).shadowRoot.getElementById('stmt-cause')?.dataset.key === k, [calc, key]);
    const s = await shown(page);
    assert.equal(s.difference, difference, key);
  }
  // An amount that is not a number is shown at its field, in the reader's words.
  await page.fill(q('stmt-installment'), 'abc');
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.getElementById('stmt-installment-error').hidden, calc);
  await page.fill(q('stmt-installment'), '');
  await shown(page);
  await context.close();
});

test('save the statement to a file, open it again, and show its plan in the calculator', async () => {
  const { page, context } = await open();
  await openStatement(page);
  await page.fill(q('stmt-text'), statementText('iso'));
  await page.fill(q('stmt-bank'), '11039.54');
  await shown(page);
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(q('stmt-save'))]);
  const doc = JSON.parse(await readFile(await saved.path(), 'utf8'));
  assert.equal(doc.kind, 'savings-plan-statement');
  assert.equal(doc.statement.deposits[4].description, '补存 存入');
  assert.equal(doc.statement.bankPayout, '11039.54');
  await page.fill(q('stmt-text'), '');
  await page.fill(q('stmt-bank'), '');
  await page.setInputFiles(q('stmt-file'), { name: 'statement.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const s = await shown(page);
  assert.equal(s.difference, `+${money('1.50', 'zh-CN')}`);
  await page.click(q('stmt-use'));
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.cell[data-n="9"]')?.dataset.status === 'missed', calc);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.getElementById('payout').textContent.trim(), calc), money('11038.04', 'zh-CN'));
  await context.close();
});

test('the whole check with the keyboard alone', async () => {
  const { page, context } = await open();
  const focused = () => page.evaluate((sel) => {
    const a = document.querySelector(sel).shadowRoot.activeElement;
    return a?.id || a?.tagName?.toLowerCase() || null;
  }, calc);
  const tabTo = async (id, limit = 200) => {
    for (let i = 0; i < limit; i++) {
      if ((await focused()) === id) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`could not reach ${id} with Tab`);
  };
  await page.keyboard.press('Tab');
  await tabTo('summary');
  const summaryText = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement.textContent, calc);
  if (!/对账/.test(summaryText)) {
    // The product settings' summary comes first: go on to ours.
    await page.keyboard.press('Tab');
    await tabTo('summary');
  }
  await page.keyboard.press('Enter');
  // The view's module loads on first opening; the summary keeps the focus meanwhile.
  await page.locator(q('stmt-text')).waitFor();
  assert.equal(await focused(), 'summary');
  await tabTo('stmt-text', 5);
  for (const [i, [d, a]] of ROWS.entries()) {
    await page.keyboard.type(`${d}\t`.replace('\t', ' '));
    await page.keyboard.type(a);
    if (i < ROWS.length - 1) await page.keyboard.press('Enter');
  }
  await tabTo('stmt-bank', 30);
  await page.keyboard.type('11039.54');
  const s = await shown(page);
  assert.equal(s.causeKey, 'noBreach');
  assert.equal(s.rows[4].installments, '5, 6');
  await tabTo('stmt-use', 40);
  await page.keyboard.press('Enter');
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.cell[data-n="5"]')?.dataset.status === 'late', calc);
  await context.close();
});

test('axe-core finds no violations in the check, in Chinese and on an English phone', async () => {
  for (const [lang, viewport] of [['zh-CN', { width: 1280, height: 900 }], ['en-IN', { width: 390, height: 844 }]]) {
    const { page, context } = await open({ viewport });
    if (lang !== 'zh-CN') await setLang(page, lang);
    await openStatement(page);
    await page.fill(q('stmt-text'), `Date\tCredit\tNarration\n${statementText('dayFirst', { currency: '₹' })}\nnot a row\t\t`);
    await page.fill(q('stmt-bank'), '11039.54');
    await shown(page);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(violations, [], `${lang}: ${violations.join('\n')}`);
    await context.close();
  }
});

test('the view loads when first opened, and no request leaves the page while a statement is checked', async () => {
  const { page, context, log } = await open();
  const loaded = () => log.requests.filter((u) => /statement(-parse)?\.js$|\/pkg\/savings_plan(_\w+)?(_bg\.wasm|\.js)$/.test(new URL(u).pathname) && !u.includes('shell') && !u.includes('savings_plan_first'));
  assert.deepEqual(loaded(), [], 'the folded view fetched nothing more (the first screen\'s engine has no reconcile)');
  await openStatement(page);
  // The view's modules and its engine (reconcile, pkg/savings_plan_statement*) come when it is first opened.
  // (statement-parse.js is its own module in www/, inside panels/statement.js in dist/.)
  assert.deepEqual(loaded().map((u) => new URL(u).pathname).filter((p) => p !== '/statement-parse.js').sort(), ['/panels/statement.js', '/pkg/savings_plan_statement.js', '/pkg/savings_plan_statement_bg.wasm']);
  const before = log.requests.length;
  await page.fill(q('stmt-text'), statementText('chinese'));
  await page.fill(q('stmt-bank'), '11039.54');
  await page.fill(q('stmt-withdraw'), '2025-12-01');
  await shown(page);
  await page.fill(q('stmt-withdraw'), '');
  await shown(page);
  assert.deepEqual(sent(log, before), []);
  assert.deepEqual([...log.hosts], [new URL(origin).host]);
  assert.deepEqual(log.errors, []);
  await context.close();
});
