// The scenario in the URL (?s=…): product, plan, language, view, target and
// an edited product, as base64url JSON, so a link restores the whole scenario.

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeState(state) {
  return toBase64Url(JSON.stringify({ v: 1, ...state }));
}

/** The state in a URL's `s` parameter, or null (a bad link is ignored, not fatal). */
export function decodeState(href) {
  try {
    const s = new URL(href).searchParams.get('s');
    if (!s) return null;
    const state = JSON.parse(fromBase64Url(s));
    return state && typeof state === 'object' && state.v === 1 ? state : null;
  } catch {
    return null;
  }
}

/** The current URL with the state in it. */
export function stateUrl(href, state) {
  const url = new URL(href);
  url.searchParams.set('s', encodeState(state));
  return url.toString();
}
