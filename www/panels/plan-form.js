// The plan form: product, monthly amount, term, opening date, the customer
// (a category of the product's, e.g. senior citizen; for a product with TDS,
// no PAN and Form 15G/15H), and (teller) rate override and (not compact)
// assumed inflation. Built once per full
// render; later calls only bring the inputs in step with the plan.
import { h } from '../dom.js';
import { money, number, percent, date, currencySymbol } from '../format.js';
import { productName, productNote, termText, rateLabel, categoryName } from '../i18n.js';
import { normaliseAmount } from '../input.js';
import { rateText } from '../rate-input.js';
import { field, syncValue, showReadAs } from './field.js';

/**
 * data: { product, products, plan, mode }.
 * onProduct(id); onInput(name, value) with name installment | months | start | rate | inflation
 * and the value as typed (the element decides what it means), or category (an id, '' for none),
 * noPan | exemptionForm (true/false).
 */
export function render(slot, { product, products, plan, mode }, { t, lang, onProduct, onInput }) {
  if (!slot.firstChild) slot.append(build({ product, products, plan, mode }, { t, lang, onProduct, onInput }));
  // Only the inputs follow later changes (a solved amount, a product renamed in the configurator).
  syncValue(slot.querySelector('#installment'), plan.installment ?? '');
  syncValue(slot.querySelector('#start'), plan.start ?? '');
  syncValue(slot.querySelector('#rate'), plan.rate ?? '');
  syncValue(slot.querySelector('#inflation'), plan.inflation ?? '');
  const category = slot.querySelector('#category');
  if (category) category.value = plan.category ?? '';
  for (const id of ['noPan', 'exemptionForm']) {
    const box = slot.querySelector(`#${id}`);
    if (box) box.checked = plan[id] === true;
  }
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
    ...customer({ product, plan }, { t, lang, onInput }),
    mode === 'teller' ? field('rate', t('rate', { label: rateLabel(product, lang, t) }), t('rateHint', { rate: termRate }),
      h('input', { id: 'rate', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.rate ?? '',
        oninput: typed('rate', rateText, rate) }), { readAs: true }) : null,
    mode !== 'compact' ? field('inflation', t('inflation'), t('inflationHint'),
      h('input', { id: 'inflation', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.inflation ?? '',
        oninput: typed('inflation', rateText, rate) }), { readAs: true }) : null);
}

/**
 * Who the customer is, where the product prices it: its categories (RULES
 * §8.1; the uplift beside each name) and, with TDS (§8.2), no PAN and Form
 * 15G/15H. Nothing for a product with neither.
 */
function customer({ product, plan }, { t, lang, onInput }) {
  const out = [];
  const categories = Array.isArray(product.categories) ? product.categories : [];
  if (categories.length) {
    out.push(field('category', t('category'), t('categoryHint'),
      h('select', { id: 'category', onchange: (e) => onInput('category', e.target.value) },
        h('option', { value: '', selected: !plan.category }, t('categoryNone')),
        categories.map((c) => h('option', { value: c.id, selected: c.id === plan.category },
          categoryName(c, lang, t), Number(c.uplift) > 0 ? ` · ${t('categoryUplift', { uplift: number(c.uplift, lang) })}` : '')))));
  }
  const w = product.withholding;
  if (w) {
    const box = (id, label) => h('div', { class: 'field field-check', 'data-field': id },
      h('p', { class: 'error', id: `${id}-error`, hidden: true }),
      h('input', { id, type: 'checkbox', checked: plan[id] === true, 'aria-describedby': `${id}-error`,
        onchange: (e) => onInput(id, e.target.checked) }),
      h('label', { for: id }, label));
    out.push(box('noPan', t('noPan', { rate: number(w.noPanRate ?? '20', lang) })), box('exemptionForm', t('exemptionForm')));
  }
  return out;
}

