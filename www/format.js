// Display formatting with cached Intl formatters: engine strings in, text out.
// Money strings are formatted exactly (Intl.NumberFormat accepts decimal
// strings), never through a float; dates are calendar dates (UTC).

const cache = new Map();

// Languages whose numbers and dates Intl formats with another locale's data:
// en-DE is English text with German formats (Intl's en-DE groups as English).
const FORMATS = { 'en-DE': 'de-DE' };
const intl = (locale) => FORMATS[locale] ?? locale;

/** The locale whose number and date formats the language uses ("en-DE" → "de-DE"). */
export const numberLocale = intl;

function cached(key, make) {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function places(text) {
  const dot = String(text).indexOf('.');
  return dot < 0 ? 0 : String(text).length - dot - 1;
}

/** "12087.75" in CNY → "¥12,087.75" (zh-CN), "₹3,56,829.14" (en-IN); "3691.82" in EUR → "3.691,82 €" (en-DE). */
export function money(text, currency, locale) {
  if (text == null || text === '') return '—';
  const digits = places(text);
  const f = cached(`m|${locale}|${currency}|${digits}`, () =>
    new Intl.NumberFormat(intl(locale), { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return f.format(String(text));
}

/** A plain decimal with grouping: "2384000" → "2,384,000" / "23,84,000" (en-IN). */
export function number(text, locale) {
  if (text == null || text === '') return '—';
  const digits = places(text);
  const f = cached(`n|${locale}|${digits}`, () =>
    new Intl.NumberFormat(intl(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return f.format(String(text));
}

/** "1.35" → "1.35%". */
export function percent(text, locale) {
  if (text == null || text === '') return '—';
  return `${number(text, locale)}%`;
}

/** "2025-01-15" → "15 Jan 2025" / "2025年1月15日". */
export function date(iso, locale) {
  if (!iso) return '—';
  const f = cached(`d|${locale}`, () => new Intl.DateTimeFormat(intl(locale), { dateStyle: 'medium', timeZone: 'UTC' }));
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** Short month label for the grid and chart: "Jan 25" / "25年1月". */
export function month(iso, locale) {
  const f = cached(`mo|${locale}`, () => new Intl.DateTimeFormat(intl(locale), { year: '2-digit', month: 'short', timeZone: 'UTC' }));
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** Compact axis labels: 12000 → "12K" / "1.2万". Display only. */
export function compact(value, locale) {
  const f = cached(`c|${locale}`, () => new Intl.NumberFormat(intl(locale), { notation: 'compact', maximumFractionDigits: 1 }));
  return f.format(value);
}

/** The currency symbol alone, for input prefixes: "¥", "₹", "£". */
export function currencySymbol(currency, locale) {
  const f = cached(`s|${locale}|${currency}`, () => new Intl.NumberFormat(intl(locale), { style: 'currency', currency }));
  return f.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/** Builds the formatters a first result needs (the locale's number and date data), before there is a result. */
export function warmFormats(locale, isoDate, currency = 'CNY') {
  money('1.00', currency, locale);
  money('1', currency, locale);
  number('1.00', locale);
  date(isoDate, locale);
  currencySymbol(currency, locale);
}
