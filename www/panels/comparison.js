// The comparison: the same plan under each product and variant, from the
// engine's compare (best and difference to best are the engine's). One table;
// the stylesheet reflows it into cards where the component is narrow, and
// on a phone each card shows payout, yield and difference with the rest
// behind its "Details" button (nothing is hidden behind a sideways scroll).
import { h, fill, hidden } from '../dom.js';
import { money, percent } from '../format.js';
import { errorText } from './field.js';

// Payout, yield and difference first: what a phone's card shows before "Details".
const HEAD = ['variant', 'payout', 'yield', 'difference', 'interest', 'subsidy', 'fees', 'tax'];

/** data: { product, entries: [{ label, chosen, result, error }] }; onDownload() for the CSV. */
export function render(slot, { product, entries }, { t, lang, onDownload }) {
  if (!slot.firstChild) {
    slot.append(h('section', { class: 'compare', 'aria-labelledby': 'compare-title' },
      h('h3', { id: 'compare-title' }, t('compareHeading')),
      h('p', { class: 'hint' }, t('compareCaption')),
      h('div', { class: 'table-wrap', id: 'compare-table', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('compareHeading') }) }),
      h('button', { type: 'button', id: 'csv-comparison', class: 'secondary', onclick: () => onDownload() }, t('downloadComparison'))));
  }
  const table = slot.querySelector('#compare-table');
  if (!entries.length) { table.replaceChildren(); return; }
  const rows = entries.map((e, i) => {
    if (e.error) {
      return h('tr', { class: 'unavailable', 'data-i': i },
        h('th', { scope: 'row' }, e.label),
        h('td', { colspan: HEAD.length - 1 }, t('cannotTake', { message: errorText(e.error, product, { t, lang }) })));
    }
    const r = e.result;
    const c = r.currency;
    const wasOpen = table.querySelector(`tr[data-i="${i}"]`)?.classList.contains('is-open');
    const toggle = h('button', { type: 'button', class: 'secondary row-toggle', 'aria-expanded': String(Boolean(wasOpen)),
      onclick: (ev) => {
        const tr = ev.currentTarget.closest('tr');
        const open = tr.classList.toggle('is-open');
        ev.currentTarget.setAttribute('aria-expanded', String(open));
      } }, t('compareDetails'), hidden(` ${e.label}`));
    return h('tr', { class: `${r.best ? 'is-best' : ''}${e.chosen ? ' is-chosen' : ''}${wasOpen ? ' is-open' : ''}`, 'data-i': i },
      h('th', { scope: 'row' }, h('span', { class: 'label' }, e.label), r.best ? h('span', { class: 'badge' }, t('best')) : null, toggle),
      h('td', { 'data-label': t('payout'), class: 'num strong' }, money(r.payout, c, lang)),
      h('td', { 'data-label': t('yield'), class: 'num' }, percent(r.effectiveAnnualYield, lang)),
      h('td', { 'data-label': t('difference'), class: 'num' }, r.best ? '—' : money(r.differenceToBest, c, lang)),
      h('td', { 'data-label': t('interest'), class: 'num detail' }, money(r.interest, c, lang)),
      h('td', { 'data-label': t('subsidy'), class: 'num detail' }, money(r.subsidy, c, lang)),
      h('td', { 'data-label': t('fees'), class: 'num detail' }, money(r.fees, c, lang)),
      h('td', { 'data-label': t('tax'), class: 'num detail' }, money(r.tax, c, lang)));
  });
  fill(table, h('table', { class: 'compare-table' },
    h('caption', { class: 'visually-hidden' }, t('compareCaption')),
    h('thead', {}, h('tr', {}, HEAD.map((k) => h('th', { scope: 'col', class: k === 'variant' ? '' : 'num' }, t(k))))),
    h('tbody', {}, rows)));
}
