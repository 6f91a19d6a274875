// www/statement-parse.js under node --test: statement text as people copy it
// (dates in every form the page accepts, amounts with grouping and currency
// signs, pasted tables, CSV and TSV exports, GB 18030 files) into deposits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, parseAmount, amountText, readStatement, splitRows, decodeFile, rowsText } from '../../www/statement-parse.js';

test('dates in every form the page accepts', () => {
  const cases = [
    ['2025-01-15', '2025-01-15'], ['2025/1/15', '2025-01-15'], ['2025.1.5', '2025-01-05'], ['2025年1月15日', '2025-01-15'],
    ['2025 年 1 月 15 日', '2025-01-15'], ['２０２５年１月１５日', '2025-01-15'], ['20250115', '2025-01-15'],
    ['15/01/2025', '2025-01-15'], ['15-01-2025', '2025-01-15'], ['15.01.25', '2025-01-15'], ['15 Jan 2025', '2025-01-15'],
    ['15-Jan-25', '2025-01-15'], ['Jan 15, 2025', '2025-01-15'], ['15 January 2025', '2025-01-15'], ['2025-01-15 10:32:11', '2025-01-15'],
    ['2024-02-29', '2024-02-29'], ['2025-02-29', null], ['31/04/2025', null], ['2025-13-01', null], ['abc', null], ['', null], ['1000', null],
  ];
  for (const [text, want] of cases) assert.equal(parseDate(text), want, text);
  assert.equal(parseDate('03/04/2025'), '2025-04-03', 'day first by default');
  assert.equal(parseDate('03/04/2025', 'mdy'), '2025-03-04');
  assert.equal(parseDate('01/15/2025', 'mdy'), '2025-01-15');
});

test('amounts with grouping separators, currency signs, credits and debits, exactly', () => {
  const cases = [
    ['1000', '1000', false], ['1,000.00', '1000.00', false], ['¥1,000.00', '1000.00', false], ['￥1000', '1000', false],
    ['₹1,00,000', '100000', false], ['Rs. 2,500.50', '2500.50', false], ['INR 5,000', '5000', false], ['1 000', '1000', false],
    ['1.000,50', '1000.50', false], ['1 000,50', '1000.50', false], ['+1000', '1000', false], ['1000 CR', '1000', false],
    ['1000 DR', '1000', true], ['(500.00)', '500.00', true], ['-1,000', '1000', true], ['1000-', '1000', true], ['１，０００．００', '1000.00', false],
    ['1000元', '1000', false], ['0.10', '0.10', false], ['12,50', '12.50', false], ['12345678901234567890.12', '12345678901234567890.12', false],
  ];
  for (const [text, amount, negative] of cases) assert.deepEqual(parseAmount(text), { amount, negative }, text);
  for (const text of ['', 'abc', '1,0000', '12.3.4', '2025-01-15', '¥', '1e3']) assert.equal(parseAmount(text), null, text);
  assert.equal(amountText('¥11,039.54'), '11039.54');
  assert.equal(amountText('abc'), 'abc', 'not an amount: left for the engine to name');
});

