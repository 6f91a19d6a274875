// The printed quote's heading: title, date prepared and the plan as quoted.
// Shown only in print (see the stylesheet's @media print).
import { h, fill } from '../dom.js';
import { money, percent, date } from '../format.js';
import { productName, termText } from '../i18n.js';

/** data: { product, plan, result, today }. */
export function render(slot, { product, plan, result: r, today }, { t, lang }) {
  if (!slot.firstChild) {
    slot.append(h('div', { class: 'print-only print-head' },
      h('h2', {}, t('printTitle')),
      h('p', {}, t('preparedOn', { date: date(today, lang) })),
      h('dl', { class: 'print-plan', id: 'print-plan' })));
  }
  const c = product.currency;
  const rows = [
    [t('product'), productName(product, lang)],
    [t('installment', { currency: c }), /^\d+(\.\d+)?$/.test(plan.installment) ? money(plan.installment, c, lang) : plan.installment],
    [t('term'), termText(plan.months, t)],
    [t('start'), date(plan.start, lang)],
    [t('rate'), r ? percent(r.contractRate, lang) : ''],
    [t('withdrawOn'), plan.withdrawOn ? date(plan.withdrawOn, lang) : t('atMaturity')],
    product.ratesEffective ? [t('f_ratesEffective'), date(product.ratesEffective, lang)] : null,
  ].filter(Boolean);
  fill(slot.querySelector('#print-plan'), rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}
