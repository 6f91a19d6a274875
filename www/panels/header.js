// The component's header: title, language and view switchers, the share
// button and the share status line.
import { h, fill } from '../dom.js';
import { LANGUAGES } from '../i18n.js';

/**
 * data: { lang, mode, modes, hide } — `hide` (a Set) may leave out the title,
 * the language and view switchers and the share button (the host's `hide`).
 * onLang(tag), onMode(mode), onShare(). (The teller's print button is the quote panel's.)
 */
export function render(slot, { lang, mode, modes, hide = new Set() }, { t, onLang, onMode, onShare }) {
  const tools = [
    hide.has('language') ? null : [h('label', { for: 'lang' }, t('language')),
      h('select', { id: 'lang', onchange: (e) => onLang(e.target.value) },
        LANGUAGES.map((l) => h('option', { value: l.tag, selected: l.tag === lang, lang: l.tag }, l.name)))],
    hide.has('view') || modes.length < 2 ? null : [h('label', { for: 'mode' }, t('mode')),
      h('select', { id: 'mode', onchange: (e) => onMode(e.target.value) },
        modes.map((m) => h('option', { value: m, selected: m === mode }, t(`mode_${m}`))))],
    hide.has('share') ? null : h('button', { type: 'button', id: 'share', class: 'secondary', onclick: () => onShare() }, t('share')),
  ].filter(Boolean);
  const title = hide.has('title') ? [] : [h('h2', { class: 'spc-title' }, t('title')), h('p', { class: 'spc-subtitle' }, t('subtitle'))];
  if (!title.length && !tools.length) { slot.replaceChildren(); return; }
  slot.replaceChildren(h('header', { class: 'spc-header' },
    title,
    tools.length ? h('div', { class: 'toolbar' }, tools) : null,
    h('p', { class: 'share-status', role: 'status', id: 'share-status' })));
}

/** After "copy link": says it was copied, or offers the link to copy by hand. */
export function showShare(slot, { url, copied }, { t }) {
  const status = slot.querySelector('#share-status');
  if (copied) {
    fill(status, t('shareCopied'));
  } else {
    fill(status, h('label', { for: 'share-url' }, t('shareManual')), ' ', h('input', { id: 'share-url', type: 'text', readonly: true, value: url }));
    status.querySelector('input')?.select();
  }
  status.dataset.url = url;
}
