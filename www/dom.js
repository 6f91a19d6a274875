// Building DOM from native elements. Text always goes in as text nodes:
// nothing from a catalog or a plan is ever parsed as HTML.

/**
 * h('button', { type: 'button', onclick }, 'Text', child…)
 * Attributes: `class`, `for`, aria-*, data-*, booleans (true → present),
 * and on* functions as event listeners. null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el && !tag.startsWith('svg:')) el.value = v;
    else if (k === 'checked') el.checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** An SVG element: s('path', { d }). */
export function s(tag, attrs, ...children) {
  return h(`svg:${tag}`, attrs, ...children);
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Text for screen readers only. */
export function hidden(text) {
  return h('span', { class: 'visually-hidden' }, text);
}
