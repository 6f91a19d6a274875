// A long section that can be folded: its heading is a button (the APG
// disclosure pattern: heading navigation keeps working, Enter or a tap
// toggles), its body hidden while folded. The element decides the default
// (folded on a phone-width container) and loads a panel's code when its
// fold first opens. `details` is the same for the product settings, which
// are a native <details> so they stay folded everywhere until asked for.
import { h } from '../dom.js';

/**
 * Draws the fold into `slot` and returns its body, where the panel renders.
 * { id, className, title, open, onToggle(open) }.
 */
export function fold(slot, { id, className, title, open, onToggle }) {
  const body = h('div', { class: 'fold-body', id: `${id}-body`, hidden: !open });
  const button = h('button', { type: 'button', class: 'fold-toggle', id: `${id}-toggle`, 'aria-expanded': String(open), 'aria-controls': `${id}-body`,
    onclick: () => {
      const now = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(now));
      body.hidden = !now;
      onToggle(now);
    } }, h('span', { class: 'fold-title' }, title), h('span', { class: 'fold-mark', 'aria-hidden': 'true' }));
  slot.replaceChildren(h('section', { class: `fold ${className}`, id: `fold-${id}`, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title`, class: 'fold-heading' }, button),
    body));
  return body;
}

/** Opens a fold drawn by fold() (a link to it, a problem to show). */
export function openFold(slot) {
  const button = slot?.querySelector('.fold-toggle');
  if (button?.getAttribute('aria-expanded') === 'false') button.click();
}

/** The product settings: a native <details>, folded until asked for. Returns its body. */
export function details(slot, { id, className, title, open, onToggle }) {
  const body = h('div', { class: 'details-body', id: `${id}-body` });
  slot.replaceChildren(h('details', { class: className, id, open: open || null, ontoggle: (e) => onToggle(e.target.open) },
    h('summary', {}, h('span', { class: 'summary-title' }, title)),
    body));
  return body;
}
