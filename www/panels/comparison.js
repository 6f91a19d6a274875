// The comparison (CONTRACT §8.1): the quoted product and the products and
// variants chosen to compare with it, from one engine `compare`. The engine
// decides everything that matters here (what is comparable, the common date,
// each row's worth on it, best, the difference to best, which rows the
// teller's rate applies to, the assumptions); this panel only shows it:
// - per row: the rate, when it pays and how much, what it is worth on the
//   common date if the saver does nothing, the yield, the difference to the
//   best, and the assumptions in words;
// - rows in another currency in a table of their own, never ranked;
// - the picker: which products and variants to compare (native checkboxes).
// One table per currency; the stylesheet reflows it into cards where the
// component is narrow, and on a phone each card shows when it pays, the
// payout, its worth on the common date, the yield and the difference, with
// the rate and the parts behind its "Details" button (nothing is hidden
// behind a sideways scroll).
import { h, fill, hidden } from '../dom.js';
import { money, percent, date } from '../format.js';
import { errorText, field } from './field.js';

/**
 * data: {
 *   product,                      the quoted product (for error texts)
 *   entries: [{ index, id, product, label, chosen, variant, foreign, result, error }]  the engine's entries, quoted first
 *     (`foreign`: the product is in another currency, for an entry the engine could not price)
 *   currency, horizonDate,        from the engine's comparison
 *   candidates: [{ id, label, group: 'variant' | 'product' | 'foreign' }]  what can be compared
 *   picked: [id],                 the ids chosen (the element's #compareIds)
 *   pickOpen, quotedName, rateWord, teller (the teller's view: the quote prints the same set),
 *   inflationField: { value } | null   (compact view: the plan's inflation field lives here)
 * }
 * callbacks: onDownload(), onPick(ids), onPickOpen(open), onInflation() (go to the plan's
 * inflation field), onInput('inflation', text) (the compact view's field).
 */
export function render(slot, data, opts) {
  const { t } = opts;
  if (!slot.firstChild) {
    slot.append(h('section', { class: 'compare', id: 'compare', 'aria-labelledby': 'compare-title' },
      h('h3', { id: 'compare-title' }, t('compareHeading')),
      h('p', { class: 'compare-caption', id: 'compare-caption' }),
      h('div', { id: 'compare-pick-slot' }),
      h('div', { class: 'table-wrap', id: 'compare-table', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('compareHeading') }) }),
      h('div', { id: 'compare-notes' }),
      h('div', { class: 'table-wrap', id: 'compare-foreign', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('foreignHeading') }), hidden: true }),
      h('button', { type: 'button', id: 'csv-comparison', class: 'secondary', onclick: () => opts.onDownload() }, t('downloadComparison'))));
  }
  renderPicker(slot.querySelector('#compare-pick-slot'), data, opts);
  const { entries = [] } = data;
  const table = slot.querySelector('#compare-table');
  const foreign = slot.querySelector('#compare-foreign');
  const caption = slot.querySelector('#compare-caption');
  if (!entries.length) {
    table.replaceChildren(); foreign.replaceChildren(); foreign.hidden = true;
    slot.querySelector('#compare-notes').replaceChildren();
    caption.textContent = t('compareCaptionPlain');
    return;
  }
  // Rows in the quoted currency (and products that cannot take the plan) are compared; the others are not.
  // (A product that cannot take the plan has no engine verdict: its currency, as the element read it, places it.)
  const apart = (e) => (e.result ? e.result.comparable === false : Boolean(e.foreign));
  const own = entries.filter((e) => !apart(e));
  const others = entries.filter(apart);
  const ranked = own.some((e) => e.result?.best);
  caption.textContent = captionText(data, own, ranked, opts);
  fill(table, mainTable(data, own, opts, table));
  renderNotes(slot.querySelector('#compare-notes'), data, own, ranked, opts);
  foreign.hidden = !others.length;
  fill(foreign, others.length ? foreignTable(data, others, opts) : null);
}

