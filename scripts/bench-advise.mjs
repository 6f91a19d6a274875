// Issue 14's speed targets, measured in WebAssembly under Node and in Debian's
// Chromium (playwright-core), beside the native criterion medians when
// `cargo bench --bench engine` has run. Prints a Markdown table.
//
//   node scripts/bench-advise.mjs            (after scripts/build.sh)
//
// The same workloads as benches/engine.rs: the 5-year plan (60 monthly
// installments of 1000 from 2025-06-10), advise over 8 products (the catalog
// and a mild early-rule variant of the quoted one) with a 30% chance from
// month 1, payouts for 10,000 5-year plans (400 rates × 25 installments).
// A payout-only pricing in wasm is timed as payouts over 1,000 plans ÷ 1,000
// (each plan read from JSON, priced, its payout written).
import { readFile, readdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { loadPkg } from '../tests/node/load-pkg.mjs';
import { benchInputs } from './bench-inputs.mjs';


/** The workloads, as a function so the page can run the very same code. */
function workloads(engine, plan, behaviour, clock = () => performance.now()) {
  const { catalog, eight, grid, thousand } = benchInputs(engine);
  const median = (fn, batch, rounds) => {
    for (let i = 0; i < batch * 2; i++) fn();
    const samples = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = clock();
      for (let i = 0; i < batch; i++) fn();
      samples.push((clock() - t0) / batch);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]; // ms
  };
  return {
    payoutOnlyUs: (median(() => engine.payouts(catalog[0], thousand), 2, 15) * 1000) / thousand.length,
    calculateUs: median(() => engine.calculate(catalog[0], plan), 100, 30) * 1000,
    adviseMs: median(() => engine.advise(eight, plan, behaviour), 2, 15),
    payouts10kMs: median(() => engine.payouts(catalog[0], grid), 1, 7),
  };
}

async function nativeMedian(title) {
  try {
    const dir = new URL('../target/criterion/', import.meta.url);
    for (const d of await readdir(dir, { recursive: true })) {
      if (!d.endsWith('new/benchmark.json')) continue;
      const bench = JSON.parse(await readFile(new URL(d, dir), 'utf8'));
      if (bench.title === title || bench.full_id === title) {
        const est = JSON.parse(await readFile(new URL(d.replace('benchmark.json', 'estimates.json'), dir), 'utf8'));
        return est.median.point_estimate / 1000; // ns → µs
      }
    }
  } catch { /* no criterion run yet */ }
  return null;
}

/** The workloads' single runs, for timing round by round from outside the page. */
function runners(engine, plan, behaviour) {
  const { catalog, eight, grid, thousand } = benchInputs(engine);
  return {
    payoutOnlyUs: () => engine.payouts(catalog[0], thousand),
    calculateUs: () => engine.calculate(catalog[0], plan),
    adviseMs: () => engine.advise(eight, plan, behaviour),
    payouts10kMs: () => engine.payouts(catalog[0], grid),
  };
}

/**
 * The same workloads in the page, timed in the CPU time of the page's main
 * thread (the DevTools protocol's `Performance.getMetrics` `ThreadTime`),
 * round by round: on a shared machine the wall clock counts the other
 * processes' time too. Each round runs a batch in one `page.evaluate`.
 */
async function chromiumCpu(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  // [workload, batch, rounds, per-call divisor, unit scale (s → µs or ms)]
  const plan = [['payoutOnlyUs', 2, 15, 1000, 1e6], ['calculateUs', 100, 30, 1, 1e6], ['adviseMs', 2, 15, 1, 1e3], ['payouts10kMs', 1, 7, 1, 1e3]];
  const out = {};
  for (const [name, batch, rounds, per, scale] of plan) {
    await page.evaluate(([n, b]) => { for (let i = 0; i < 2 * b; i++) window.__bench[n](); }, [name, batch]);
    const samples = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = await threadTime();
      await page.evaluate(([n, b]) => { for (let i = 0; i < b; i++) window.__bench[n](); }, [name, batch]);
      samples.push(((await threadTime()) - t0) * scale / batch / per);
    }
    samples.sort((a, b) => a - b);
    out[name] = samples[Math.floor(samples.length / 2)];
  }
  await cdp.detach();
  return out;
}

