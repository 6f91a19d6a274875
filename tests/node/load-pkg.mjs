// Loads pkg/ the way a web page does (`import init, { … } from './pkg/savings_plan.js'`),
// handing init the .wasm bytes because Node's fetch cannot read file: URLs.
// `name` chooses the module: 'savings_plan' (the whole engine, the default) or
// 'savings_plan_first' (the first screen's engine; scripts/build.sh builds both).
import { readFile } from 'node:fs/promises';

const pkgUrl = new URL('../../pkg/', import.meta.url);

export async function loadPkg(name = 'savings_plan') {
  const mod = await import(new URL(`${name}.js`, pkgUrl));
  const bytes = await readFile(new URL(`${name}_bg.wasm`, pkgUrl));
  await mod.default({ module_or_path: bytes });
  return mod;
}

export const pkgDir = pkgUrl;