function captionText({ horizonDate, currency }, own, ranked, { t, lang }) {
  if (own.length < 2) return t('compareAlone');
  const currencyName = currencyLabel(currency, lang);
  if (!horizonDate) return t('compareCaptionOwn', { currency: currencyName });
  return t('compareCaptionHorizon', { date: date(horizonDate, lang), currency: currencyName }) + (ranked ? '' : ` ${t('compareNoBest')}`);
}

/** "人民币" / "Chinese yuan": the currency's name in the reader's language. */
function currencyLabel(code, lang) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A cell: its column's name for the phone's cards, its content in one box (the card lays out label and box). */
function td(label, col, cls, ...content) {
  return h('td', { 'data-label': label, 'data-col': col, class: cls }, h('span', { class: 'compare-cell' }, ...content));
}

// Behind a phone card's "Details": the rate and the parts of the payout (the rest is on the card).
const DETAIL = new Set(['rate', 'interest', 'subsidy', 'fees', 'tax']);
const cls = (col, base) => [base, DETAIL.has(col) ? 'detail' : null].filter(Boolean).join(' ') || null;

/** A phone card's "Details" toggle, kept open across re-renders (by the row's product id). */
function detailsToggle(table, e, { t }) {
  const wasOpen = [...table.querySelectorAll('tr.is-open')].some((tr) => tr.dataset.id === e.id);
  const button = h('button', { type: 'button', class: 'secondary row-toggle', 'aria-expanded': String(wasOpen),
    onclick: (ev) => {
      const open = ev.currentTarget.closest('tr').classList.toggle('is-open');
      ev.currentTarget.setAttribute('aria-expanded', String(open));
    } }, t('compareDetails'), hidden(` ${e.label}`));
  return { button, wasOpen };
}

/** The teller's rate applied to this row: the engine says so with its warning. */
const overridden = (r) => r.warnings?.some((w) => w.code === 'RATE_OVERRIDE' || w.code === 'RATE_OVERRIDE_HIGH');
const nonZero = (v) => /[1-9]/.test(String(v ?? ''));
/** A difference as the engine wrote it, with a plus sign where it is above the best (a string, not arithmetic). */
const signed = (v, c, lang) => (v == null ? '—' : (nonZero(v) && !String(v).startsWith('-') ? `+${money(v, c, lang)}` : money(v, c, lang)));

function assumptionWords(r, { t }) {
  return (r.assumptions ?? []).map((a) => t(`assumption_${a.source}`, { value: a.value }));
}

/** What the row's worth on the common date means, where it is not simply its payout. */
function horizonNote(r, { t }) {
  if (r.horizonValue == null) return t('horizonNone');
  if (r.horizonClosure === 'overdue' && r.closure !== 'overdue') return t('horizonOverdue');
  if (r.horizonClosure === 'closedByBank') return t('horizonClosed');
  if (r.horizonClosure === 'early' && r.closure !== 'early') return t('horizonEarly');
  return null;
}

