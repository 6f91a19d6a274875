// The files a CDN serves and npm publishes: dist/, a copy of www/ (after
// scripts/build.sh has put the engine in www/pkg/) whose .js and .css files
// are minified one by one by esbuild. Same names, same folders, same imports
// (nothing is bundled: each panel still loads when first needed); comments
// and whitespace go, local names shorten (exported names, and so the element
// class's `name`, stay as written). www/ stays the source that
// is read, edited and tested; dist/ is made from it and never edited.
//
//   node scripts/minify.mjs [--from www] [--to dist]
//
// Prints each file's gzipped size before and after (gzip level 9).
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const esbuild = require('esbuild');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const FROM = resolve(root, arg('from', 'www'));
const TO = resolve(root, arg('to', 'dist'));

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const gz = (text) => gzipSync(text, { level: 9 }).length;

await rm(TO, { recursive: true, force: true });
await cp(FROM, TO, { recursive: true });
let before = 0;
let after = 0;
for await (const path of files(TO)) {
  const ext = extname(path);
  if (ext !== '.js' && ext !== '.css') continue; // .d.ts, .json, .html, .md, .wasm, .svg: as they are
  if (path.endsWith('.d.ts')) continue;
  const source = await readFile(path, 'utf8');
  // No `format`: a module stays a module and a classic script (embed-resize.js) keeps its globals.
  const { code } = await esbuild.transform(source, {
    loader: ext.slice(1), minify: true, charset: 'utf8', legalComments: 'none', target: 'es2022',
  });
  await writeFile(path, code);
  const [b, a] = [gz(source), gz(code)];
  before += b;
  after += a;
  if (process.argv.includes('--verbose')) console.log(`${relative(TO, path)}: ${b} → ${a} B gzipped`);
}
console.log(`dist/: .js and .css ${before} → ${after} B gzipped (level 9)`);
