// The files a CDN serves and npm publishes: dist/, made from www/ (after
// scripts/build.sh has put the engine in www/pkg/). www/ stays the source that
// is read, edited and tested (plain modules, one per panel); dist/ is made
// from it and never edited.
//
// The first screen in as few requests as the browser can fetch at once: the
// element and everything it imports statically (engine.js, the wasm-bindgen
// glue, the first screen's panels, dom/format/i18n) are bundled by esbuild
// into savings-plan-calculator-element.js (code splitting: what a lazily
// loaded panel shares with it sits in a chunk both import). Every module
// loaded when first needed (panels, locales, the whole engine's glue, the
// link reader, CSV…) stays its own file at its own path, still loaded only
// then. The package's entry points keep their names (savings-plan-calculator.js,
// savings-plan-calculator-element.js, embed.js, pkg/*.js, embed-resize.js);
// the HTML pages' preloads list exactly the files their first screen
// fetches, the .wasm first. Comments and whitespace go, local names shorten
// (exported names, and so the element class's `name`, stay as written).
//
//   node scripts/minify.mjs [--from www] [--to dist] [--verbose]
//
// Prints the gzipped size (level 9) of the .js and .css before and after.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, extname, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const esbuild = require('esbuild');
const { rollup } = require('rollup');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const FROM = resolve(root, arg('from', 'www'));
const TO = resolve(root, arg('to', 'dist'));
const VERBOSE = process.argv.includes('--verbose');
const TARGET = 'es2022';

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
const gz = (text) => gzipSync(text, { level: 9 }).length;
const posix = (p) => p.split('\\').join('/');

// Modules a page or a host loads by name (package.json exports, the HTML pages).
// pkg/'s glue is not among them: what the component imports of it is bundled
// (the first screen's) or a chunk at its own path (import(): the views'
// engines); every pkg/ file is also published as it is, for ./engine exports.
const PUBLIC = ['savings-plan-calculator.js', 'savings-plan-calculator-element.js', 'app.js', 'embed.js'];
const sources = [];
for await (const path of files(FROM)) if (path.endsWith('.js') && !path.includes(`${FROM}/pkg/`)) sources.push(path);
// Classic scripts (no imports, globals kept): minified alone.
const CLASSIC = ['embed-resize.js'];

await rm(TO, { recursive: true, force: true });
await cp(FROM, TO, { recursive: true });

let before = 0;
for (const path of sources) if (!path.endsWith('.d.ts')) before += gz(await readFile(path));
for await (const path of files(FROM)) if (path.endsWith('.css')) before += gz(await readFile(path));

// Every .js of www/ (but pkg/'s glue, copied as published) leaves dist/: the bundle replaces them.
for (const path of sources) await rm(join(TO, relative(FROM, path)), { force: true });

// Rollup, not esbuild's splitting: a module the element already loaded stays
// in the element's file and a lazily loaded panel imports it from there
// (esbuild would make a chunk of each set of modules two entries share: six
// small requests for the first screen). Only the public modules are entries;
// every import() target is its own chunk at its source path.
const bundle = await rollup({
  input: Object.fromEntries(PUBLIC.map((e) => [e.replace(/\.js$/, ''), join(FROM, e)])),
  // The entries may export more than their source (the names lazily loaded chunks import from them).
  preserveEntrySignatures: 'allow-extension',
  onwarn(warning, warn) { if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning); },
});
const { output } = await bundle.write({
  dir: TO,
  format: 'es',
  entryFileNames: '[name].js',
  // A lazily loaded module keeps its path (panels/chart.js, locales/en.js…); anything else shared is a chunk beside the entries,
  // where import.meta.url resolves ./pkg/… and ./savings-plan-calculator.css as in the source.
  chunkFileNames: (chunk) => (chunk.isDynamicEntry && chunk.facadeModuleId?.startsWith(`${FROM}/`)
    ? posix(relative(FROM, chunk.facadeModuleId)) : 'chunk-[hash].js'),
});
await bundle.close();
// Minified one by one (the module scope's names shorten; exported names stay).
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  let { code } = await esbuild.transform(chunk.code, { loader: 'js', format: 'esm', minify: true, charset: 'utf8', legalComments: 'none', target: TARGET });
  if (chunk.fileName === 'savings-plan-calculator-element.js') code = keepClassName(code, 'SavingsPlanCalculatorElement');
  await writeFile(join(TO, chunk.fileName), code);
}

