// Loads pkg/ the way a web page does (`import init, { … } from './pkg/savings_plan.js'`),
// handing init the .wasm bytes because Node's fetch cannot read file: URLs.
import { readFile } from 'node:fs/promises';

const pkgUrl = new URL('../../pkg/', import.meta.url);

export async function loadPkg() {
  const mod = await import(new URL('savings_plan.js', pkgUrl));
  const bytes = await readFile(new URL('savings_plan_bg.wasm', pkgUrl));
  await mod.default({ module_or_path: bytes });
  return mod;
}

export const pkgDir = pkgUrl;
