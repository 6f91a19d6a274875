// Time to the first money figure on a phone network, as Lighthouse's mobile
// profile sees it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×
// slower, every file gzipped as a CDN serves it. Several cold loads (a fresh
// browser context each: empty HTTP cache, no compiled-code cache); prints
// each run and the median, with the requests and bytes the page had fetched
// when the figure appeared.
//
//   node scripts/mobile-timing.mjs [--root www] [--path /] [--runs 7] [--http1] [--before DIR] [--json out.json] [--cpu 4]
//
// Served over HTTP/2 with TLS (a self-signed certificate made by openssl for
// the run), as CDNs serve files; --http1 serves HTTP/1.1 without TLS instead
// (six connections per host, so the number of requests costs round trips).
// --before DIR times another copy of www/ (say, main's) in alternate runs,
// so both see the same machine load; which one goes first alternates too
// (ABBA), and each load starts 1.5 s after the previous page was closed.
//
// The figure's time is the component's `spc-first-result` mark (the payout is
// in the DOM), plus the frame that paints it (see PAINT_MARK).
// Needs `scripts/build.sh` (www/pkg) and tests/browser/node_modules (scripts/setup.sh).
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROOT = resolve(arg('root', fileURLToPath(new URL('../www/', import.meta.url))));
const PATH = arg('path', '/');
const RUNS = Number(arg('runs', 7));
const JSON_OUT = arg('json', null);
const HTTP1 = process.argv.includes('--http1');
// Diagnosis only: another CPU slowdown (1 shows what the network alone costs). The profile's figure is at 4.
const CPU = Number(arg('cpu', 4));
const BEFORE = arg('before', null);
const SETTLE_MS = 1500;
// Diagnosis: a Chromium trace of every load, summarised (main-thread work by
// kind and phase, the .wasm's compile) for the median run. Tracing costs CPU
// itself: the figures of a traced series are not the profile's figure.
// --trace-dir DIR also keeps each traced load's trace (DevTools' Performance panel opens them).
const TRACE_DIR = arg('trace-dir', null);
const TRACE = process.argv.includes('--trace') || TRACE_DIR != null;
let traced = 0;
const TRACE_CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm',
  'disabled-by-default-v8.compile', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing', 'loading', 'toplevel', 'blink'];