/**
 * The element class keeps its `name` as written (a host's devtools and
 * `customElements.get(tag).name` show it), as esbuild's keepNames would do,
 * for this one class instead of every function of the bundle (+1.3 KB gz).
 */
function keepClassName(code, name) {
  const local = code.match(new RegExp(`export\\s*\\{[^}]*?([\\w$]+) as ${name}\\b`))?.[1] ?? (new RegExp(`\\bclass ${name}\\b`).test(code) ? name : null);
  if (!local) throw new Error(`the bundle does not export ${name}`);
  if (local === name) return code;
  return `${code}Object.defineProperty(${local},"name",{value:${JSON.stringify(name)}});\n`;
}
const outputs = Object.fromEntries(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));

// The wasm-bindgen glue a host may import on its own (exports ./engine/first) and the classic scripts: minified alone.
for (const name of ['pkg/savings_plan_first.js', ...CLASSIC]) {
  const source = await readFile(join(FROM, name), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'js', minify: true, charset: 'utf8', legalComments: 'none', target: TARGET });
  await writeFile(join(TO, name), code);
}
for await (const path of files(TO)) {
  if (!path.endsWith('.css')) continue;
  const { code } = await esbuild.transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, charset: 'utf8', legalComments: 'none', target: TARGET });
  await writeFile(path, code);
}

// What each page's first screen fetches: the element's static imports, closed over.
const closure = (file, seen = new Set()) => {
  if (seen.has(file) || !outputs[file]) return seen;
  seen.add(file);
  for (const i of outputs[file].imports) closure(posix(join(dirname(file), i)).replace(/^\.\//, ''), seen);
  return seen;
};
const firstScreen = [...closure('savings-plan-calculator-element.js')];

/**
 * A page's head in dist/: the .wasm preload first (the longest download
 * starts first), then a modulepreload of each module its first screen needs
 * (the bundle, its chunks, the page language's texts), replacing www/'s
 * list of source modules.
 */
async function preloadPage(name, { lang = 'zh-CN' } = {}) {
  const path = join(TO, name);
  let html = await readFile(path, 'utf8');
  html = html.replace(/^[ \t]*<link rel="modulepreload"[^>]*>\n/gm, '');
  // The page's own module scripts the preload scanner finds anyway; what they import, and the element's file, it cannot.
  const scripts = [...html.matchAll(/<script type="module" src="\.\/([^"]+)"><\/script>/g)].map((m) => m[1]);
  const needed = new Set([...scripts.flatMap((s) => [...closure(s)]), ...firstScreen, `locales/${lang}.js`]);
  const wanted = [...needed].filter((f) => f in outputs && !scripts.includes(f));
  const links = wanted.map((f) => `  <link rel="modulepreload" href="./${f}">\n`).join('');
  const wasm = html.match(/^[ \t]*<link rel="preload" href="\.\/pkg\/savings_plan_first_bg\.wasm"[^>]*>\n/m);
  if (!wasm) throw new Error(`${name}: no preload of the first screen's .wasm`);
  html = html.replace(wasm[0], `${wasm[0]}${links}`);
  await writeFile(path, html);
  return [...scripts, ...wanted];
}
const pages = Object.fromEntries(await Promise.all(['index.html', 'teller.html', 'embed.html'].map(async (p) => [p, await preloadPage(p)])));

let after = 0;
for await (const path of files(TO)) {
  if ((path.endsWith('.js') && !path.includes(`${TO}/pkg/`) && !path.endsWith('.d.ts')) || path.endsWith('.css')) after += gz(await readFile(path));
}
if (VERBOSE) {
  for (const file of Object.keys(outputs).sort()) { const code = await readFile(join(TO, file)); console.log(`${file}: ${code.length} B, ${gz(code)} B gzipped`); }
  for (const [page, list] of Object.entries(pages)) console.log(`${page} preloads: ${list.join(' ')}`);
}
const firstGz = await Promise.all(firstScreen.map(async (f) => gz(await readFile(join(TO, f)))));
console.log(`dist/: .js and .css ${before} → ${after} B gzipped (level 9); the element's first screen ${firstScreen.length} module(s), ${firstGz.reduce((a, b) => a + b, 0)} B gzipped`);
