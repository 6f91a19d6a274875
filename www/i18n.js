// Languages: zh-CN (default), en, en-IN, en-DE (English texts, German number and date formats). Texts are ES modules loaded when a
// language is first used (a Chinese page never downloads the English texts);
// en-IN holds only what differs from en, so it loads en too.

const LOADERS = {
  'zh-CN': () => import('./locales/zh-CN.js'),
  en: () => import('./locales/en.js'),
  'en-IN': () => import('./locales/en-IN.js'),
  'en-DE': () => import('./locales/en-DE.js'),
};
const FALLBACK = { 'en-IN': 'en', 'en-DE': 'en' };
const TEXTS = {};
const loading = {};
// Shown before any texts have arrived.
const LOADING = { 'zh-CN': '正在加载计算器…', en: 'Loading the calculator…', 'en-IN': 'Loading the calculator…', 'en-DE': 'Loading the calculator…' };

export const LANGUAGES = [
  { tag: 'zh-CN', name: '简体中文' },
  { tag: 'en', name: 'English' },
  { tag: 'en-IN', name: 'English (India)' },
  { tag: 'en-DE', name: 'English (Deutschland: 1.234,56 €)' },
];

/** The supported language nearest to a BCP 47 tag. */
export function resolveLang(tag) {
  if (!tag) return 'zh-CN';
  if (LOADERS[tag]) return tag;
  const lower = String(tag).toLowerCase();
  if (lower === 'en-in' || lower.endsWith('-in')) return 'en-IN';
  // German pages: English texts (no German translation yet) with German numbers and dates.
  if (lower === 'en-de' || lower === 'de' || lower.startsWith('de-')) return 'en-DE';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return 'zh-CN';
}

/** Loads a language's texts (and the language it falls back to); resolves when translator(lang) is complete. */
export function loadTexts(lang) {
  const l = resolveLang(lang);
  loading[l] ??= Promise.all([
    LOADERS[l]().then((m) => { TEXTS[l] = m.default; }),
    FALLBACK[l] ? loadTexts(FALLBACK[l]) : null,
  ]);
  return loading[l];
}

/** True when translator(lang) has its texts. */
export function textsReady(lang) {
  const l = resolveLang(lang);
  return Boolean(TEXTS[l]) && (!FALLBACK[l] || Boolean(TEXTS[FALLBACK[l]]));
}

/** A translate function for one language: t('key', { name: value }). */
export function translator(lang) {
  const l = resolveLang(lang);
  const texts = TEXTS[l] ?? {};
  const fallback = TEXTS[FALLBACK[l]] ?? {};
  return (key, vars) => {
    const text = texts[key] ?? fallback[key] ?? (key === 'loading' ? LOADING[l] : key);
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

/** A customer category's name in a language: the product's own, else the page's word for a known id, else the id. */
export function categoryName(category, lang, t) {
  const own = productName({ id: '', name: category.name }, lang);
  if (own) return own;
  const known = t(`category_${category.id}`);
  return known === `category_${category.id}` ? category.id : known;
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

/** A term in words: "1 year (12 months)" / "1 年（12 个月）"; "9 months" when not whole years. */
export function termText(months, t) {
  const m = Number(months);
  if (m % 12 !== 0) return t('months', { n: m });
  return t('termOption', { years: m === 12 ? t('year') : t('years', { n: m / 12 }), months: m });
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
