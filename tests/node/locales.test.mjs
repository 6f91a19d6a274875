// Every code the engine can return has words in every language of the page:
// explain keys, error and warning codes, statuses, closures, breach triggers
// and effects (the unions of src/wasm.d.ts, which src/vocabulary.rs checks
// against the engine's tables, as it checks the configurator's options).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import en from '../../www/locales/en.js';
import zhCN from '../../www/locales/zh-CN.js';
import enIN from '../../www/locales/en-IN.js';

const dts = await readFile(new URL('../../src/wasm.d.ts', import.meta.url), 'utf8');
const union = (name) => {
  const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(m, name);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
};

test('every engine code has a text in en, zh-CN and en-IN', () => {
  const keys = [
    ...union('ExplainKey').map((k) => `explain_${k}`),
    ...union('ErrorCode').map((k) => `err_${k}`),
    ...union('WarningCode').map((k) => `warning_${k}`),
    ...union('Status').map((k) => `status_${k}`),
    ...union('Closure').map((k) => `closure_${k}`),
    ...union('BreachTrigger').map((k) => `trigger_${k}`),
    ...union('OnBreach').map((k) => `effect_${k}`),
  ];
  assert.ok(union('Closure').length === 4);
  for (const [name, texts] of [['en', en], ['zh-CN', zhCN], ['en-IN', enIN]]) {
    const missing = keys.filter((k) => typeof texts[k] !== 'string' || texts[k].length === 0);
    assert.deepEqual(missing, [], `${name} lacks ${missing.join(', ')}`);
  }
});

test('the Chinese and English texts have the same keys', () => {
  const a = Object.keys(en).sort();
  const b = Object.keys(zhCN).sort();
  assert.deepEqual(a.filter((k) => !b.includes(k)), [], 'in en only');
  assert.deepEqual(b.filter((k) => !a.includes(k)), [], 'in zh-CN only');
});
