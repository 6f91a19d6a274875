// The "check my statement" view folded: its heading and summary only. The
// view itself (panels/statement.js, the statement reader and their texts'
// code) loads when the saver first opens it, so a page that never checks a
// statement never downloads it.
import { h } from '../dom.js';

/**
 * Draws the folded view into an empty slot and returns its <details>.
 * data: { open }; onToggle(open) after each opening or closing.
 */
export function shell(slot, { open }, { t, onToggle }) {
  const details = h('details', { class: 'statement', id: 'statement', open: open || null, ontoggle: (e) => onToggle(e.target.open) },
    h('summary', {}, h('span', { class: 'summary-title' }, t('stmt_heading'))));
  slot.append(h('section', { class: 'statement-section', 'aria-labelledby': 'stmt-title' },
    h('h3', { id: 'stmt-title', class: 'visually-hidden' }, t('stmt_heading')), details));
  return details;
}
