// The teller's quote (issue 11, CONTRACT §8.5): on screen in teller mode, a
// box with the quote number, the date until which it holds, the customer's
// name (only if the teller types it; never stored or sent) and "print"; in
// print, the quote itself: one A4 page in the bank's name with the quoted
// product, the products the teller chose to compare, the schedule condensed
// to first rows, yearly subtotals and the last row, the amounts in words,
// the disclosures and the signature lines. Every figure is the engine's.
import { h, fill } from '../dom.js';
import { money, number, percent, date } from '../format.js';
import { productName, productText, termText, categoryName } from '../i18n.js';
import { rmbCapital } from '../words-rmb.js';
import { inrWords } from '../words-inr.js';
import { field, errorText } from './field.js';

/** Schedules up to this many rows print whole; longer ones are condensed. */
const WHOLE_SCHEDULE = 12;
/** Rows printed before the yearly subtotals of a condensed schedule. */
const FIRST_ROWS = 3;
/** Missed, late or refused installments printed on their own, at most. */
const EXCEPTIONS = 4;

/** An amount in words where the currency's banks write one: 人民币大写 for CNY, lakh/crore words for INR. */
export function amountInWords(text, currency) {
  if (currency === 'CNY') return rmbCapital(text);
  if (currency === 'INR') return inrWords(text);
  return null;
}

/**
 * data: { mode, product, plan, result, error, comparison, issuer, today, validUntil, number,
 *         customer, builtIn, rateLabel, extra }
 *   comparison: the engine's compare of the quoted product and the chosen ones,
 *   { quoted, currency, horizonDate, entries: [{ label, result, error }], products } (entries[0] and
 *   products[0] the quoted one; products for their disclosures).
 *   extra: a block another panel adds to the printed comparison (the advice, when used), or null.
 * onCustomer(name), onPrint().
 */
export function render(slot, data, opts) {
  if (!slot.querySelector('#quote-box')) {
    slot.replaceChildren(h('section', { class: 'quote-box', id: 'quote-box', 'aria-labelledby': 'quote-box-title' }),
      h('article', { class: 'quote-doc', id: 'quote-doc', lang: opts.lang }));
  }
  const box = slot.querySelector('#quote-box');
  box.hidden = data.mode !== 'teller';
  if (data.mode === 'teller') renderBox(box, data, opts);
  renderDoc(slot.querySelector('#quote-doc'), data, opts);
}

/**
 * Outside teller mode: no quote, only the empty printed page's `quote-header`
 * slot (the component has the same slots in every view; nothing of it shows).
 */
export function renderIdle(slot) {
  slot.replaceChildren(h('article', { class: 'quote-doc', id: 'quote-doc' }, h('slot', { name: 'quote-header' })));
}

/** The on-screen part: what the teller refers to, and the customer's name. */
function renderBox(box, data, { t, lang, onCustomer, onPrint }) {
  if (!box.firstChild) {
    box.append(
      h('h3', { id: 'quote-box-title' }, t('quoteHeading')),
      h('dl', { class: 'quote-facts', id: 'quote-facts' }),
      field('customer', t('customerName'), t('customerHint'),
        h('input', { id: 'customer', type: 'text', autocomplete: 'off', spellcheck: 'false', value: data.customer,
          oninput: (e) => onCustomer(e.target.value) })),
      h('button', { type: 'button', id: 'print-quote', onclick: () => onPrint() }, t('print')));
  }
  fill(box.querySelector('#quote-facts'),
    h('div', {}, h('dt', {}, t('quoteNumber')), h('dd', { id: 'quote-number' }, data.number)),
    h('div', {}, h('dt', {}, t('validUntil')), h('dd', { id: 'quote-valid-until' }, date(data.validUntil, lang))),
    data.issuer ? h('div', {}, h('dt', {}, t('issuer')), h('dd', { id: 'quote-issuer' }, data.issuer)) : null);
}

