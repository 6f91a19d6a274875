// The scenario in the URL (?s=…): product, plan, language, view, target and
// an edited product, as base64url JSON, so a link restores the whole scenario.
// A link that was cut short (a chat app, a line break in an e-mail) is read as
// far as it goes: readLink says whether it was whole.

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** base64url → text; a cut-off tail (a partial group, a split character) is dropped. */
function fromBase64Url(text) {
  const clean = text.replaceAll('-', '+').replaceAll('_', '/').replace(/[^A-Za-z0-9+/]/g, '');
  const whole = clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0));
  const bin = atob(whole + '='.repeat((4 - (whole.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))).replace(/\uFFFD+$/, '');
}

/**
 * The longest prefix of a JSON text cut off mid-way that is complete JSON
 * once its open objects and arrays are closed (a half-written member is
 * left out), or null.
 */
export function salvageJson(text) {
  const stack = [];
  const cuts = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') { stack.pop(); cuts.push(text.slice(0, i + 1) + [...stack].reverse().join('')); }
    else if (c === ',') cuts.push(text.slice(0, i) + [...stack].reverse().join(''));
  }
  for (const candidate of cuts.reverse()) {
    try { return JSON.parse(candidate); } catch { /* a shorter cut */ }
  }
  return null;
}

export function encodeState(state) {
  return toBase64Url(JSON.stringify({ v: 1, ...state }));
}

/**
 * A share link read as far as it goes: null when the URL has no `s`, else
 * { state, complete }: `complete` false when the link had to be salvaged
 * (cut short or damaged; state then holds what could be read, possibly {}).
 */
export function readLink(href) {
  let s;
  try { s = new URL(href).searchParams.get('s'); } catch { return null; }
  if (!s) return null;
  let text = '';
  try { text = fromBase64Url(s); } catch { return { state: {}, complete: false }; }
  try {
    const state = JSON.parse(text);
    if (state && typeof state === 'object' && state.v === 1) return { state, complete: true };
  } catch { /* salvage below */ }
  const partial = salvageJson(text);
  return { state: partial && typeof partial === 'object' && !Array.isArray(partial) && partial.v === 1 ? partial : {}, complete: false };
}

/** The state in a URL's `s` parameter, or null (none, or not readable whole). */
export function decodeState(href) {
  const link = readLink(href);
  return link?.complete ? link.state : null;
}

/** The current URL with the state in it. */
export function stateUrl(href, state) {
  const url = new URL(href);
  url.searchParams.set('s', encodeState(state));
  return url.toString();
}
