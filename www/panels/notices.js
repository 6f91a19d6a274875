// Above everything else: a catalog or engine that cannot be used (an alert),
// and a share link that could not be read whole (what was restored).
import { h } from '../dom.js';

/** data: { error, link: { kept: [part…] } | null }. */
export function render(slot, { error, link }, { t, lang }) {
  const parts = [];
  if (error) {
    parts.push(h('div', { class: 'error-summary', role: 'alert', id: 'catalog-error' },
      h('h3', {}, t('errorSummary')), h('p', {}, error.message)));
  }
  if (link) {
    const kept = new Intl.ListFormat(lang, { type: 'conjunction' }).format(link.kept.map((k) => t(`part_${k}`)));
    parts.push(h('p', { class: 'notice', role: 'status', id: 'link-notice' }, link.kept.length ? t('linkDamaged', { kept }) : t('linkUnreadable')));
  }
  slot.replaceChildren(...parts);
}
