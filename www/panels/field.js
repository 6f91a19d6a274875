// The shared field pattern (GOV.UK): label, hint, error and control in one
// group, linked by ids; errors shown at their own field, with aria-invalid.
// Every panel with inputs uses these, so an error always looks and reads the same.
import { h, hidden } from '../dom.js';
import { money, number } from '../format.js';
import { termText } from '../i18n.js';

/** Label, hint, error and control in one group; the control is described by the hint and the error. */
export function field(id, label, hint, control, { readAs = false } = {}) {
  const input = control.id === id ? control : control.querySelector(`#${CSS.escape(id)}`);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`, readAs ? `${id}-read` : null].filter(Boolean).join(' ');
  input?.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field', 'data-field': id },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
    control,
    readAs ? h('p', { class: 'read-as', id: `${id}-read`, hidden: true }) : null);
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

/** The largest installment the engine accepts: the product's max or the catalog's plausibleMax, whichever is lower. */
export function upperLimit(product) {
  const { max = null, plausibleMax = null } = product?.installment ?? {};
  if (max == null || plausibleMax == null) return max ?? plausibleMax;
  return Number(plausibleMax) < Number(max) ? plausibleMax : max; // which one to name, not arithmetic
}

/**
 * An engine error in the reader's language, with the product's limits filled
 * in. A field may say more than the code's general words: a text for the
 * error at its own field (`err_field_CODE`, e.g. err_rate_INVALID_VALUE: how
 * to type a rate) wins, so a bad opening date never reads as a withdrawal's.
 */
export function errorText(error, product, { t, lang }) {
  const inst = product?.installment ?? {};
  const currency = product?.currency ?? 'CNY';
  const upper = upperLimit(product);
  const field = error.path === 'targetPayout' ? 'target' : planFieldId(error.path);
  const terms = (Array.isArray(product?.terms) ? product.terms : []).map((x) => termText(x.months, t));
  const vars = {
    min: money(inst.min ?? '5', currency, lang),
    max: upper != null ? money(upper, currency, lang) : '',
    step: number(inst.step ?? '0.01', lang),
    terms: terms.length ? new Intl.ListFormat(lang, { type: 'disjunction' }).format(terms) : '',
  };
  const specific = upper == null && error.code === 'TARGET_UNREACHABLE' ? null : `err_${field}_${error.code}`;
  const text = specific ? t(specific, vars) : specific;
  return text && text !== specific ? text : t(`err_${error.code}`, vars);
}

/** The visible label of field `id` inside `scope`, for messages that name it. */
export function fieldLabel(scope, id) {
  const label = scope.querySelector(`label[for="${CSS.escape(id)}"]`) ?? scope.querySelector(`#${CSS.escape(id)}-label`);
  return label?.textContent?.trim() ?? '';
}

/**
 * Under a number field: how the typed text was read ("Read as ¥10,000" for
 * "1万"), shown only when it differs from what was typed. `format` turns the
 * plain decimal into display text.
 */
export function showReadAs(scope, id, typed, read, format, { t }) {
  const el = scope.querySelector(`#${CSS.escape(id)}-read`);
  if (!el) return;
  const differs = /^-?\d+(\.\d+)?$/.test(read) && read !== String(typed ?? '').trim();
  el.hidden = !differs;
  el.textContent = differs ? t('readAs', { value: format(read) }) : '';
}

/** Puts a value into an input unless the user is typing in it. */
export function syncValue(input, value) {
  if (!input) return;
  const v = value ?? '';
  if (input.value !== v && input.getRootNode().activeElement !== input) input.value = v;
}