/** The printed page. */
function renderDoc(doc, data, opts) {
  const { t, lang } = opts;
  const { product, plan, result: r, comparison, issuer, today, validUntil, number, customer } = data;
  doc.lang = lang;
  const head = h('header', { class: 'qd-head' },
    h('div', { class: 'qd-brand' },
      h('slot', { name: 'quote-header' }),
      issuer ? h('p', { class: 'qd-issuer', id: 'qd-issuer' }, issuer) : null,
      h('h2', { class: 'qd-title' }, t('printTitle'))),
    h('dl', { class: 'qd-ref' },
      pair(t('quoteNumber'), number, 'qd-number'),
      pair(t('preparedOn'), date(today, lang)),
      pair(t('validUntil'), date(validUntil, lang), 'qd-valid-until'),
      customer.trim() ? pair(t('customer'), customer.trim(), 'qd-customer') : null));
  const parts = [head, planBlock(data, opts)];
  if (r) {
    parts.push(resultBlock(product, r, opts));
    const others = comparison?.entries?.slice(1) ?? [];
    if (others.length) parts.push(compareBlock(comparison, opts));
    if (data.extra) parts.push(data.extra); // another panel's block for the printed quote (issue 14: the advice)
    parts.push(scheduleBlock(r, product.rounding?.scale ?? 2, opts));
  } else {
    parts.push(h('p', { class: 'error-text' }, data.error ? errorText(data.error, product, opts) : ''));
  }
  parts.push(notesBlock(data, opts),
    h('section', { class: 'qd-sign', 'aria-label': t('signatures') },
      signLine(t('signCustomer'), t('signDate')),
      signLine(t('signTeller'), t('signDate'))),
    h('footer', { class: 'qd-foot' }, h('span', {}, number), h('span', { id: 'qd-page' }, t('pageOf', { n: 1, total: 1 }))));
  fill(doc, parts);
}

/**
 * An engine amount written to the product's scale for print ("1000" → "1000.00"):
 * zeros are appended to the text, nothing is computed.
 */
function atScale(text, scale) {
  if (!/^-?\d+(\.\d+)?$/.test(text ?? '')) return text;
  const [whole, frac = ''] = String(text).split('.');
  return frac.length >= scale ? text : `${whole}.${frac.padEnd(scale, '0')}`.replace(/\.$/, '');
}

/** Money as printed on the quote: the engine's text at the product's scale. */
function cash(text, currency, scale, lang) {
  return money(atScale(text, scale), currency, lang);
}

function pair(label, value, id) {
  return h('div', {}, h('dt', {}, label), h('dd', { id }, value));
}

/** The plan as quoted: product, amount, term, dates, the contract rate and any negotiated rate beside it. */
function planBlock({ product, plan, result: r, rateLabel }, { t, lang }) {
  const c = product.currency;
  const scale = product.rounding?.scale ?? 2;
  const termRate = (product.terms ?? []).find((x) => x.months === Number(plan.months))?.rate;
  const overridden = plan.rate != null && plan.rate !== '';
  const category = plan.category ? (product.categories ?? []).find((x) => x.id === plan.category) : null;
  const priced = (product.categories ?? []).length > 0 || Boolean(product.withholding);
  const rows = [
    [t('product'), productName(product, lang)],
    [t('installmentPlain'), /^\d+(\.\d+)?$/.test(plan.installment) ? cash(plan.installment, c, scale, lang) : plan.installment],
    [t('term'), termText(plan.months, t)],
    [t('start'), date(plan.start, lang)],
    r ? [t('maturityDate'), date(r.maturityDate, lang)] : null,
    [t('f_ratesEffective'), product.ratesEffective ? date(product.ratesEffective, lang) : t('ratesDateUnknown'), 'qd-rates-effective'],
    // The product's rate, and the negotiated one beside it (same row of the grid).
    // Who the customer is, in one row (the quote keeps to one page): the category and, with TDS, the PAN and Form 15G/15H.
    priced ? [t('category'), [category ? categoryName(category, lang, t) : t('quoteCategoryNone'),
      product.withholding ? (plan.noPan ? t('noPan', { rate: number(product.withholding.noPanRate ?? '20', lang) })
        : plan.exemptionForm ? t('exemptionFormFiled') : t('tdsWithPan')) : null].filter(Boolean).join('; '), 'qd-customer'] : null,
    // The term's rate plus the customer's category uplift (the engine's contract rate when no teller rate replaces it).
    [t('contractRate'), !overridden && r ? percent(r.contractRate, lang) : termRate != null ? percent(termRate, lang) : '—', 'qd-contract-rate'],
    overridden ? [rateLabel, percent(plan.rate, lang), 'qd-negotiated-rate'] : null,
    plan.withdrawOn ? [t('withdrawOn'), date(plan.withdrawOn, lang)] : null,
  ].filter(Boolean);
  return h('section', { class: 'qd-plan', 'aria-label': t('planHeading') },
    h('dl', { class: 'qd-grid' }, rows.map(([k, v, id]) => pair(k, v, id))));
}

