// Reach a target: the smallest monthly amount whose payout reaches the
// saver's target (the engine's solveInstallment), with a button to use it.
import { h, fill } from '../dom.js';
import { money, date, currencySymbol } from '../format.js';
import { normaliseAmount } from '../input.js';
import { field, showFieldError, clearFieldErrors, errorText, showReadAs } from './field.js';

/**
 * data: { product, target, solution: { installment, result } | null, error }
 * (an error about the target itself is shown at the target field).
 * onTarget(text); onUse(installment).
 */
export function render(slot, { product, target, solution, error }, { t, lang, onTarget, onUse }) {
  if (!slot.firstChild) {
    const symbol = currencySymbol(product.currency, lang);
    slot.append(h('section', { class: 'solve', 'aria-labelledby': 'solve-title' },
      h('h3', { id: 'solve-title' }, t('solveHeading')),
      field('target', t('target', { currency: symbol }), t('targetHint'),
        h('div', { class: 'input-prefix' },
          h('span', { 'aria-hidden': 'true', class: 'prefix' }, symbol),
          h('input', { id: 'target', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: target ?? '',
            oninput: (e) => {
              showReadAs(slot, 'target', e.target.value, normaliseAmount(e.target.value, lang), (v) => money(v, product.currency, lang), { t });
              onTarget(e.target.value);
            } })), { readAs: true }),
      // Not a live region: the element announces the answer (or the error) once.
      h('div', { class: 'solve-result', id: 'solve-result' })));
  }
  const out = slot.querySelector('#solve-result');
  clearFieldErrors(slot);
  if (error) {
    out.replaceChildren();
    if (atTarget(error)) showFieldError(slot, 'target', errorText(error, product, { t, lang }), { t });
    return;
  }
  if (!solution) { out.replaceChildren(); return; }
  const { installment, result } = solution;
  const c = result.currency;
  fill(out,
    h('p', { id: 'solve-text' }, t('solveResult', { amount: money(installment, c, lang), payout: money(result.payout, c, lang), date: date(result.closeDate, lang) })),
    h('button', { type: 'button', id: 'use-amount', onclick: () => onUse(installment) }, t('useAmount')));
}

const atTarget = (error) => error.path === 'targetPayout' || error.code === 'TARGET_UNREACHABLE';

/** What a screen reader hears after the target changes: the amount, or the error at the target field. */
export function announcement({ product, solution, error }, { t, lang }) {
  if (error) return atTarget(error) ? t('errorAnnounce', { field: t('part_target'), message: errorText(error, product, { t, lang }) }) : null;
  if (!solution) return null;
  const { installment, result } = solution;
  const c = result.currency;
  return t('solveResult', { amount: money(installment, c, lang), payout: money(result.payout, c, lang), date: date(result.closeDate, lang) });
}
