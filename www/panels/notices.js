// Problems with the catalog or the engine, shown above everything else.
import { h } from '../dom.js';

/** data: { error } (null shows nothing). */
export function render(slot, { error }, { t }) {
  if (!error) { slot.replaceChildren(); return; }
  slot.replaceChildren(h('div', { class: 'error-summary', role: 'alert', id: 'catalog-error' },
    h('h3', {}, t('errorSummary')), h('p', {}, error.message)));
}
