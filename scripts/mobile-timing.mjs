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
// so both see the same machine load.
//
// The figure's time is the component's `spc-first-result` mark (the payout is
// in the DOM), plus the frame that paints it (next animation frame + task).
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

// Runs in the page before any of its scripts: marks the frame that paints the first figure.
const PAINT_MARK = () => {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((e) => e.name === 'spc-first-result')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => performance.mark('spc-first-figure-painted'), 0));
  }).observe({ type: 'mark', buffered: true });
};

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: PROFILE.viewport, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(PAINT_MARK);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PROFILE.latencyMs,
    downloadThroughput: PROFILE.downloadBytesPerSecond, uploadThroughput: PROFILE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('spc-first-figure-painted').length > 0, null, { timeout: 60000, polling: 50 });
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
  await context.close();
  return m;
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
    for (const [k, url] of urls.entries()) {
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
    loadedAfterFigure: mid.after,
  };
});
for (const x of summaries) {
  console.log(`\n${x.label ? `${x.label} (${x.root})` : x.root}: median of ${x.runs} cold loads over ${x.protocol}: first figure ${x.medianFirstFigureMs} ms (min ${x.minFirstFigureMs}, max ${x.maxFirstFigureMs}); ${x.requests} requests (${x.jsFiles} JS), ${x.gzBytes} B gzipped before it`);
  console.log(`  median run: ${x.timelineOfMedianRun.join(', ')}`);
  console.log(`  marks: ${x.marksOfMedianRun.join(', ')}`);
  if (x.loadedAfterFigure.length) console.log(`  fetched after the figure: ${x.loadedAfterFigure.join(', ')}`);
}
if (JSON_OUT) await writeFile(JSON_OUT, `${JSON.stringify({ profile: PROFILE, machine, results: summaries }, null, 2)}\n`);