async function inChromium() {
  const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
  const { serve } = await import('./serve.mjs');
  const server = await serve({ root: new URL('../www/', import.meta.url).pathname, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const body = `const performance = globalThis.performance; ${benchInputs.toString()} return (${workloads.toString()})(engine, plan, behaviour);`;
    const wall = await page.evaluate(async ([src, runnersSrc, inputsSrc, plan, behaviour]) => {
      const mod = await import('./pkg/savings_plan.js');
      await mod.default(); // the whole engine's API: its three modules, from beside it
      // eslint-disable-next-line no-new-func
      window.__bench = new Function('engine', 'plan', 'behaviour', `${inputsSrc} return (${runnersSrc})(engine, plan, behaviour);`)(mod, plan, behaviour);
      // eslint-disable-next-line no-new-func
      return new Function('engine', 'plan', 'behaviour', src)(mod, plan, behaviour);
    }, [body, runners.toString(), benchInputs.toString(), PLAN, BEHAVIOUR]);
    return { wall, cpu: await chromiumCpu(page) };
  } finally {
    await browser.close();
    server.close();
  }
}

const engine = await loadPkg();
const { plan: PLAN, behaviour: BEHAVIOUR } = benchInputs(engine);
const node = workloads(engine, PLAN, BEHAVIOUR);
// CPU time of this process (user + system), in ms: what the work costs whatever else the machine runs.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const nodeCpu = workloads(engine, PLAN, BEHAVIOUR, cpu);
const { wall: chrome, cpu: chromeCpu } = await inChromium();
const native = {
  payoutOnlyUs: await nativeMedian('payout only, 5-year plan (cn-lczq-standard)'),
  calculateUs: await nativeMedian('calculate 5-year plan to result JSON text (cn-lczq-standard)'),
  adviseMs: (await nativeMedian('advise 8 products, 5-year plan')) / 1000,
  payouts10kMs: (await nativeMedian('bulk/payouts 10,000 5-year plans (cn-lczq-standard)')) / 1000,
};
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine while measuring\n`);
const f = (x, unit) => (x == null || Number.isNaN(x) ? 'n/a' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ${unit}`);
console.log(`| workload | native (criterion median) | wasm, Node ${process.version} | wasm, Node, CPU time | wasm, Chromium | wasm, Chromium, main thread CPU time | target |
|---|---|---|---|---|---|---|
| payout only, 5-year plan | ${f(native.payoutOnlyUs, 'µs')} (typed) | ${f(node.payoutOnlyUs, 'µs')} (in payouts, per plan) | ${f(nodeCpu.payoutOnlyUs, 'µs')} | ${f(chrome.payoutOnlyUs, 'µs')} | ${f(chromeCpu.payoutOnlyUs, 'µs')} | ≤ 2 µs native, ≤ 5 µs wasm |
| \`calculate\` with schedule, 5-year plan | ${f(native.calculateUs, 'µs')} (with JSON text) | ${f(node.calculateUs, 'µs')} | ${f(nodeCpu.calculateUs, 'µs')} | ${f(chrome.calculateUs, 'µs')} | ${f(chromeCpu.calculateUs, 'µs')} | wasm within 2× native |
| \`advise\`, 8 products, 5-year plan | ${f(native.adviseMs, 'ms')} | ${f(node.adviseMs, 'ms')} | ${f(nodeCpu.adviseMs, 'ms')} | ${f(chrome.adviseMs, 'ms')} | ${f(chromeCpu.adviseMs, 'ms')} | ≤ 8 ms in Chromium |
| \`payouts\`, 10,000 5-year plans | ${f(native.payouts10kMs, 'ms')} | ${f(node.payouts10kMs, 'ms')} | ${f(nodeCpu.payouts10kMs, 'ms')} | ${f(chrome.payouts10kMs, 'ms')} | ${f(chromeCpu.payouts10kMs, 'ms')} | ≤ 100 ms in Chromium |`);
