// Amounts as people type them become the plain decimals the engine reads;
// what cannot be read unambiguously is passed on as typed (the engine then
// refuses it at its field). Rates as typed: rate-input.js, tested in tests/node/quote.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseAmount } from '../../www/input.js';

test('amounts: grouping, full-width digits, 万, currency signs', () => {
  const cases = {
    '1000': '1000', ' 1000 ': '1000', '1,000': '1000', '1,000.50': '1000.50', '12,345,678': '12345678',
    '1,00,000': '100000', '1 000': '1000', '1\u00A0000': '1000', "1'000": '1000',
    '１０００': '1000', '１，０００．５': '1000.5', '１０００\u3000': '1000',
    '1万': '10000', '1.5万': '15000', '0.5万': '5000', '１２万': '120000', '1,000万': '10000000', '1.23456万': '12345.6',
    '¥1,000': '1000', '￥１０００': '1000', '₹5,000': '5000', '1000元': '1000', '-5': '-5', '-1万': '-10000',
    '0.01': '0.01', '007': '007',
  };
  for (const [typed, want] of Object.entries(cases)) assert.equal(normaliseAmount(typed), want, typed);
});

test('amounts that are not unambiguous numbers are passed on as typed', () => {
  for (const typed of ['1,5', '1.000,50', '10,00', 'abc', '1e3', '', '1..5', '万', ',100', '1,000,00']) {
    assert.equal(normaliseAmount(typed), typed.trim(), typed);
  }
});

test('amounts on a page with a decimal comma (en-DE): "1.000,50", "1.000", "3.691,82 €"', () => {
  const cases = {
    '1.000,50': '1000.50', '1000,50': '1000.50', '1.000': '1000', '12.345.678': '12345678', '3.691,82 €': '3691.82',
    '€ 100': '100', '100 EUR': '100', '1000.50': '1000.50', '1.5': '1.5', '100': '100', '0,01': '0.01', '-5': '-5',
  };
  for (const [typed, want] of Object.entries(cases)) assert.equal(normaliseAmount(typed, 'en-DE'), want, typed);
  for (const typed of ['1,000.50', '1,0,0', '1.00,5', ',5', '1.000,']) assert.equal(normaliseAmount(typed, 'en-DE'), typed, typed);
  // The same text on an English or Chinese page keeps its English reading.
  assert.equal(normaliseAmount('1.000', 'en'), '1.000');
  assert.equal(normaliseAmount('1,000', 'zh-CN'), '1000');
  assert.equal(normaliseAmount('1.000,50', 'en-IN'), '1.000,50');
});
