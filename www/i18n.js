// Languages: zh-CN (default), en, en-IN. Texts are ES modules, so no import
// attributes or fetches are needed; missing keys fall back to English.
import en from './locales/en.js';
import zhCN from './locales/zh-CN.js';
import enIN from './locales/en-IN.js';

const TEXTS = { 'zh-CN': zhCN, en, 'en-IN': enIN };
export const LANGUAGES = [
  { tag: 'zh-CN', name: '简体中文' },
  { tag: 'en', name: 'English' },
  { tag: 'en-IN', name: 'English (India)' },
];

/** The supported language nearest to a BCP 47 tag. */
export function resolveLang(tag) {
  if (!tag) return 'zh-CN';
  if (TEXTS[tag]) return tag;
  const lower = String(tag).toLowerCase();
  if (lower === 'en-in' || lower.endsWith('-in')) return 'en-IN';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return 'zh-CN';
}

/** A translate function for one language: t('key', { name: value }). */
export function translator(lang) {
  const texts = TEXTS[resolveLang(lang)];
  return (key, vars) => {
    const text = texts[key] ?? en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? '')) : text;
  };
}

/** A product's display name in a language (names are text, never HTML). */
export function productName(product, lang) {
  const name = product?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object') {
    const l = resolveLang(lang);
    return name[l] ?? name[l.split('-')[0]] ?? name.en ?? name['zh-CN'] ?? Object.values(name)[0] ?? product.id;
  }
  return String(product?.id ?? '');
}

/** A product's note in a language, or ''. */
export function productNote(product, lang) {
  const note = product?.note;
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object') {
    const l = resolveLang(lang);
    return note[l] ?? note[l.split('-')[0]] ?? note.en ?? Object.values(note)[0] ?? '';
  }
  return '';
}

/** A term in words: "1 year (12 months)" / "1年（12个月）". */
export function termText(months, t) {
  const m = Number(months);
  const years = m % 12 === 0 ? (m === 12 ? t('year') : t('years', { n: m / 12 })) : t('months', { n: m });
  return t('termOption', { years, months: m });
}

/** A product's text field (a string or { lang: text }) in a language, or ''. */
export function productText(value, lang) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const l = resolveLang(lang);
    return value[l] ?? value[l.split('-')[0]] ?? value.en ?? Object.values(value)[0] ?? '';
  }
  return '';
}

/** The bank's word for a teller's negotiated rate (the product's `rateOverride.label`), else ours. */
export function rateLabel(product, lang, t) {
  return productText(product?.rateOverride?.label, lang) || t('negotiatedRate');
}
