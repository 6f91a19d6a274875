// How we calculated (inside its fold): the engine's steps for any row of the comparison, each
// formula with the numbers used and the value it gives.
import { h, fill } from '../dom.js';
import { money, number, percent, date } from '../format.js';
import { field } from './field.js';

/** data: { entries, index } (the row explained); onChoose(index). */
export function render(slot, { entries, index }, { t, lang, onChoose }) {
  if (!slot.firstChild) {
    slot.append(
      h('p', { class: 'hint' }, t('explainIntro')),
      field('explain-for', t('explainFor'), null, h('select', { id: 'explain-for', onchange: (e) => onChoose(Number(e.target.value)) })),
      h('ol', { class: 'explain', id: 'explain' }));
  }
  slot.querySelector('#explain-for').replaceChildren(...entries.map((e, i) =>
    h('option', { value: i, selected: i === index, disabled: !e.result }, e.label)));
  const r = entries[index]?.result ?? null;
  const list = slot.querySelector('#explain');
  if (!r) { list.replaceChildren(); return; }
  const c = r.currency;
  const value = (step) => {
    if (step.key === 'breach') return date(step.value, lang);
    if (step.key === 'effectiveAnnualYield' || step.key === 'earlyRate' || step.key === 'subsidyRate') return percent(step.value, lang);
    if (step.key === 'monthUnits' || step.key === 'dayProduct') return number(step.value, lang);
    return money(step.value, c, lang);
  };
  // The breach step is a sentence, not a formula: say it in the reader's language.
  const formula = (step) => (step.key === 'breach' && r.breach
    ? t('breach', { n: r.breach.installment, date: date(r.breach.date, lang), trigger: t(`trigger_${r.breach.trigger}`), effect: t(`effect_${r.breach.effect}`) })
    : words(step.formula, t));
  // The engine's formula as it wrote it stays in data-formula (its numbers are never changed here).
  fill(list, r.explain.map((step) => h('li', { 'data-key': step.key },
    h('span', { class: 'explain-label' }, t(`explain_${step.key}`)),
    step.key === 'breach' ? h('span', {}, formula(step)) : h('code', { class: 'formula', 'data-formula': step.formula }, formula(step)),
    h('span', { class: 'explain-value' }, '= ', value(step)))));
}

/**
 * The engine's phrases in words, in the reader's language: a rounding
 * ("… → halfUp to 2 places"), the yield's solver ("XIRR of 37 cash flows,
 * ACT/365") and a financial year's TDS ("FY 2026-27, no PAN: interest 540 >
 * 50000 → 0", "…, Form 15G → 0", "…, no TDS before 2026-04-01 → 0"). The
 * numbers and operators stay exactly as the engine wrote them.
 */
export function words(formula, t) {
  return String(formula)
    .replace(/ → (halfUp|halfEven|down) to (\d+) places$/, (_, mode, n) => ` → ${t(`roundTo_${mode}`, { n })}`)
    .replace(/^XIRR of (\d+) cash flows, ACT\/365$/, (_, n) => t('xirrOf', { n }))
    .replace(/^FY (\d{4}(?:-\d{2})?)(, no PAN)?: interest /, (_, year, noPan) =>
      `${t('tdsYear', { year })}${noPan ? t('tdsNoPan') : ''}: ${t('tdsInterest')} `)
    .replace(/, Form (15G|15H) → 0$/, (_, form) => `, ${t('tdsForm', { form })} → 0`)
    .replace(/, no TDS before (\d{4}-\d{2}-\d{2}) → 0$/, (_, from) => `, ${t('tdsNotBefore', { from })} → 0`);
}
