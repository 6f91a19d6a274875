// Amounts in words on the printed quote: 人民币大写 (www/words-rmb.js) and
// Indian rupee words with lakh and crore (www/words-inr.js), checked against
// published examples. Sources:
// - PBOC, 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》, rules 2 and 4
//   (its worked examples ¥1,409.50, ¥6,007.14, ¥1,680.32, ¥107,000.53, ¥16,409.02, ¥325.04);
// - Indian cheque wording as banks and their help pages give it (Paytm "How to write 2 lakhs in
//   cheque": "Two Lakh Only"; "₹12,500.50 is Twelve Thousand Five Hundred Rupees and Fifty Paise";
//   "₹5,000 is Five Thousand Rupees Only").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmbCapital } from '../../www/words-rmb.js';
import { inrWords, indianNumber } from '../../www/words-inr.js';

test('人民币大写: the PBOC rules’ own worked examples', () => {
  for (const [amount, words] of [
    ['1409.50', '人民币壹仟肆佰零玖元伍角'],          // a zero inside: 零
    ['6007.14', '人民币陆仟零柒元壹角肆分'],          // several zeros inside: one 零
    ['1680.32', '人民币壹仟陆佰捌拾元零叁角贰分'],    // 元 digit 0, 角 not: 零 after 元 (first form)
    ['107000.53', '人民币壹拾万柒仟元零伍角叁分'],    // 万 digit 0, 千 not: no 零 there (first form)
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'],   // 角 0, 分 not: 零 after 元
    ['325.04', '人民币叁佰贰拾伍元零肆分'],
  ]) assert.equal(rmbCapital(amount), words, amount);
});

test('人民币大写: 整 only when there are no 角 and 分; small, round and inner-zero amounts', () => {
  for (const [amount, words] of [
    ['12087.75', '人民币壹万贰仟零捌拾柒元柒角伍分'],
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角'],
    ['10.00', '人民币壹拾元整'],
    ['10', '人民币壹拾元整'],
    ['100000.10', '人民币壹拾万元零壹角'],
    ['1000000.00', '人民币壹佰万元整'],
    ['100100.00', '人民币壹拾万零壹佰元整'],
    ['1005', '人民币壹仟零伍元整'],
    ['10680.03', '人民币壹万零陆佰捌拾元零叁分'],
    ['100000001.00', '人民币壹亿零壹元整'],
    ['100010000.00', '人民币壹亿零壹万元整'],
    ['1010.10', '人民币壹仟零壹拾元零壹角'],
    ['0.00', '人民币零元整'],
    ['36000', '人民币叁万陆仟元整'],
    ['9999999999999999.99', '人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['1000100000000', '人民币壹万零壹亿元整'],
    ['110000000', '人民币壹亿壹仟万元整'],
  ]) assert.equal(rmbCapital(amount), words, amount);
});

test('人民币大写: what it cannot write exactly is null, never rounded', () => {
  for (const bad of ['-1.00', '1.005', '12,000', 'abc', '', null, undefined, '10000000000000000']) {
    assert.equal(rmbCapital(bad), null, String(bad));
  }
  assert.equal(rmbCapital('1.250'), '人民币壹元贰角伍分');
});

test('rupees in words: lakh and crore, Rupees … and … Paise Only', () => {
  for (const [amount, words] of [
    ['200000', 'Two Lakh Rupees Only'],
    ['12500.50', 'Twelve Thousand Five Hundred Rupees and Fifty Paise Only'],
    ['5000', 'Five Thousand Rupees Only'],
    ['250500.50', 'Two Lakh Fifty Thousand Five Hundred Rupees and Fifty Paise Only'],
    ['0.05', 'Five Paise Only'],
    ['0.01', 'One Paisa Only'],
    ['1.00', 'One Rupee Only'],
    ['10.00', 'Ten Rupees Only'],
    ['100000.10', 'One Lakh Rupees and Ten Paise Only'],
    ['1000000.00', 'Ten Lakh Rupees Only'],
    ['10000001.01', 'One Crore One Rupees and One Paisa Only'],
    ['356829.14', 'Three Lakh Fifty Six Thousand Eight Hundred Twenty Nine Rupees and Fourteen Paise Only'],
    ['1234567890', 'One Hundred Twenty Three Crore Forty Five Lakh Sixty Seven Thousand Eight Hundred Ninety Rupees Only'],
    ['1000000000000', 'One Lakh Crore Rupees Only'],
    ['0', 'Zero Rupees Only'],
  ]) assert.equal(inrWords(amount), words, amount);
  assert.equal(indianNumber('100101'), 'One Lakh One Hundred One');
  for (const bad of ['-5', '1.001', '1e5', '', null]) assert.equal(inrWords(bad), null, String(bad));
});
