// The headline: what the saver receives, when and how the account closes
// (到期 / 提前 / 逾期支取, 银行销户: outcome.js), the rate actually applied and
// whether a breach happened, and of what the payout is made; the engine's
// warnings below it. On an error, the error in its place.
import { h, fill, hidden } from '../dom.js';
import { money, percent, date } from '../format.js';
import { productName } from '../i18n.js';
import { errorText } from './field.js';
import { outcomeTitle, outcomeLines } from '../outcome.js';

/**
 * data: { product, result, error, problems, exceptions } — `problems` (the
 * product's own) win over `error` (the plan's), which wins over `result`;
 * `exceptions`: the plan has missed or late installments.
 */
export function render(slot, { product, result, error, problems = [], exceptions = false }, { t, lang }) {
  if (!slot.firstChild) {
    slot.append(h('div', { class: 'summary' },
      h('section', { class: 'headline', id: 'headline', 'aria-labelledby': 'headline-title' }),
      h('div', { class: 'warnings', id: 'warnings' })));
  }
  const headline = slot.querySelector('#headline');
  const warnings = slot.querySelector('#warnings');
  if (problems.length || error) warnings.replaceChildren();
  if (problems.length) {
    fill(headline, h('p', { class: 'error-text', id: 'headline-title' }, t('fixProduct')));
    return;
  }
  if (error) {
    fill(headline, h('h3', { id: 'headline-title', class: 'visually-hidden' }, t('payout')),
      h('p', { class: 'error-text' }, hidden(t('errorPrefix')), ' ', errorText(error, product, { t, lang })));
    return;
  }
  const r = result;
  const c = r.currency;
  const parts = [['principal', r.principal], ['interest', r.interest]];
  if (r.subsidy !== '0.00' && r.subsidy !== '0') parts.push(['subsidy', r.subsidy]);
  if (Number(r.fees) !== 0) parts.push(['fees', r.fees]);
  if (Number(r.tax) !== 0) parts.push(['tax', r.tax]);
  fill(headline,
    h('h3', { id: 'headline-title', 'data-closure': r.closure }, outcomeTitle(r, { t, lang })),
    h('p', { class: 'payout', id: 'payout' }, money(r.payout, c, lang)),
    h('dl', { class: 'parts' }, parts.map(([k, v]) => [h('dt', {}, t(k)), h('dd', { id: `headline-${k}` }, money(v, c, lang))]),
      h('dt', {}, t('yield')), h('dd', { id: 'headline-yield', title: t('yieldHint') }, percent(r.effectiveAnnualYield, lang)),
      r.realPayout ? [h('dt', {}, t('realPayout')), h('dd', { id: 'headline-real' }, money(r.realPayout, c, lang))] : null),
    h('div', { class: 'closure', id: 'headline-outcome' },
      outcomeLines(r, { t, lang }, { exceptions }).map((line) => h('p', { 'data-key': line.key }, line.text))));
  fill(warnings, r.warnings.map((w) => h('p', { class: 'warning' }, hidden(t('warningPrefix')), ' ', t(`warning_${w.code}`))));
}

/** The one sentence a screen reader hears when the result changes. */
export function announcement({ product, result }, { t, lang }) {
  const r = result;
  return t('headlineSummary', { product: productName(product, lang), payout: money(r.payout, r.currency, lang),
    date: date(r.closeDate, lang), outcome: outcomeTitle(r, { t, lang }), interest: money(r.interest, r.currency, lang) });
}
