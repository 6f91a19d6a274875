// Size and speed report of the WebAssembly package, beside the native engine.
// Run `scripts/report.sh` (builds pkg/, runs the criterion benchmark, then this).
// Prints a Markdown table: gzip sizes of the .wasm and the JS glue, and the
// median time of calculate (5-year plan) and compare (whole catalog) in Node.
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadPkg, pkgDir } from '../tests/node/load-pkg.mjs';

const engine = await loadPkg();
const catalog = engine.catalog();
const plan = { start: '2025-06-10', months: 60, installment: '1000', rate: null, events: [], withdrawOn: null, inflation: null };

function median(fn, { batch = 200, rounds = 40 } = {}) {
  for (let i = 0; i < batch * 5; i++) fn(); // warm-up
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function nativeMedian(name) {
  try {
    const dir = new URL('../target/criterion/', import.meta.url);
    for (const d of await readdir(dir)) {
      const bench = JSON.parse(await readFile(new URL(`${d}/new/benchmark.json`, dir), 'utf8'));
      if (bench.title === name) {
        const est = JSON.parse(await readFile(new URL(`${d}/new/estimates.json`, dir), 'utf8'));
        return est.median.point_estimate / 1000; // ns → µs
      }
    }
  } catch { /* no criterion run yet */ }
  return null;
}

// The three modules of scripts/build.sh (engine above: the whole engine's API over them).
const moduleWasm = Object.fromEntries(await Promise.all(['first', 'statement', 'advice']
  .map(async (m) => [m, await readFile(new URL(`savings_plan_${m}_bg.wasm`, pkgDir))])));
const glue = await readFile(new URL('savings_plan_first.js', pkgDir));
const firstEngine = await loadPkg('savings_plan_first');
const firstWasm = moduleWasm.first;
const gz = (b) => gzipSync(b, { level: 9 }).length;

// What a host page downloads for the component: the first screen (the
// element's static imports, the Chinese texts, the stylesheet, the engine),
// then the panels, texts and helpers it imports when they are first needed
// (the teller's quote modules in the teller's view only).
const FIRST = ['savings-plan-calculator.js', 'savings-plan-calculator-element.js', 'engine.js', 'dom.js', 'format.js', 'i18n.js', 'input.js',
  'rate-input.js', 'quote-meta.js', 'locales/zh-CN.js', ...['field', 'fold', 'header', 'notices', 'plan-form', 'headline', 'comparison'].map((p) => `panels/${p}.js`),
  'savings-plan-calculator.css', 'pkg/savings_plan_first.js', 'pkg/savings_plan_first_bg.wasm'];
// Each view's engine comes with the view, like its modules.
const LATER = ['pkg/savings_plan_statement.js', 'pkg/savings_plan_statement_bg.wasm', 'pkg/savings_plan_advice.js', 'pkg/savings_plan_advice_bg.wasm', 'panels/statement.js', 'statement-parse.js', 'locales/en.js', 'locales/en-IN.js', 'csv.js', 'url-state.js', 'quote-compare.js', 'print-quote.js', 'words-rmb.js', 'words-inr.js',
  ...['chart', 'advice', 'what-if', 'solve', 'explain', 'schedule', 'configurator', 'quote', 'disclosure', 'statement-shell'].map((p) => `panels/${p}.js`)];
const COMPONENT = [...FIRST, ...LATER];
// --dist: the minified copy a CDN serves and npm publishes (scripts/minify.mjs) instead of the sources.
const www = new URL(process.argv.includes('--dist') ? '../dist/' : '../www/', import.meta.url);
const sizes = async (files) => {
  let raw = 0, gzipped = 0;
  for (const f of files) {
    const b = f.startsWith('pkg/') ? await readFile(new URL(f.slice(4), pkgDir)) : await readFile(new URL(f, www));
    raw += b.length;
    gzipped += gz(b);
  }
  return { raw, gzipped };
};
const first = await sizes(FIRST);
const { raw: hostRaw, gzipped: hostGz } = await sizes(COMPONENT);
let frameGz = hostGz;
for (const f of ['embed.html', 'embed.css', 'embed.js']) frameGz += gz(await readFile(new URL(f, www)));

const calcUs = median(() => engine.calculate(catalog[0], plan));
const firstCalcUs = median(() => firstEngine.calculate(catalog[0], plan));
const compareUs = median(() => engine.compare(catalog, plan), { batch: 20 });
// The README's worked example (reconcile): without a bank figure, and with one no rule explains (every hypothesis priced).
const row = (date, amount) => ({ date, amount });
const statement = { start: '2025-01-15', months: 12, installment: null, bankPayout: null, deposits: [
  row('2025-01-15', '1000'), row('2025-02-15', '1000'), row('2025-03-15', '1000'), row('2025-04-15', '1000'), row('2025-06-16', '2000'),
  row('2025-07-15', '1000'), row('2025-08-15', '1000'), row('2025-10-15', '1000'), row('2025-11-15', '1000'), row('2025-11-20', '1000'), row('2025-12-15', '1000')] };
const reconcileUs = median(() => engine.reconcile(catalog[0], statement), { batch: 20 });
const unexplainedUs = median(() => engine.reconcile(catalog[0], { ...statement, bankPayout: '11041.11' }), { batch: 2, rounds: 20 });
// What the wasm facade does natively: price and write the result's JSON text
// (`calculate` alone returns a typed Quote, formatted only when written).
const nativeCalc = await nativeMedian('calculate 5-year plan to result JSON text (cn-lczq-standard)');
const nativeTyped = await nativeMedian('calculate 5-year monthly plan (cn-lczq-standard)');
const nativeCompare = await nativeMedian('compare 5-year plan over the whole catalog (7 products)');
const fmt = (x) => (x == null ? 'n/a (run cargo bench)' : `${x.toFixed(1)} µs`);
const ratio = (a, b) => (b == null ? '' : ` (${(a / b).toFixed(2)}× native)`);

console.log(`| figure | measured | target |
|---|---|---|
| first screen's \`.wasm\` (\`savings_plan_first_bg.wasm\`) | ${firstWasm.length} B raw, **${gz(firstWasm)} B gzipped** | ≤ 60 KB gz (must not exceed 100 KB) |
| statement view's \`.wasm\` (\`savings_plan_statement_bg.wasm\`) | ${moduleWasm.statement.length} B raw, **${gz(moduleWasm.statement)} B gzipped** | must not exceed 100 KB |
| advice view's \`.wasm\` (\`savings_plan_advice_bg.wasm\`) | ${moduleWasm.advice.length} B raw, **${gz(moduleWasm.advice)} B gzipped** | must not exceed 100 KB |
| JS glue size (first screen's) | ${glue.length} B raw, **${gz(glue)} B gzipped** | |
| the first screen (${FIRST.length} files${process.argv.includes('--dist') ? ', dist/' : ''}) | ${first.raw} B raw, **${first.gzipped} B gzipped** (each file gzipped alone) | |
| everything a host may download (component: ${COMPONENT.length} files) | ${hostRaw} B raw, **${hostGz} B gzipped** | |
| the iframe page (component + embed.html, .css, .js) | **${frameGz} B gzipped** | |
| \`calculate\`, 5-year plan, Node ${process.version} | **${fmt(calcUs)}**${ratio(calcUs, nativeCalc)}; first screen's engine ${fmt(firstCalcUs)} | ≤ 20 µs, within 2× native |
| \`compare\`, 7-product catalog, Node | **${fmt(compareUs)}**${ratio(compareUs, nativeCompare)} | |
| \`reconcile\`, the README's worked example, Node | **${fmt(reconcileUs)}**; with a bank figure no rule explains: **${fmt(unexplainedUs)}** | |
| native \`calculate\` + JSON text (criterion median) | ${fmt(nativeCalc)} | |
| native \`calculate\`, typed \`Quote\` only (criterion median) | ${fmt(nativeTyped)} | |
| native \`compare\` (criterion median) | ${fmt(nativeCompare)} | |`);
