// An INR amount in words, the Indian way (lakh = 1,00,000; crore =
// 1,00,00,000), as on cheques and deposit receipts: "Two Lakh Fifty Thousand
// Five Hundred Rupees and Fifty Paise Only", "Five Thousand Rupees Only".
// Title case, no "and" inside the number, "and" only before the paise,
// "Only" at the end so nothing can be added. Above 99 crore the crores are
// counted the same way ("One Thousand Crore"). Input is the engine's decimal
// string, read digit by digit (BigInt): no floats, no rounding. An amount it
// cannot write exactly (negative, finer than a paisa) gives null.

const ONES = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven',
  'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 0–99 in words ('' for 0). */
function belowHundred(n) {
  if (n < 20) return ONES[n];
  return [TENS[Math.floor(n / 10)], ONES[n % 10]].filter(Boolean).join(' ');
}

/** 0–99,99,999 in words: lakh, thousand, hundred, the rest. */
function belowCrore(n) {
  const parts = [];
  const lakh = Math.floor(n / 100000);
  const thousand = Math.floor(n / 1000) % 100;
  const hundred = Math.floor(n / 100) % 10;
  if (lakh) parts.push(`${belowHundred(lakh)} Lakh`);
  if (thousand) parts.push(`${belowHundred(thousand)} Thousand`);
  if (hundred) parts.push(`${ONES[hundred]} Hundred`);
  if (n % 100) parts.push(belowHundred(n % 100));
  return parts.join(' ');
}

/** Any whole number in Indian words ('Zero' for 0). */
export function indianNumber(value) {
  let n = BigInt(value);
  if (n === 0n) return 'Zero';
  const parts = [];
  const crore = n / 10000000n;
  if (crore > 0n) parts.push(`${indianNumber(crore)} Crore`);
  n %= 10000000n;
  if (n > 0n) parts.push(belowCrore(Number(n)));
  return parts.join(' ');
}

/**
 * "250500.50" → "Two Lakh Fifty Thousand Five Hundred Rupees and Fifty Paise Only";
 * "0.05" → "Five Paise Only"; null when the amount cannot be written exactly.
 */
export function inrWords(text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(frac.slice(2))) return null;
  const rupees = BigInt(m[1]);
  const paise = Number(frac.slice(0, 2));
  const paiseText = paise ? `${belowHundred(paise)} ${paise === 1 ? 'Paisa' : 'Paise'}` : '';
  if (rupees === 0n && paise) return `${paiseText} Only`;
  const rupeeText = `${indianNumber(rupees)} ${rupees === 1n ? 'Rupee' : 'Rupees'}`;
  return paise ? `${rupeeText} and ${paiseText} Only` : `${rupeeText} Only`;
}