function mainTable({ product, horizonDate, rateWord }, rows, opts, table) {
  const { t, lang } = opts;
  const results = rows.map((e) => e.result).filter(Boolean);
  // Parts of the payout get a column only where some row has one.
  const parts = ['interest', ...['subsidy', 'fees', 'tax'].filter((k) => results.some((r) => nonZero(r[k])))];
  const head = [
    ['variant', t('variant')], ['rate', t('compareRate')], ['closeDate', t('closeDate')], ['payout', t('payout')],
    ...(horizonDate ? [['horizon', t('horizonValueOn', { date: date(horizonDate, lang) })]] : []),
    ['yield', t('yield')], ['difference', t('difference')], ...parts.map((k) => [k, t(k)]),
  ];
  const labelOf = Object.fromEntries(head);
  const body = rows.map((e) => {
    const i = e.index;
    if (e.error) {
      return h('tr', { class: 'unavailable', 'data-i': i, 'data-id': e.id },
        h('th', { scope: 'row' }, e.label),
        h('td', { colspan: head.length - 1 }, t('cannotTake', { message: errorText(e.error, e.product ?? product, opts) })));
    }
    const r = e.result;
    const c = r.currency;
    const toggle = detailsToggle(table, e, opts);
    const words = assumptionWords(r, opts);
    const unranked = r.assumptions?.some((a) => a.source === 'product');
    const note = horizonNote(r, opts);
    return h('tr', { class: `${r.best ? 'is-best' : ''}${e.chosen ? ' is-chosen' : ''}${toggle.wasOpen ? ' is-open' : ''}`, 'data-i': i, 'data-id': e.id },
      h('th', { scope: 'row' },
        h('span', { class: 'row-name label' }, e.label),
        r.best ? h('span', { class: 'badge' }, t('best')) : null,
        toggle.button,
        words.length ? h('span', { class: 'assumption', 'data-source': unranked ? 'product' : 'plan' },
          words.join(t('listSeparator')), unranked ? `${t('listSeparator')}${t('notRanked')}` : '') : null),
      td(labelOf.rate, 'rate', cls('rate', 'num'), percent(r.contractRate, lang), overridden(r) ? h('span', { class: 'rate-tag' }, rateWord) : null),
      td(labelOf.closeDate, 'closeDate', null, date(r.closeDate, lang),
        r.closure !== 'maturity' ? h('span', { class: 'cell-note' }, t(`closeNote_${r.closure}`, { rate: percent(r.closeRate, lang) })) : null),
      td(labelOf.payout, 'payout', 'num strong', money(r.payout, c, lang)),
      horizonDate ? td(labelOf.horizon, 'horizon', 'num', r.horizonValue == null ? '—' : money(r.horizonValue, c, lang),
        note ? h('span', { class: 'cell-note' }, note) : null) : null,
      td(labelOf.yield, 'yield', 'num', percent(r.effectiveAnnualYield, lang)),
      td(labelOf.difference, 'difference', 'num', r.best ? [h('span', { 'aria-hidden': 'true' }, '—'), hidden(t('best'))] : signed(r.differenceToBest, c, lang)),
      parts.map((k) => td(labelOf[k], k, cls(k, 'num'), money(r[k], c, lang))));
  });
  return h('table', { class: 'compare-table', id: 'compare-main' },
    h('caption', { class: 'visually-hidden' }, t('compareHeading')),
    h('thead', {}, h('tr', {}, head.map(([k, text]) => h('th', { scope: 'col', class: k === 'variant' || k === 'closeDate' ? '' : 'num' }, text)))),
    h('tbody', {}, body));
}

/** Products in another currency: their own figures, in their own money; never ranked. */
function foreignTable({ currency }, rows, { t, lang }) {
  const head = [['variant', t('variant')], ['rate', t('compareRate')], ['closeDate', t('closeDate')], ['payout', t('payout')], ['yield', t('yield')]];
  const labelOf = Object.fromEntries(head);
  return [
    h('h4', { id: 'foreign-title' }, t('foreignHeading')),
    h('p', { class: 'hint' }, t('foreignCaption', { currency: currencyLabel(currency, lang) })),
    h('table', { class: 'compare-table', id: 'compare-other', 'aria-labelledby': 'foreign-title' },
      h('thead', {}, h('tr', {}, head.map(([k, text]) => h('th', { scope: 'col', class: k === 'variant' || k === 'closeDate' ? '' : 'num' }, text)))),
      h('tbody', {}, rows.map((e) => {
        if (e.error) {
          return h('tr', { class: 'unavailable', 'data-i': e.index, 'data-id': e.id },
            h('th', { scope: 'row' }, h('span', { class: 'row-name label' }, e.label)),
            h('td', { colspan: head.length - 1 }, t('cannotTake', { message: errorText(e.error, e.product ?? null, { t, lang }) })));
        }
        const r = e.result;
        return h('tr', { 'data-i': e.index, 'data-id': e.id },
          h('th', { scope: 'row' }, h('span', { class: 'row-name label' }, e.label), h('span', { class: 'cell-note' }, r.currency)),
          td(labelOf.rate, 'rate', 'num', percent(r.contractRate, lang)),
          td(labelOf.closeDate, 'closeDate', null, date(r.closeDate, lang)),
          td(labelOf.payout, 'payout', 'num strong', money(r.payout, r.currency, lang)),
          td(labelOf.yield, 'yield', 'num', percent(r.effectiveAnnualYield, lang)));
      }))),
  ];
}

