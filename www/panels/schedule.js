// The schedule of the chosen product (inside its fold): one row per installment, then renewals.
import { h, fill } from '../dom.js';
import { money, number, percent, date } from '../format.js';

const COLS = ['n', 'due', 'paidOn', 'amount', 'status', 'balance', 'rate', 'units'];

/** data: { result }; onDownload() for the CSV. */
export function render(slot, { result: r }, { t, lang, onDownload }) {
  if (!slot.firstChild) {
    slot.append(
      h('button', { type: 'button', id: 'csv-schedule', class: 'secondary', onclick: () => onDownload() }, t('downloadSchedule')),
      h('div', { id: 'schedule' }));
  }
  const out = slot.querySelector('#schedule');
  if (!r) { out.replaceChildren(); return; }
  const c = r.currency;
  const rows = r.schedule.map((row) => h('tr', { class: `status-${row.status}` },
    h('th', { scope: 'row', 'data-label': t('col_n') }, String(row.n)),
    h('td', { 'data-label': t('col_due') }, date(row.due, lang)),
    h('td', { 'data-label': t('col_paidOn') }, row.paidOn ? date(row.paidOn, lang) : '—'),
    h('td', { 'data-label': t('col_amount'), class: 'num' }, money(row.amount, c, lang)),
    h('td', { 'data-label': t('col_status') }, t(`status_${row.status}`)),
    h('td', { 'data-label': t('col_balance'), class: 'num' }, money(row.balance, c, lang)),
    h('td', { 'data-label': t('col_rate'), class: 'num' }, percent(row.rate, lang)),
    h('td', { 'data-label': t('col_units'), class: 'num' }, number(row.units, lang))));
  const parts = [h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('scheduleHeading') }) },
    h('table', { class: 'schedule-table responsive' },
      h('caption', { class: 'visually-hidden' }, t('scheduleHeading')),
      h('thead', {}, h('tr', {}, COLS.map((k) => h('th', { scope: 'col' }, t(`col_${k}`))))),
      h('tbody', {}, rows)))];
  if (r.renewals.length) {
    const head = ['start', 'end', 'principal', 'rate', 'interest', 'tax', 'value'];
    parts.push(h('h4', {}, t('renewalsHeading')), h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col' }, t(['principal', 'interest', 'tax'].includes(k) ? k : `col_${k}`))))),
      h('tbody', {}, r.renewals.map((x) => h('tr', {},
        h('td', { 'data-label': t('col_start') }, date(x.start, lang)), h('td', { 'data-label': t('col_end') }, date(x.end, lang)),
        h('td', { 'data-label': t('principal'), class: 'num' }, money(x.principal, c, lang)), h('td', { 'data-label': t('col_rate'), class: 'num' }, percent(x.rate, lang)),
        h('td', { 'data-label': t('interest'), class: 'num' }, money(x.interest, c, lang)), h('td', { 'data-label': t('tax'), class: 'num' }, money(x.tax, c, lang)),
        h('td', { 'data-label': t('col_value'), class: 'num' }, money(x.value, c, lang))))))));
  }
  fill(out, parts);
}