test('pasted tables, CSV and TSV exports, passbook prints', () => {
  const read = (text, lang = 'zh-CN') => {
    const r = readStatement(text, { lang });
    return [r.delimiter, r.header, r.mapping, r.deposits.map((d) => [d.date, d.amount, d.description])];
  };
  assert.deepEqual(read('Date\tNarration\tCredit\tBalance\n15/01/2025\tRD instalment\t1,000.00\t1,000.00\n15/02/2025\tRD instalment\t1,000.00\t2,000.00', 'en-IN'),
    ['tab', true, { date: 0, amount: 2, description: 1 }, [['2025-01-15', '1000.00', 'RD instalment'], ['2025-02-15', '1000.00', 'RD instalment']]]);
  assert.deepEqual(read('2025-01-15,1,000.00,存入\n2025-02-15,1,000.00,存入\n2025-03-15,500,存入'),
    ['comma', false, { date: 0, amount: 1, description: 2 }, [['2025-01-15', '1000.00', '存入'], ['2025-02-15', '1000.00', '存入'], ['2025-03-15', '500', '存入']]]);
  assert.deepEqual(read('交易日期  摘要  存入金额  余额\n2025年1月15日  零存整取  ¥1,000.00  ¥1,000.00\n2025年2月15日  零存整取  ¥1,000.00  ¥2,000.00')[3],
    [['2025-01-15', '1000.00', '零存整取'], ['2025-02-15', '1000.00', '零存整取']]);
  assert.deepEqual(read('Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n15 Jan 2025,15 Jan 2025,TO RD 1234,,,"5,000.00","5,000.00"')[2],
    { date: 0, amount: 5, description: 2 }, 'Credit beside Balance: the name breaks the tie');
  assert.deepEqual(read('2025/1/15 1000 deposit at branch\n2025/2/15 1000')[3], [['2025-01-15', '1000', 'deposit at branch'], ['2025-02-15', '1000', '']]);
  assert.deepEqual(read('Datum;Betrag\n15.01.2025;1.000,00')[3], [['2025-01-15', '1000.00', '']]);
  assert.deepEqual(read('15/01/2025,"1,00,000",RD', 'en-IN')[3], [['2025-01-15', '100000', 'RD']]);
  assert.equal(splitRows('a\tb\n').delimiter, 'tab');
});

test('rows left out say why; withdrawals are not deposits', () => {
  const r = readStatement('2025-01-15\t1000\n2025-02-15\t-1000\nsubtotal\t2000\n2025-03-15\tabc\n2025-04-15\t0.00\n\n', { lang: 'en' });
  assert.deepEqual(r.deposits.map((d) => d.line), [1]);
  assert.deepEqual(r.skipped.map((s) => [s.line, s.reason]), [[2, 'withdrawal'], [3, 'date'], [4, 'amount'], [5, 'withdrawal']]);
});

test('the day order: proven by the rows, else the reader’s language, else chosen', () => {
  assert.equal(readStatement('03/04/2025\t100\n15/05/2025\t100').dayOrder, 'dmy');
  assert.equal(readStatement('03/04/2025\t100\n05/15/2025\t100').dayOrder, 'mdy');
  let r = readStatement('03/04/2025\t100', { lang: 'en' });
  assert.deepEqual([r.dayOrder, r.ambiguousDates, r.deposits[0].date], ['mdy', true, '2025-03-04']);
  r = readStatement('03/04/2025\t100', { lang: 'en-IN' });
  assert.deepEqual([r.dayOrder, r.deposits[0].date], ['dmy', '2025-04-03']);
  r = readStatement('03/04/2025\t100', { lang: 'en', order: 'dmy' });
  assert.equal(r.deposits[0].date, '2025-04-03');
});

test('columns mapped by hand override the guess', () => {
  const text = '2025-01-15 | 1000 | 1000\n2025-02-15 | 2000 | 1000';
  assert.equal(readStatement(text).mapping.amount, 1, 'the guess: the first amount column (here a balance)');
  const r = readStatement(text, { mapping: { date: 0, amount: 2, description: null } });
  assert.deepEqual(r.deposits.map((d) => d.amount), ['1000', '1000']);
  assert.deepEqual(r.columns.map((c) => c.sample), ['2025-01-15', '1000', '1000']);
});

test('files: UTF-8 with a BOM, GB 18030, and a saved statement’s rows', () => {
  const utf8 = new TextEncoder().encode('\uFEFF日期,金额\n2025-01-15,1000\n');
  assert.equal(readStatement(decodeFile(utf8)).deposits.length, 1);
  const gbk = new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a, ...new TextEncoder().encode('2025-01-15,1000\n')]);
  const text = decodeFile(gbk);
  assert.ok(text.startsWith('日期,金额'));
  const r = readStatement(text);
  assert.deepEqual([r.header, r.columns[0].name, r.deposits[0].amount], [true, '日期', '1000']);
  assert.equal(rowsText([{ date: '2025-01-15', amount: '1000', description: '存入' }, { date: '2025-02-15', amount: '1000' }]), '2025-01-15\t1000\t存入\n2025-02-15\t1000');
});