/** Under the table: why a row is not ranked, and where to give one's own figure. */
function renderNotes(box, { inflationField }, rows, ranked, opts) {
  const { t } = opts;
  if (!box.firstChild) box.append(h('div', { id: 'assumption-text' }), h('div', { id: 'assumption-field' }));
  const resting = rows.filter((e) => e.result?.assumptions?.some((a) => a.source === 'product'));
  const values = [...new Set(resting.flatMap((e) => e.result.assumptions.filter((a) => a.source === 'product').map((a) => a.value)))];
  fill(box.querySelector('#assumption-text'), resting.length ? h('p', { class: 'assumption-note', id: 'assumption-note' },
    t(ranked ? 'assumptionNote' : 'assumptionNoteNoBest', { value: values.join(' / ') }), ' ',
    inflationField ? null : h('button', { type: 'button', class: 'link-button', id: 'own-inflation', onclick: () => opts.onInflation() }, t('assumptionOwn'))) : null);
  // The compact view's form has no inflation field: it is here while it matters (built once, so typing keeps focus).
  const slot = box.querySelector('#assumption-field');
  const show = Boolean(inflationField && (resting.length || inflationField.value));
  if (!show) { slot.replaceChildren(); return; }
  if (!slot.querySelector('#inflation')) {
    slot.append(field('inflation', t('inflation'), t('assumptionFieldHint'),
      h('input', { id: 'inflation', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: inflationField.value ?? '',
        oninput: (e) => opts.onInput('inflation', e.target.value) })));
  }
}

/** Which products and variants to compare with the quoted one: native checkboxes in a disclosure. */
function renderPicker(box, { candidates = [], picked = [], pickOpen, quotedName, teller }, { t, onPick, onPickOpen }) {
  const key = JSON.stringify([candidates, quotedName, teller]);
  let details = box.querySelector('#compare-pick');
  if (!details || details.dataset.key !== key) {
    const groups = ['variant', 'product', 'foreign'].map((g) => [g, candidates.filter((c) => c.group === g)]).filter(([, list]) => list.length);
    const all = () => [...details.querySelectorAll('input[type="checkbox"]')];
    const changed = () => onPick(all().filter((x) => x.checked).map((x) => x.value));
    details = h('details', { class: 'compare-pick', id: 'compare-pick', open: Boolean(pickOpen),
      ontoggle: (e) => onPickOpen(e.currentTarget.open) },
      h('summary', { id: 'compare-pick-summary' }),
      h('p', { class: 'hint', id: 'compare-pick-hint' }, t(teller ? 'pickHintTeller' : 'pickHint', { name: quotedName })),
      groups.map(([g, list]) => h('fieldset', { class: 'pick-group', 'data-group': g },
        h('legend', {}, t(`pickGroup_${g}`)),
        list.map((c, i) => h('div', { class: 'field-check' },
          h('input', { type: 'checkbox', id: `pick-${g}-${i}`, value: c.id, onchange: changed }),
          h('label', { for: `pick-${g}-${i}` }, c.label))))),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', id: 'pick-all', onclick: () => { for (const x of all()) x.checked = true; changed(); } }, t('pickAll')),
        h('button', { type: 'button', class: 'secondary', id: 'pick-none', onclick: () => { for (const x of all()) x.checked = false; changed(); } }, t('pickNone'))));
    details.dataset.key = key;
    box.replaceChildren(details);
  }
  details.hidden = !candidates.length;
  const chosen = new Set(picked);
  for (const x of details.querySelectorAll('input[type="checkbox"]')) x.checked = chosen.has(x.value);
  const n = candidates.filter((c) => chosen.has(c.id)).length;
  details.querySelector('#compare-pick-summary').textContent = t('pickSummary', { n, total: candidates.length });
}
