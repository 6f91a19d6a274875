// The headline: what the saver receives, when and how the account closes
// (到期 / 提前 / 逾期支取, 银行销户: outcome.js), one line on how, the rate
// actually applied and whether a breach happened, and of what the payout is
// made; terms explained on a tap (not a hover tooltip a phone cannot show);
// the engine's warnings below. On an error, the error in its place.
import { h, fill, hidden } from '../dom.js';
import { money, number, percent, date } from '../format.js';
import { productName } from '../i18n.js';
import { errorText } from './field.js';
import { outcomeTitle, outcomeLines } from '../outcome.js';

// Terms with an explanation a tap away: [key of the label, key of the explanation].
const HELP = { yield: 'yieldHint', realPayout: 'realPayoutHint', subsidy: 'subsidyHint' };
const openHelp = new WeakMap(); // slot → the terms whose explanation is open, kept across updates

/**
/**
 * data: { product, result, error, problems, exceptions } — `problems` (the
 * product's own) win over `error` (the plan's), which wins over `result`;
 * `exceptions`: the plan has missed or late installments.
 * onHow(): "how we calculated" (absent: no link).
 */
export function render(slot, { product, result, error, problems = [], exceptions = false }, { t, lang, onHow }) {
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
  parts.push(['yield', r.effectiveAnnualYield]);
  if (r.realPayout) parts.push(['realPayout', r.realPayout]);
  const open = openHelp.get(slot) ?? new Set();
  openHelp.set(slot, open);
  const row = ([k, v]) => {
    const shown = k === 'yield' ? percent(v, lang) : money(v, c, lang);
    const id = { yield: 'headline-yield', realPayout: 'headline-real' }[k] ?? `headline-${k}`;
    if (!HELP[k]) return h('div', { class: 'part' }, h('dt', {}, t(k)), h('dd', { id }, shown));
    const help = h('dd', { class: 'term-help', id: `help-${k}`, hidden: !open.has(k) }, t(HELP[k]));
    const button = h('button', { type: 'button', class: 'term', 'aria-expanded': String(open.has(k)), 'aria-controls': `help-${k}`,
      onclick: () => {
        const now = !open.has(k);
        if (now) open.add(k); else open.delete(k);
        button.setAttribute('aria-expanded', String(now));
        help.hidden = !now;
      } }, t(k), h('span', { class: 'term-mark', 'aria-hidden': 'true' }, '?'), hidden(` — ${t('termHelp', { term: t(k) })}`));
    return h('div', { class: 'part' }, h('dt', {}, button), h('dd', { id }, shown), help);
  };
  fill(headline,
    h('h3', { id: 'headline-title', 'data-closure': r.closure }, outcomeTitle(r, { t, lang })),
    h('p', { class: 'payout', id: 'payout' }, money(r.payout, c, lang)),
    h('p', { class: 'headline-explain', id: 'headline-explain' }, explainLine(r, product, { t, lang }),
      onHow ? [' ', h('button', { type: 'button', class: 'link-button', id: 'how', onclick: () => onHow() }, t('howLink'))] : null),
    h('dl', { class: 'parts' }, parts.map(row)),
    // How it closes, at which rate, the breach (outcome.js); a plain maturity's rate is in the line above.
    h('div', { class: 'closure', id: 'headline-outcome' },
      outcomeLines(r, { t, lang }, { exceptions })
        .filter((line) => !(line.key === 'rate' && r.closure === 'maturity' && !r.breach))
        .map((line) => h('p', { 'data-key': line.key }, line.text))));
  fill(warnings, r.warnings.map((w) => h('p', { class: 'warning' }, hidden(t('warningPrefix')), ' ', t(`warning_${w.code}`))));
}

/**
 * One sentence on where the payout comes from, in the engine's figures, and
 * what else made it (a subsidy or premium added, fees and tax taken off), so
 * that the line adds up to the figure above it.
 */
function explainLine(r, product, { t, lang }) {
  const c = r.currency;
  const vars = { principal: money(r.principal, c, lang), interest: money(r.interest, c, lang), rate: number(r.contractRate, lang) };
  const line = r.closure !== 'maturity' ? t(`explainLine_${r.closure}`, vars)
    : r.breach ? t('explainLine_breach', { ...vars, effect: t(`effect_${r.breach.effect}`) })
      : t(r.renewals.length ? 'explainLine_renewed' : 'explainLine_maturity', vars);
  // A figure is there when it is not zero (the engine writes "0.00").
  const some = (x) => /[1-9]/.test(String(x ?? ''));
  const bonus = Array.isArray(product?.bonus) && product.bonus.length > 0;
  return [line,
    some(r.subsidy) ? t(bonus ? 'explainAlso_premium' : 'explainAlso_subsidy', { value: money(r.subsidy, c, lang) }) : null,
    some(r.fees) ? t('explainAlso_fees', { value: money(r.fees, c, lang) }) : null,
    some(r.tax) ? t('explainAlso_tax', { value: money(r.tax, c, lang) }) : null,
  ].filter(Boolean).join(' ');
}

/** The one sentence a screen reader hears when the result changes. */
export function announcement({ product, result }, { t, lang }) {
  const r = result;
  return t('headlineSummary', { product: productName(product, lang), payout: money(r.payout, r.currency, lang),
    date: date(r.closeDate, lang), outcome: outcomeTitle(r, { t, lang }), interest: money(r.interest, r.currency, lang) });
}
