// The shared field pattern (GOV.UK): label, hint, error and control in one
// group, linked by ids; errors shown at their own field, with aria-invalid.
// Every panel with inputs uses these, so an error always looks and reads the same.
import { h, hidden } from '../dom.js';
import { money, number } from '../format.js';

/** Label, hint, error and control in one group; the control is described by the hint and the error. */
export function field(id, label, hint, control) {
  const input = control.id === id ? control : control.querySelector(`#${CSS.escape(id)}`);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  input?.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field', 'data-field': id },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
    control);
}

/** Shows `message` (text or nodes) at field `id` inside `scope`; false when there is no such field. */
export function showFieldError(scope, id, message, { t }) {
  const errorEl = scope.querySelector(`#${CSS.escape(id)}-error`);
  const input = scope.querySelector(`#${CSS.escape(id)}`);
  if (!errorEl) return false;
  errorEl.hidden = false;
  errorEl.replaceChildren(hidden(t('errorPrefix')), ' ', ...[message].flat());
  input?.setAttribute('aria-invalid', 'true');
  errorEl.closest('.field')?.classList.add('field--error');
  return true;
}

/** Clears every field error inside `scope`. */
export function clearFieldErrors(scope) {
  for (const el of scope.querySelectorAll('.error')) { el.hidden = true; el.replaceChildren(); }
  for (const el of scope.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of scope.querySelectorAll('.field--error')) el.classList.remove('field--error');
}

/** The id of the plan field an engine error path points at (`plan.events[3]` → the month grid). */
export function planFieldId(path) {
  const name = String(path ?? '').replace(/^plan\./, '').replace(/\[.*$/, '');
  return { events: 'grid' }[name] ?? name;
}

/** An engine error in the reader's language, with the product's limits filled in. */
export function errorText(error, product, { t, lang }) {
  const inst = product?.installment ?? {};
  // A field may say more than the code's general words (err_rate_INVALID_VALUE: how to type a rate).
  const specific = `err_${planFieldId(error.path)}_${error.code}`;
  return t(t(specific) !== specific ? specific : `err_${error.code}`, {
    min: money(inst.min ?? '5', product?.currency ?? 'CNY', lang),
    max: inst.max != null ? money(inst.max, product.currency, lang) : '',
    step: number(inst.step ?? '0.01', lang),
  });
}

/** Puts a value into an input unless the user is typing in it. */
export function syncValue(input, value) {
  if (!input) return;
  const v = value ?? '';
  if (input.value !== v && input.getRootNode().activeElement !== input) input.value = v;
}