// Lighthouse's mobile throttling (lighthouse-core/config/constants.js, mobileSlow4G).
export const PROFILE = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 }, // the phone of the layout tests, at Lighthouse's 1.75 device pixel ratio
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** A self-signed certificate for 127.0.0.1, made for this run only. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'mobile-timing-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A static server that gzips every response (level 9, cached), like a CDN; HTTP/2 unless http1. */
function serveGzipped(root, http1) {
  root = resolve(root);
  const cache = new Map();
  const handler = async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      let body = cache.get(path);
      if (!body) {
        body = gzipSync(await readFile(path), { level: 9 });
        cache.set(path, body);
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip',
        'content-length': body.length, 'cache-control': 'no-cache', vary: 'accept-encoding' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = http1 ? createServer(handler) : createSecureServer({ ...certificate(), allowHTTP1: false }, handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Runs in the page before any of its scripts: marks the end of the frame that
// paints the first figure. The `spc-first-result` mark (the payout is in the
// DOM) asks for the next animation frame in the same task, and that frame's
// callback queues a user-blocking task, which Chromium runs as soon as the
// frame is painted, ahead of any timer the page queued (a panel drawn after
// the figure is not counted in it, whichever order the page asked for them).
// The script awaits the promise once: no polling, which would be main-thread
// work of its own, 4× slowed.
const PAINT_MARK = () => {
  const mark = performance.mark.bind(performance);
  window.__spcFirstFigurePainted = new Promise((resolve) => {
    performance.mark = (name, options) => {
      const entry = mark(name, options);
      if (name === 'spc-first-result') {
        performance.mark = mark;
        requestAnimationFrame(() => {
          const done = () => resolve(mark('spc-first-figure-painted'));
          if (globalThis.scheduler?.postTask) scheduler.postTask(done, { priority: 'user-blocking' }); else setTimeout(done, 0);
        });
      }
      return entry;
    };
  });
};

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: PROFILE.viewport, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(PAINT_MARK);
  const cdp = await context.newCDPSession(page);
  // The waterfall, from the DevTools Protocol's own clock: when each request
  // was sent, its first byte and last byte arrived, its priority and bytes.
  const net = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!net.has(e.requestId)) net.set(e.requestId, { url: e.request.url, sent: e.timestamp, priority: e.request.initialPriority, initiator: e.initiator?.type });
  });
  cdp.on('Network.responseReceived', (e) => { const r = net.get(e.requestId); if (r) r.headers = e.timestamp; });
  cdp.on('Network.dataReceived', (e) => { const r = net.get(e.requestId); if (r && r.firstByte == null) r.firstByte = e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => { const r = net.get(e.requestId); if (r) { r.done = e.timestamp; r.bytes = e.encodedDataLength; } });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PROFILE.latencyMs,
    downloadThroughput: PROFILE.downloadBytesPerSecond, uploadThroughput: PROFILE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'commit' });
  await page.evaluate(() => Promise.race([window.__spcFirstFigurePainted,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no first figure in 60 s')), 60000))]));
  const m = await page.evaluate(() => {
    const at = performance.getEntriesByName('spc-first-figure-painted')[0].startTime;
    const result = performance.getEntriesByName('spc-first-result')[0].startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    const all = [nav, ...performance.getEntriesByType('resource')];
    const before = all.filter((e) => e.responseEnd <= at);
    const name = (e) => new URL(e.name).pathname;
    return {
      protocol: nav.nextHopProtocol,
      marks: performance.getEntriesByType('mark').map((e) => `${e.name} ${Math.round(e.startTime)}`),
      timeline: all.map((e) => `${name(e)} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms`),
      figureMs: at, resultMs: result,
      requests: before.length,
      gzBytes: before.reduce((s, e) => s + e.encodedBodySize, 0),
      transferBytes: before.reduce((s, e) => s + e.transferSize, 0),
      js: before.filter((e) => /\.m?js$/.test(name(e))).length,
      files: before.map((e) => `${name(e)} ${e.encodedBodySize}`),
      after: all.filter((e) => e.responseEnd > at).map((e) => name(e)),
    };
  });
  // Zero: the document's request (≈ navigation start, the marks' zero).
  const zero = Math.min(...[...net.values()].map((r) => r.sent));
  const ms = (t) => (t == null ? null : Math.round((t - zero) * 1000));
  m.waterfall = [...net.values()].sort((a, b) => a.sent - b.sent).map((r) => ({
    path: new URL(r.url).pathname, sentMs: ms(r.sent), headersMs: ms(r.headers), lastByteMs: ms(r.done), bytes: r.bytes ?? null, priority: r.priority, initiator: r.initiator,
  }));
  if (TRACE) m.trace = summariseTrace(await stopTrace(browser), m);
  await context.close();
  // Let the closed page's renderer go before the next load starts timing (it would share the CPU with it).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return m;
}

/**
 * The trace of one load, summarised: on the page's main thread, the self time
 * of each kind of work (by trace event name) in each phase (up to the .wasm's
 * last byte, to `spc-engine-ready`, to `spc-first-result`, to the painted
 * figure), and the WebAssembly events on every thread. Times in ms from
 * navigation start (aligned on the `spc-first-result` mark).
 */
async function stopTrace(browser) {
  const buffer = await browser.stopTracing();
  if (TRACE_DIR) await writeFile(join(TRACE_DIR, `trace-${++traced}.json`), buffer);
  const { traceEvents } = JSON.parse(buffer.toString('utf8'));
  const names = new Map(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mark = traceEvents.find((e) => e.name === 'spc-first-result' && e.cat.includes('blink.user_timing'));
  if (!mark) return null;
  const main = traceEvents.filter((e) => e.pid === mark.pid && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  return { mainTid: main[0]?.tid, markTs: mark.ts, events: traceEvents, names, pid: mark.pid };
}

function summariseTrace(trace, m) {
  if (!trace) return null;
  const { events, names, pid, markTs } = trace;
  const zeroTs = markTs - m.resultMs * 1000; // µs of navigation start on the trace's clock
  const at = (ts) => (ts - zeroTs) / 1000;
  const wasm = m.waterfall.find((r) => r.path.endsWith('.wasm'));
  const engineReady = Number((m.marks.find((x) => x.startsWith('spc-engine-ready ')) ?? '').split(' ')[1]) || null;
  const phases = [['to the .wasm\'s last byte', wasm?.lastByteMs ?? 0], ['to spc-engine-ready', engineReady ?? m.resultMs], ['to spc-first-result', m.resultMs], ['to the painted figure', m.figureMs]];
  const phaseOf = (t) => phases.findIndex(([, end]) => t <= end);
  // Self time of complete ('X') events on the main thread, nested by time.
  const main = events.filter((e) => e.pid === pid && e.tid === trace.mainTid && e.ph === 'X' && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byPhase = phases.map(() => new Map());
  const stack = [];
  const add = (e, self) => {
    const p = phaseOf(at(e.ts));
    if (p < 0 || self <= 0) return;
    byPhase[p].set(e.name, (byPhase[p].get(e.name) ?? 0) + self / 1000);
  };
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop();
      add(top.e, top.e.dur - top.children);
    }
  };
  for (const e of main) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].children += e.dur;
    stack.push({ e, end: e.ts + e.dur, children: 0 });
  }
  close(Infinity);
  const busy = byPhase.map((map) => [...map.values()].reduce((s, v) => s + v, 0));
  const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, v]) => `${n} ${v.toFixed(0)}`);
  const wasmEvents = events.filter((e) => e.pid === pid && /wasm/i.test(`${e.cat} ${e.name}`) && e.ph === 'X' && at(e.ts) <= m.figureMs)
    .map((e) => `${e.name} @${at(e.ts).toFixed(0)} ${(e.dur / 1000).toFixed(1)} ms (${names.get(`${e.pid}:${e.tid}`) ?? e.tid})`);
  return {
    phases: phases.map(([name, end], i) => ({ phase: name, endMs: Math.round(end), mainThreadBusyMs: Math.round(busy[i]), top: top(byPhase[i]) })),
    wasm: wasmEvents.slice(0, 40),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const roots = BEFORE ? [['before', BEFORE], ['after', ROOT]] : [['', ROOT]];
const servers = await Promise.all(roots.map(([, r]) => serveGzipped(r, HTTP1)));
const urls = servers.map((srv) => `${HTTP1 ? 'http' : 'https'}://127.0.0.1:${srv.address().port}${PATH}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--ignore-certificate-errors'],
});
const runs = roots.map(() => []);
const loadBefore = loadavg()[0];
try {
  for (const url of urls) await coldLoad(browser, url); // warms the servers' gzip caches and the OS file cache; not counted
  for (let i = 0; i < RUNS; i++) {
    // Alternate which page goes first (ABBA…), so neither always follows the other's load.
    const order = [...urls.entries()];
    if (i % 2) order.reverse();
    for (const [k, url] of order) {
      const m = await coldLoad(browser, url);
      runs[k].push(m);
      console.log(`${roots[k][0] ? `${roots[k][0]} ` : ''}run ${i + 1}: first figure ${m.figureMs.toFixed(0)} ms (result in DOM ${m.resultMs.toFixed(0)} ms), ${m.requests} requests, ${m.gzBytes} B gzipped (${m.transferBytes} B transferred), ${m.js} JS files, ${m.protocol}`);
    }
  }
} finally {
  await browser.close();
  for (const srv of servers) srv.close();
}

// The CPU slowdown multiplies this machine's speed: the load on it (other work) shows in the figures.
const machine = { cpus: cpus().length, loadAverage1mBefore: Number(loadBefore.toFixed(2)), loadAverage1mAfter: Number(loadavg()[0].toFixed(2)) };
console.log(`\nmachine: ${machine.cpus} CPUs, 1-minute load average ${machine.loadAverage1mBefore} before, ${machine.loadAverage1mAfter} after`);
if (CPU !== PROFILE.cpuSlowdown) console.log(`NOTE: CPU slowdown ${CPU}×, not the profile's ${PROFILE.cpuSlowdown}× (a diagnosis, not the figure)`);
const summaries = roots.map(([label, root], k) => {
  const list = runs[k];
  const mid = [...list].sort((a, b) => a.figureMs - b.figureMs)[Math.floor((list.length - 1) / 2)];
  return {
    label, root, path: PATH, protocol: mid.protocol, cpuSlowdown: CPU, runs: list.length,
    medianFirstFigureMs: Math.round(median(list.map((r) => r.figureMs))),
    minFirstFigureMs: Math.round(Math.min(...list.map((r) => r.figureMs))),
    maxFirstFigureMs: Math.round(Math.max(...list.map((r) => r.figureMs))),
    medianResultInDomMs: Math.round(median(list.map((r) => r.resultMs))),
    requests: median(list.map((r) => r.requests)),
    jsFiles: median(list.map((r) => r.js)),
    gzBytes: median(list.map((r) => r.gzBytes)),
    timelineOfMedianRun: mid.timeline,
    marksOfMedianRun: mid.marks,
    waterfallOfMedianRun: mid.waterfall,
    traceOfMedianRun: TRACE ? mid.trace : undefined,
    loadedAfterFigure: mid.after,
  };
});
for (const x of summaries) {
  console.log(`\n${x.label ? `${x.label} (${x.root})` : x.root}: median of ${x.runs} cold loads over ${x.protocol}: first figure ${x.medianFirstFigureMs} ms (min ${x.minFirstFigureMs}, max ${x.maxFirstFigureMs}); ${x.requests} requests (${x.jsFiles} JS), ${x.gzBytes} B gzipped before it`);
  console.log(`  median run: ${x.timelineOfMedianRun.join(', ')}`);
  console.log(`  marks: ${x.marksOfMedianRun.join(', ')}`);
  console.log('  waterfall of the median run (ms from navigation start: sent → headers → last byte; bytes on the wire; priority):');
  for (const r of x.waterfallOfMedianRun) {
    console.log(`    ${String(r.sentMs).padStart(5)} → ${String(r.headersMs ?? '–').padStart(5)} → ${String(r.lastByteMs ?? '–').padStart(5)}  ${String(r.bytes ?? '–').padStart(7)} B  ${(r.priority ?? '').padEnd(8)} ${r.path}${r.lastByteMs > x.medianFirstFigureMs ? ' (after the figure)' : ''}`);
  }
  if (x.traceOfMedianRun) {
    console.log('  main thread of the median run (self time, ms, by trace event):');
    for (const p of x.traceOfMedianRun.phases) console.log(`    ${p.phase} (${p.endMs} ms): busy ${p.mainThreadBusyMs} ms — ${p.top.join(', ')}`);
    console.log(`  WebAssembly: ${x.traceOfMedianRun.wasm.join('; ')}`);
  }
  if (x.loadedAfterFigure.length) console.log(`  fetched after the figure: ${x.loadedAfterFigure.join(', ')}`);
}
if (JSON_OUT) await writeFile(JSON_OUT, `${JSON.stringify({ profile: PROFILE, machine, results: summaries }, null, 2)}\n`);
