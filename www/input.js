// Amounts as people type them, turned into the plain decimal strings the
// engine reads ("1000", "1000.50"). Text only: no float ever holds an amount.
//   "1,000", "1 000", "1,00,000" (lakh), "１０００" (full-width),
//   "1万" / "1.5万" (×10,000), "¥1,000", "1000元"
// (Rates and inflation as typed, "1.1%", are rate-input.js's.)
// On a page whose numbers are written with a decimal comma (en-DE: "1.234,56 €"),
// amounts are read that way: "1.000,50", "1000,50", "1.000" (one thousand),
// "3.691,82 €"; a lone point that cannot be grouping ("1000.50") is a point.
// What cannot be read unambiguously ("1,5" on an English page, "1.000,50")
// is returned as typed, so the engine refuses it at its field instead of the
// page guessing.
import { numberLocale } from './format.js';

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0B]/g;
const SPACES = /[\s\u00A0\u2007\u2009\u202F\u3000]/g;

/** Full-width digits and signs to ASCII, spaces of every width removed, trimmed. */
function fold(text) {
  return String(text ?? '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(SPACES, '');
}

/** "1,000", "1,00,000" → "1000", "100000"; other comma use → null. */
function ungroup(intPart) {
  if (!intPart.includes(',') && !intPart.includes("'")) return intPart;
  const groups = intPart.split(/[,']/);
  const [first, ...rest] = groups;
  const ok = /^\d{1,3}$/.test(first) && rest.length > 0 && rest.every((g, i) => (i === rest.length - 1 ? /^\d{3}$/ : /^\d{2,3}$/).test(g));
  return ok ? groups.join('') : null;
}

/** Moves a plain decimal's point `places` to the right: ("1.5", 4) → "15000". */
function shift(decimal, places) {
  const [int, frac = ''] = decimal.split('.');
  const digits = int + frac.padEnd(places, '0');
  const cut = int.length + places;
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(cut).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** Whether the language writes numbers with a decimal comma ("1.234,56"). */
function decimalComma(lang) {
  if (!lang) return false;
  try {
    return new Intl.NumberFormat(numberLocale(lang)).formatToParts(0.5).find((p) => p.type === 'decimal')?.value === ',';
  } catch { return false; }
}

/** "1.000,50" → "1000.50", "1.000" → "1000"; what is not German-style stays as it was, null when unreadable. */
function fromDecimalComma(s) {
  const grouped = /^\d{1,3}(?:\.\d{3})+$/;
  if (!s.includes(',')) return grouped.test(s) ? s.replaceAll('.', '') : s;
  const [int, frac, ...more] = s.split(',');
  if (more.length > 0 || !/^\d+$/.test(frac) || !(/^\d+$/.test(int) || grouped.test(int))) return null;
  return `${int.replaceAll('.', '')}.${frac}`;
}

/**
 * A plain decimal string from an amount as typed, or the text as typed when
 * it is not one. `lang` (the page's language) chooses a decimal comma where
 * that language's numbers have one.
 */
export function normaliseAmount(text, lang) {
  const raw = String(text ?? '').trim();
  let s = fold(raw).replace(/^[¥￥₹£€$]|^(?:CN¥|Rs\.?|INR|CNY|GBP|EUR)/i, '').replace(/(?:元|€|EUR)$/i, '');
  let sign = '';
  if (/^[-+]/.test(s)) { sign = s[0] === '-' ? '-' : ''; s = s.slice(1); }
  const wan = /[万萬]$/.test(s);
  if (wan) s = s.slice(0, -1);
  if (decimalComma(lang)) {
    const read = fromDecimalComma(s);
    if (read === null) return raw;
    s = read;
  }
  const m = /^([\d,']+)(?:\.(\d+))?$/.exec(s);
  if (!m) return raw;
  const int = ungroup(m[1]);
  if (int === null) return raw;
  let value = m[2] !== undefined ? `${int}.${m[2]}` : int;
  if (wan) value = shift(value, 4);
  return sign + value;
}