/** What the saver receives, with the principal and the payout in words. */
function resultBlock(product, r, { t, lang }) {
  const c = r.currency;
  const scale = product.rounding?.scale ?? 2;
  const money = (text) => cash(text, c, scale, lang);
  const words = (text) => amountInWords(text, c);
  const extra = [['subsidy', r.subsidy], ['fees', r.fees], ['tax', r.tax]].filter(([, v]) => /[1-9]/.test(v));
  return h('section', { class: 'qd-result', 'aria-label': t('payout') },
    h('p', { class: 'qd-closure' }, t(`closure_${r.closure}`), ' · ', date(r.closeDate, lang)),
    h('div', { class: 'qd-amounts' },
      amountLine(t('payout'), money(r.payout), words(r.payout), 'qd-payout', true),
      amountLine(t('principal'), money(r.principal), words(r.principal), 'qd-principal')),
    h('dl', { class: 'qd-grid qd-parts' },
      pair(t('interest'), money(r.interest)),
      extra.map(([k, v]) => pair(t(k), money(v))),
      pair(t('yield'), percent(r.effectiveAnnualYield, lang)),
      r.maturityPayout ? pair(t('holdingShort'), money(r.maturityPayout)) : null));
}

function amountLine(label, figure, words, id, big = false) {
  return h('div', { class: `qd-amount${big ? ' qd-amount-main' : ''}` },
    h('span', { class: 'qd-amount-label' }, label),
    h('span', { class: 'qd-amount-figure', id }, figure),
    words ? h('span', { class: 'qd-words', id: `${id}-words` }, words) : null);
}

/** The products the teller chose, beside the quoted one, from the engine's compare. */
function compareBlock(comparison, { t, lang }) {
  // The common date's column only where it tells something: a row worth other than its payout then.
  const horizon = comparison.entries.some((e) => e.result && e.result.horizonValue != null && e.result.horizonValue !== e.result.payout)
    ? comparison.horizonDate : null;
  // "Best" and the difference to it only where the engine decided them.
  const ranked = comparison.entries.some((e) => e.result?.best);
  const head = ['variant', 'rateApplied', 'closeDate', 'payout', ...(horizon ? ['horizonValue'] : []), 'yield', ...(ranked ? ['difference'] : [])];
  const rows = comparison.entries.map((e, i) => {
    if (!e.result) {
      return h('tr', { class: 'unavailable' }, h('th', { scope: 'row' }, e.label),
        h('td', { colspan: head.length - 1 }, t('cannotTake', { message: e.error ? errorText(e.error, null, { t, lang }) : '' })));
    }
    const r = e.result;
    const c = r.currency;
    const money = (text) => cash(text, c, comparison.products?.[i]?.rounding?.scale ?? 2, lang);
    const assumptions = (r.assumptions ?? []).map((a) => t(`assumption_${a.source}`, { value: a.value }));
    return h('tr', { class: `${r.best ? 'is-best' : ''}${i === 0 ? ' is-chosen' : ''}` },
      h('th', { scope: 'row' }, e.label, r.best ? h('span', { class: 'badge' }, t('best')) : null,
        assumptions.length ? h('span', { class: 'qd-assumption' }, ` (${assumptions.join('; ')})`) : null),
      h('td', { class: 'num' }, percent(r.contractRate, lang)),
      h('td', {}, date(r.closeDate, lang)),
      h('td', { class: 'num strong' }, money(r.payout)),
      horizon ? h('td', { class: 'num' }, r.horizonValue != null ? money(r.horizonValue) : '—') : null,
      h('td', { class: 'num' }, percent(r.effectiveAnnualYield, lang)),
      ranked ? h('td', { class: 'num' }, r.best || r.differenceToBest == null ? '—' : money(r.differenceToBest)) : null);
  });
  return h('section', { class: 'qd-compare', 'aria-labelledby': 'qd-compare-title' },
    h('h3', { id: 'qd-compare-title' }, t('quoteCompareHeading')),
    h('p', { class: 'qd-small' }, horizon ? t('quoteCompareHorizon', { date: date(horizon, lang) }) : t('quoteCompareCaption')),
    h('table', { id: 'qd-compare' },
      h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', class: k === 'variant' ? '' : 'num' }, t(k === 'closeDate' ? 'closeDate' : k))))),
      h('tbody', {}, rows)));
}

