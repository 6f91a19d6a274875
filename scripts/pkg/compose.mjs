// The whole engine's package files from the three modules' (scripts/build.sh):
// pkg/savings_plan.d.ts = every type (src/wasm.d.ts, in each module's) and
// every entry point's signature as its module declares it, then the init of
// scripts/pkg/savings_plan.js; pkg/package.json lists every file.
import { readFileSync, writeFileSync } from 'node:fs';

const MODULES = ['first', 'statement', 'advice'];
const here = (f) => new URL(f, import.meta.url);
const pkgFile = (f) => new URL(`../../pkg/${f}`, import.meta.url);

// Each module's declarations: [types, its entry points (with their doc comments)].
function parts(m) {
  const lines = readFileSync(pkgFile(`savings_plan_${m}.d.ts`), 'utf8').split('\n');
  const initAt = lines.findIndex((l) => l.startsWith('export type InitInput'));
  let start = lines.findIndex((l) => l.startsWith('export function '));
  while (start > 0 && /^(\/\*\*| \*)/.test(lines[start - 1])) start--;
  return [lines.slice(0, start).join('\n'), lines.slice(start, initAt).join('\n').trim()];
}

const [types] = parts('first');
const entryPoints = MODULES.map((m) => parts(m)[1]).join('\n');
writeFileSync(pkgFile('savings_plan.d.ts'), `${types.trimEnd()}\n\n${entryPoints}\n\n${readFileSync(here('savings_plan.init.d.ts'), 'utf8')}`);

const pkg = JSON.parse(readFileSync(pkgFile('package.json'), 'utf8'));
pkg.files = ['savings_plan.js', 'savings_plan.d.ts',
  ...MODULES.flatMap((m) => [`savings_plan_${m}_bg.wasm`, `savings_plan_${m}.js`, `savings_plan_${m}.d.ts`])];
pkg.main = 'savings_plan.js';
pkg.types = 'savings_plan.d.ts';
writeFileSync(pkgFile('package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
