// The plan form: product, monthly amount, term, opening date, and (teller)
// rate override and (not compact) assumed inflation. Built once per full
// render; later calls only bring the inputs in step with the plan.
import { h } from '../dom.js';
import { money, number, percent, date, currencySymbol } from '../format.js';
import { productName, productNote, termText, rateLabel } from '../i18n.js';
import { normaliseAmount } from '../input.js';
import { rateText } from '../rate-input.js';
import { field, syncValue, showReadAs } from './field.js';

/**
 * data: { product, products, plan, mode }.
 * onProduct(id); onInput(name, value) with name installment | months | start | rate | inflation
 * and the value as typed (the element decides what it means).
 */
export function render(slot, { product, products, plan, mode }, { t, lang, onProduct, onInput }) {
  if (!slot.firstChild) slot.append(build({ product, products, plan, mode }, { t, lang, onProduct, onInput }));
  // Only the inputs follow later changes (a solved amount, a product renamed in the configurator).
  syncValue(slot.querySelector('#installment'), plan.installment ?? '');
  syncValue(slot.querySelector('#start'), plan.start ?? '');
  syncValue(slot.querySelector('#rate'), plan.rate ?? '');
  syncValue(slot.querySelector('#inflation'), plan.inflation ?? '');
  const option = slot.querySelector(`#product option[value="${CSS.escape(product.id)}"]`);
  if (option) option.textContent = productName(product, lang);
  const rateLabelEl = slot.querySelector('label[for="rate"]');
  if (rateLabelEl) rateLabelEl.textContent = t('rate', { label: rateLabel(product, lang, t) });
}

function build({ product, products, plan, mode }, { t, lang, onProduct, onInput }) {
  const currency = product.currency;
  const symbol = currencySymbol(currency, lang);
  const terms = Array.isArray(product.terms) ? product.terms : [];
  const inst = product.installment ?? {};
  const hint = t('installmentHint', { min: money(inst.min ?? '5', currency, lang), step: number(inst.step ?? '0.01', lang),
    max: inst.max != null ? t('installmentMax', { max: money(inst.max, currency, lang) }) : '' });
  const termRate = terms.find((x) => x.months === Number(plan.months))?.rate ?? '';
  const note = productNote(product, lang);
  // A term the product does not offer (from a link or the plan attribute) is shown as it is, marked, not replaced by another.
  const offered = terms.some((x) => x.months === Number(plan.months));
  const amount = (v) => money(v, currency, lang);
  const rate = (v) => percent(v, lang);
  const typed = (name, read, format) => (e) => {
    showReadAs(e.target.closest('form'), name, e.target.value, read(e.target.value), format, { t });
    onInput(name, e.target.value);
  };
  return h('form', { class: 'plan', id: 'plan-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
    h('h3', {}, t('planHeading')),
    field('product', t('product'), null,
      h('select', { id: 'product', onchange: (e) => onProduct(e.target.value) },
        products.map((p) => h('option', { value: p.id, selected: p.id === product.id }, productName(p, lang))))),
    note ? h('p', { class: 'note', id: 'product-note' }, note,
      product.ratesEffective ? ` ${t('ratesEffective', { date: date(product.ratesEffective, lang) })}` : '') : null,
    field('installment', t('installment', { currency: symbol }), hint,
      h('div', { class: 'input-prefix' },
        h('span', { 'aria-hidden': 'true', class: 'prefix' }, symbol),
        h('input', { id: 'installment', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.installment ?? '',
          oninput: typed('installment', (v) => normaliseAmount(v, lang), amount) })), { readAs: true }),
    field('months', t('term'), null,
      h('select', { id: 'months', onchange: (e) => onInput('months', e.target.value) },
        offered ? null : h('option', { value: plan.months, selected: true, class: 'not-offered' }, t('termNotOffered', { term: termText(plan.months, t) })),
        terms.map((x) => h('option', { value: x.months, selected: x.months === Number(plan.months) },
          termText(x.months, t), ` · ${percent(x.rate, lang)}`)))),
    field('start', t('start'), t('startHint'),
      h('input', { id: 'start', type: 'date', value: plan.start ?? '', required: true,
        oninput: (e) => onInput('start', e.target.value) })),
    mode === 'teller' ? field('rate', t('rate', { label: rateLabel(product, lang, t) }), t('rateHint', { rate: termRate }),
      h('input', { id: 'rate', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.rate ?? '',
        oninput: typed('rate', rateText, rate) }), { readAs: true }) : null,
    mode !== 'compact' ? field('inflation', t('inflation'), t('inflationHint'),
      h('input', { id: 'inflation', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.inflation ?? '',
        oninput: typed('inflation', rateText, rate) }), { readAs: true }) : null);
}