/**
 * The schedule: whole up to a year; longer, condensed to its first rows,
 * any installment not paid on time, one subtotal per year of the plan (the
 * installments of that year and the engine's balance after its last one:
 * no figure is added up here) and the last row.
 */
export function condensed(schedule) {
  if (schedule.length <= WHOLE_SCHEDULE) return schedule.map((row) => ({ kind: 'row', row }));
  const out = schedule.slice(0, FIRST_ROWS).map((row) => ({ kind: 'row', row }));
  const exceptions = schedule.slice(FIRST_ROWS, -1).filter((row) => row.status !== 'paid');
  for (const row of exceptions.slice(0, EXCEPTIONS)) out.push({ kind: 'row', row });
  if (exceptions.length > EXCEPTIONS) out.push({ kind: 'more', count: exceptions.length - EXCEPTIONS });
  for (let first = 0, year = 1; first < schedule.length; first += 12, year++) {
    const rows = schedule.slice(first, first + 12);
    const paid = rows.filter((row) => row.status === 'paid' || row.status === 'late').length;
    out.push({ kind: 'year', year, from: rows[0].n, to: rows.at(-1).n, paid, count: rows.length, balance: rows.at(-1).balance });
  }
  out.push({ kind: 'row', row: schedule.at(-1) });
  return out;
}

function scheduleBlock(r, scale, { t, lang }) {
  const c = r.currency;
  const money = (text) => cash(text, c, scale, lang);
  const items = condensed(r.schedule);
  const rows = items.map((it) => {
    if (it.kind === 'more') return h('tr', { class: 'qd-more' }, h('td', { colspan: 5 }, t('quoteMoreExceptions', { n: it.count })));
    if (it.kind === 'year') {
      return h('tr', { class: 'qd-year' },
        h('th', { scope: 'row', colspan: 2 }, t('quoteYear', { year: it.year, from: it.from, to: it.to })),
        h('td', {}, t('quoteYearPaid', { paid: it.paid, count: it.count })),
        h('td', {}, ''),
        h('td', { class: 'num' }, money(it.balance)));
    }
    const row = it.row;
    return h('tr', { class: `status-${row.status}` },
      h('th', { scope: 'row' }, String(row.n)),
      h('td', {}, date(row.due, lang)),
      h('td', {}, t(`status_${row.status}`)),
      h('td', { class: 'num' }, money(row.amount)),
      h('td', { class: 'num' }, money(row.balance)));
  });
  const isCondensed = r.schedule.length > WHOLE_SCHEDULE;
  return h('section', { class: 'qd-schedule', 'aria-labelledby': 'qd-schedule-title' },
    h('h3', { id: 'qd-schedule-title' }, t('scheduleHeading'),
      isCondensed ? h('span', { class: 'qd-small' }, ' ', t('quoteCondensed', { n: r.schedule.length })) : null),
    h('table', { id: 'qd-schedule' },
      h('thead', {}, h('tr', {}, ['col_n', 'col_due', 'col_status', 'col_amount', 'col_balance'].map((k, i) =>
        h('th', { scope: 'col', class: i >= 3 ? 'num' : '' }, t(k))))),
      h('tbody', {}, rows)),
    r.renewals.length ? h('p', { class: 'qd-small' }, t('quoteRenewals', { n: r.renewals.length,
      date: date(r.renewals.at(-1).end, lang), value: money(r.renewals.at(-1).value) })) : null);
}

/** The bank's words: each product's disclosure, the example-rates note (built-in catalog only), the general terms. */
function notesBlock({ product, comparison, builtIn }, { t, lang }) {
  const seen = new Set();
  const disclosures = [];
  for (const p of [product, ...(comparison?.products ?? [])]) {
    const text = productText(p?.disclosure, lang);
    if (text && !seen.has(text)) { seen.add(text); disclosures.push(h('p', { class: 'qd-disclosure' }, text)); }
  }
  return h('section', { class: 'qd-notes', 'aria-label': t('quoteNotes') },
    disclosures,
    builtIn ? h('p', { id: 'qd-example-rates' }, t('exampleRates')) : null,
    h('p', {}, t('quoteTerms')));
}

function signLine(who, when) {
  return h('div', { class: 'qd-sign-line' },
    h('span', {}, who), h('span', { class: 'qd-line' }),
    h('span', {}, when), h('span', { class: 'qd-line qd-line-short' }));
}
