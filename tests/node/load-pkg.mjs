// Loads pkg/ the way a web page does (`import init, { … } from './pkg/savings_plan.js'`),
// handing init the .wasm bytes because Node's fetch cannot read file: URLs.
// `name` chooses the module: 'savings_plan' (the whole engine, the default: every entry
// point, over the three modules below), or one module of scripts/build.sh:
// 'savings_plan_first' (the first screen's), 'savings_plan_statement' (reconcile),
// 'savings_plan_advice' (advise, payouts).
import { readFile } from 'node:fs/promises';

const pkgUrl = new URL('../../pkg/', import.meta.url);
export const MODULES = ['first', 'statement', 'advice'];

const bytes = (name) => readFile(new URL(`${name}_bg.wasm`, pkgUrl));

export async function loadPkg(name = 'savings_plan') {
  const mod = await import(new URL(`${name}.js`, pkgUrl));
  if (name === 'savings_plan') {
    const all = await Promise.all(MODULES.map((m) => bytes(`savings_plan_${m}`)));
    await mod.default(Object.fromEntries(MODULES.map((m, i) => [m, all[i]])));
  } else {
    await mod.default({ module_or_path: await bytes(name) });
  }
  return mod;
}

export const pkgDir = pkgUrl;
