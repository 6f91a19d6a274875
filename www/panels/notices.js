// What stops the calculator from working as the host set it up, shown above
// everything else and never a blank box: the engine or the catalog that could
// not be loaded (with what its server must send), a catalog that is not a
// list of products, and every product of the catalog left out, with all its
// problems by path (the valid products are still shown); and a share link
// that could not be read whole (what was restored from it).
import { h } from '../dom.js';

/**
 * data: { error, problems }:
 * - error: null | { kind: 'engine' | 'catalog' | 'format', url, reason }
 * - problems: [{ index, id, problems: [{ code, path, message, unknown }] }]
 * - link: null | { kept: [part…] } after a share link that could not be read whole
 * onRetry(): loads again (offered when the engine could not be loaded).
 */
export function render(slot, { error, problems = [], link = null }, { t, lang, onRetry }) {
  const boxes = [];
  if (error) boxes.push(fatal(error, { t, onRetry }));
  if (problems.length) boxes.push(catalogProblems(problems, { t }));
  if (link) {
    const kept = new Intl.ListFormat(lang, { type: 'conjunction' }).format(link.kept.map((k) => t(`part_${k}`)));
    boxes.push(h('p', { class: 'notice', role: 'status', id: 'link-notice' }, link.kept.length ? t('linkDamaged', { kept }) : t('linkUnreadable')));
  }
  slot.replaceChildren(...boxes);
}

function fatal(error, { t, onRetry }) {
  if (error.kind === 'format') {
    return h('div', { class: 'error-summary', role: 'alert', id: 'catalog-error' },
      h('h3', {}, t('errorSummary')), h('p', {}, t('catalogError', { message: t(error.reason) })));
  }
  const engine = error.kind === 'engine';
  return h('div', { class: 'error-summary', role: 'alert', id: engine ? 'engine-error' : 'catalog-error' },
    h('h3', {}, t('errorSummary')),
    h('p', {}, engine ? t('engineError') : t('catalogUnreachable', { url: error.url })),
    h('p', { class: 'hint' }, engine ? t('engineHint', { url: error.url }) : t('catalogHint')),
    h('p', { class: 'hint reason' }, t('reason', { reason: error.reason })),
    engine && onRetry ? h('button', { type: 'button', id: 'retry', class: 'secondary', onclick: () => onRetry() }, t('retry')) : null);
}

function catalogProblems(entries, { t }) {
  const invalid = entries.filter((e) => e.index != null).length;
  const unknown = entries.filter((e) => e.index == null);
  return h('div', { class: 'error-summary', role: 'alert', id: 'catalog-problems' },
    h('h3', {}, t('errorSummary')),
    invalid ? h('p', {}, t(invalid === 1 ? 'catalogProblemsOne' : 'catalogProblems', { n: invalid })) : null,
    h('ul', { class: 'problems' },
      entries.filter((e) => e.index != null).map((e) => h('li', { class: 'catalog-product', 'data-index': e.index },
        t('catalogProductInvalid', { n: e.index + 1, id: e.id ?? '?' }),
        h('ul', {}, e.problems.map((p) => h('li', { class: 'problem', 'data-code': p.code },
          h('code', {}, p.path.replace(/^product\.?/, '') || '—'), ': ', p.message))))),
      unknown.map((e) => h('li', { class: 'problem', 'data-code': 'INVALID_VALUE' }, t('unknownProduct', { id: e.id })))));
}
