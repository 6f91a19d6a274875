// A/B timing of two builds of the package on a shared machine: rounds of
// `calculate` (5-year plan) alternate between A and B, so load that comes
// and goes falls on both alike, and each round is timed in this process's
// CPU time (process.cpuUsage), which other processes do not inflate; prints
// each one's median and B/A.
// Usage: node scripts/bench-ab.mjs <pkg dir A> <pkg dir B> [rounds=60]
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

// The first screen's module (the page's calculate; scripts/build.sh), in both packages.
async function load(dir) {
  const base = pathToFileURL(path.resolve(dir) + '/');
  const mod = await import(new URL('savings_plan_first.js', base));
  await mod.default({ module_or_path: await readFile(new URL('savings_plan_first_bg.wasm', base)) });
  return mod;
}

const [a, b] = [await load(process.argv[2]), await load(process.argv[3])];
const rounds = Number(process.argv[4] ?? 60);
const plan = { start: '2025-06-10', months: 60, installment: '1000', rate: null, events: [], withdrawOn: null, inflation: null };
const batch = 200;
const time = (engine, product) => {
  const t0 = process.cpuUsage();
  for (let i = 0; i < batch; i++) engine.calculate(product, plan);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / batch;
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const [pa, pb] = [a.catalog()[0], b.catalog()[0]];
if (JSON.stringify(a.calculate(pa, plan)) !== JSON.stringify(b.calculate(pb, plan))) {
  console.log('note: A and B give different results for this plan (builds of different contracts)');
}
for (let i = 0; i < 5; i++) { time(a, pa); time(b, pb); } // warm-up
const ta = [], tb = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2) { ta.push(time(a, pa)); tb.push(time(b, pb)); } else { tb.push(time(b, pb)); ta.push(time(a, pa)); }
}
const [ma, mb] = [median(ta), median(tb)];
console.log(`calculate, 5-year plan, Node ${process.version}: A ${ma.toFixed(1)} µs, B ${mb.toFixed(1)} µs, B/A ${(mb / ma).toFixed(3)}`);
