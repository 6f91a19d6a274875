// Shared set-up for the browser tests: a local static server (optionally with
// a CSP header), Debian's Chromium through playwright-core, a page that fails
// the test on console errors and records every request's host.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

export async function startServer(options = {}) {
  const server = await serve({ root: WWW, port: 0, ...options });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A page that records console errors, page errors and the hosts of all requests. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, locale = 'zh-CN', deviceScaleFactor = 1 } = {}) {
  // Touch on: tests tap as a phone's user does (a desktop mouse still works).
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor, hasTouch: true, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  const log = { errors: [], hosts: new Set(), requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http')) log.hosts.add(u.host);
    log.requests.push(r.url());
  });
  await page.goto(url);
  return { page, context, log };
}

/** Waits until the calculator shows a payout (or an error). */
export async function ready(page, selector = 'savings-plan-calculator') {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el?.shadowRoot?.querySelector('#payout, .error-text, #catalog-error');
  }, selector, { timeout: 20000 });
}

/** Text of an element inside the component's shadow root. */
export function shadowText(page, id, selector = 'savings-plan-calculator') {
  return page.evaluate(([sel, i]) => document.querySelector(sel)?.shadowRoot?.getElementById(i)?.textContent ?? null, [selector, id]);
}
