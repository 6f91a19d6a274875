// The printed quote's pure parts: the schedule condensed for one page, the
// quote number and validity, the teller's rate as typed, the words dispatch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { condensed, amountInWords } from '../../www/panels/quote.js';
import { quoteNumber, validUntil, validDays } from '../../www/quote-meta.js';
import { rateText } from '../../www/rate-input.js';

const rows = (n, status = () => 'paid') => Array.from({ length: n }, (_, i) => ({
  n: i + 1, due: '2025-01-15', amount: '1000', status: status(i + 1), balance: String((i + 1) * 1000),
}));

test('a schedule of up to 12 rows prints whole', () => {
  assert.deepEqual(condensed(rows(12)).map((x) => x.kind), Array(12).fill('row'));
});

test('longer: the first 3 rows, a subtotal per plan year with the engine’s balance, the last row', () => {
  const out = condensed(rows(36));
  assert.deepEqual(out.map((x) => x.kind === 'row' ? x.row.n : `${x.kind}${x.year}`), [1, 2, 3, 'year1', 'year2', 'year3', 36]);
  assert.deepEqual(out[4], { kind: 'year', year: 2, from: 13, to: 24, paid: 12, count: 12, balance: '24000' });
  assert.equal(condensed(rows(60)).length, 3 + 5 + 1);
  assert.deepEqual(condensed(rows(18)).filter((x) => x.kind === 'year').map((x) => [x.from, x.to, x.count]), [[1, 12, 12], [13, 18, 6]]);
});

test('installments not paid on time are shown (at most four, then a count)', () => {
  const out = condensed(rows(36, (n) => (n === 7 ? 'missed' : n === 8 ? 'late' : 'paid')));
  assert.deepEqual(out.filter((x) => x.kind === 'row').map((x) => x.row.n), [1, 2, 3, 7, 8, 36]);
  assert.equal(out.find((x) => x.year === 1).paid, 11, 'a missed one is not paid; a late one is');
  const many = condensed(rows(60, (n) => (n > 10 && n < 20 ? 'missed' : 'paid')));
  assert.deepEqual(many.find((x) => x.kind === 'more'), { kind: 'more', count: 5 });
});

test('the quote number: the date prepared and five characters of Crockford base 32', () => {
  assert.equal(quoteNumber('2025-01-15', () => [0, 31, 32, 200, 255]), 'Q20250115-0Z08Z');
  assert.match(quoteNumber('2025-01-15'), /^Q20250115-[0-9A-HJKMNP-TV-Z]{5}$/);
});

test('valid until: today plus the days, across months and leap days; the attribute read strictly', () => {
  assert.equal(validUntil('2025-01-15', 7), '2025-01-22');
  assert.equal(validUntil('2024-12-28', 7), '2025-01-04');
  assert.equal(validUntil('2024-02-25', 7), '2024-03-03');
  assert.deepEqual(['14', ' 30 ', '0', '366', '7.5', 'x', '', null].map(validDays), [14, 30, 7, 7, 7, 7, 7, 7]);
});

test('the teller’s rate as people type it', () => {
  assert.deepEqual(['1.1%', '1.10', ' 1.1 % ', '１．１％', '-1', '', '  '].map(rateText), ['1.1', '1.10', '1.1', '1.1', '-1', null, null]);
});

test('amounts in words where the currency has them', () => {
  assert.equal(amountInWords('12087.75', 'CNY'), '人民币壹万贰仟零捌拾柒元柒角伍分');
  assert.equal(amountInWords('100000.10', 'INR'), 'One Lakh Rupees and Ten Paise Only');
  assert.equal(amountInWords('100', 'GBP'), null);
});
