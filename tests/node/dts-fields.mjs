// The top-level members of an interface declared in a .d.ts text: the body up
// to its matching brace, nested types blanked out, each `name:` or `name?:`
// at a line's start or after `{` / `;`. Shared by the package's shape tests.
import assert from 'node:assert/strict';

export function interfaceFields(dts, name) {
  const start = dts.indexOf(`export interface ${name} {`);
  assert.ok(start >= 0, `interface ${name}`);
  let depth = 0;
  let body = '';
  for (let i = dts.indexOf('{', start); i < dts.length; i++) {
    const c = dts[i];
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (depth === 0) break;
    body += depth === 1 && c !== '{' ? c : depth === 1 ? '' : (c === '\n' ? '' : ' ');
  }
  return [...body.matchAll(/^\s*(\w+)\??:/gm), ...body.matchAll(/[{;]\s*(\w+)\??:/g)].map((m) => m[1]).filter((v, i, a) => a.indexOf(v) === i).sort();
}
