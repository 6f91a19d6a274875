// <savings-plan-calculator>: the calculator as a custom element (CONTRACT.md §7).
// Attributes are the state (catalog, products, lang, mode, plan, today); the
// engine computes every figure. This class keeps the state, reads the
// attributes and fires the events; each panel (www/panels/*.js) draws itself
// from the data it is given: render(slot, data, { t, lang, …callbacks }).
// It never registers itself: savings-plan-calculator.js does.
// Embedding (CONTRACT §8.5): `theme`, `hide`, the `call-to-action` and
// `disclaimer` slots, the parts `headline`, `comparison`, `form`, `quote`;
// the teller view only when the host asks for it; share links that restore
// the scenario inside the host's page (`share-url`).
//
// The first figure comes first: only the modules of the first screen (header,
// plan form, headline, comparison) load with the element; every other panel's
// code loads when that panel is first shown, after the first figure is painted.
import { loadEngine, loadStatementEngine, loadAdviceEngine, WASM_URL } from './engine.js';
import { h } from './dom.js';
import { resolveLang, translator, productName, rateLabel, loadTexts, textsReady } from './i18n.js';
import { normaliseAmount } from './input.js';
import { rateText } from './rate-input.js';
import { quoteNumber, validUntil, validDays } from './quote-meta.js';
import { warmFormats } from './format.js';
import { clearFieldErrors, showFieldError, planFieldId, errorText, fieldLabel } from './panels/field.js';
import { fold, openFold, details } from './panels/fold.js';
import * as header from './panels/header.js';
import * as notices from './panels/notices.js';
import * as planForm from './panels/plan-form.js';
import * as headline from './panels/headline.js';
import * as comparison from './panels/comparison.js';

const MODES = ['saver', 'teller', 'compact'];
const THEMES = ['light', 'dark', 'auto'];
/** What `hide` can leave out (CONTRACT §8.5, plus `title`: the component's own heading). */
export const HIDEABLE = ['language', 'view', 'share', 'teller', 'configurator', 'chart', 'advice', 'what-if', 'solve', 'explain', 'schedule', 'statement', 'csv', 'title'];
/** The panels below the comparison, by the `hide` token that leaves each out. */
const PANELS = [['chart', 'chart'], ['advice', 'advice'], ['whatIf', 'what-if'], ['solve', 'solve'], ['explain', 'explain'], ['schedule', 'schedule'], ['config', 'configurator'], ['statement', 'statement']];
/** `share-url` → `shareUrl`: the property of an attribute. */
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
// Start fetching and compiling the engine while the page is still parsing.
const engineReady = globalThis.document ? loadEngine() : null;
engineReady?.catch(() => {}); // a failure is shown by each instance (see #load)
const HTMLElementBase = globalThis.HTMLElement ?? class {};

// Modules loaded when first needed, once for every instance on the page.
const LATER = {
  chart: () => import('./panels/chart.js'),
  advice: () => import('./panels/advice.js'),
  whatIf: () => import('./panels/what-if.js'),
  solve: () => import('./panels/solve.js'),
  explain: () => import('./panels/explain.js'),
  schedule: () => import('./panels/schedule.js'),
  config: () => import('./panels/configurator.js'),
  quote: () => import('./panels/quote.js'),
  quoteCompare: () => import('./quote-compare.js'),
  printQuote: () => import('./print-quote.js'),
  disclosure: () => import('./panels/disclosure.js'),
  csv: () => import('./csv.js'),
  statementShell: () => import('./panels/statement-shell.js'),
  urlState: () => import('./url-state.js'),
};
const modules = {};
const pending = {};
function later(name) {
  pending[name] ??= LATER[name]().then((m) => { modules[name] = m; return m; });
  return pending[name];
}

// The long sections: folded by default where the component is phone-wide.
const FOLDS = {
  chart: { id: 'balance', className: 'chart-section', title: 'chartHeading' },
  whatIf: { id: 'whatif', className: 'whatif', title: 'whatIfHeading' },
  explain: { id: 'explain', className: 'explain-section', title: 'explainHeading' },
  schedule: { id: 'schedule', className: 'schedule', title: 'scheduleHeading' },
};
const PHONE_WIDTH = 640; // px of the component, not of the viewport (40em at the component's 16px)
const ANNOUNCE_DELAY = 300; // ms: one announcement when typing pauses, not one per keystroke

function localToday() {
  const now = new Date();
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
/** Runs fn once the frame being prepared has been painted (a task after the next animation frame). */
const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
const isIsoDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export class SavingsPlanCalculatorElement extends HTMLElementBase {
  static observedAttributes = ['catalog', 'products', 'lang', 'mode', 'plan', 'today', 'theme', 'hide', 'share-url', 'url-state', 'issuer', 'quote-valid-days', 'variants', 'currencies'];

  /** Registers the element; a host may rename the tag or use a scoped registry. */
  static define(tag = 'savings-plan-calculator', registry = globalThis.customElements) {
    try {
      registry.define(tag, this);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'NotSupportedError')) throw e;
    }
    return this;
  }

  #engine = null;
  #mount = null;
  #products = [];       // the catalog as edited here
  #pristine = new Map(); // id → the product as loaded, for "undo my changes"
  #chosen = null;
  #plan = null;
  #target = '';
  #booted = false;
  #loadToken = 0;
  #pending = false;
  #lastDigest = '';
  #entries = [];
  #catalogError = null;
  #catalogProblems = []; // [{ index, id, problems: [{ code, path, message }] }]: products left out of the catalog
  #catalogData = null;   // the catalog given as data (property catalogData, or products as objects)
  #linkNotice = null;    // { kept: [part…] } after a share link that could not be read whole
  #problems = [];
  #planError = null;     // the main result's error, shown at its field
  #hostMode = null;      // the view the host asked for; only the host can ask for the teller's
  #settingMode = false;  // true while the component itself (view switcher, link) sets `mode`
  #linkRead = false;
  #builtIn = false;      // the built-in example catalog is in use (its quote says the rates are examples)
  // The products chosen to compare with the quoted one: ids of catalog
  // products and of the quoted product's derived variants (`<id>#renew`,
  // `#protected`, `#daily`). One state field for the screen and the paper:
  // the comparison's picker writes it (issue 9), the on-screen comparison
  // and the printed teller's quote (issue 11) both read it, so once the
  // teller picks, what the screen compares is what prints. Until someone
  // picks (#comparePicked false) the screen compares every candidate
  // (#candidates) and the quote only what the host listed after the first
  // id in `products` (#hostCompareIds; none: the quoted product alone), so
  // that an unchosen quote stays one A4 page. A share link carries it only
  // once picked.
  #compareIds = [];
  #comparePicked = false;
  #hostCompareIds = [];
  #pickOpen = false;     // the picker's disclosure, kept across re-renders
  #customer = '';        // the customer's name as the teller typed it: in memory only, never stored or sent
  #quoteNumber = '';
  #quoteKey = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  // Properties mirror attributes (CONTRACT §7, §8.5); rich data may be given as objects.
  get catalog() { return this.getAttribute('catalog') ?? ''; }
  set catalog(v) { this.#setOrRemove('catalog', v); }
  /** The catalog as data: an array of product definitions (or its JSON text); wins over `catalog`. */
  get catalogData() { return this.#catalogData; }
  set catalogData(v) {
    this.#catalogData = v ?? null;
    if (this.#engine) this.#load();
  }
  /** Ids to show, first = chosen. Also accepts an array of ids, or of product definitions (which become catalogData). */
  get products() { return this.getAttribute('products') ?? ''; }
  set products(v) {
    if (Array.isArray(v) && v.some((p) => p && typeof p === 'object')) {
      this.#catalogData = v.filter((p) => p && typeof p === 'object');
      const ids = v.map((p) => (p && typeof p === 'object' ? p.id : p)).filter((id) => typeof id === 'string').join(' ');
      if (this.getAttribute('products') !== ids) { this.setAttribute('products', ids); return; }
      if (this.#engine) this.#load();
      return;
    }
    this.#setOrRemove('products', Array.isArray(v) ? v.join(' ') : v);
  }
  /** The view shown: the teller's only when the host asked for it (mode="teller" set by the page, not by a link or the switcher). */
  get mode() {
    const m = this.getAttribute('mode');
    if (m === 'teller' && !this.#tellerAllowed) return 'saver';
    return MODES.includes(m) ? m : 'saver';
  }
  set mode(v) { this.#setOrRemove('mode', v); }
  get plan() { try { return JSON.parse(this.getAttribute('plan')); } catch { return null; } }
  set plan(v) { if (v == null) this.removeAttribute('plan'); else this.setAttribute('plan', typeof v === 'string' ? v : JSON.stringify(v)); }
  get today() { const t = this.getAttribute('today'); return isIsoDate(t) ? t : localToday(); }
  set today(v) { this.#setOrRemove('today', v); }
  /** The bank's name as printed on a quote (CONTRACT §8.5). */
  get issuer() { return (this.getAttribute('issuer') ?? '').trim(); }
  set issuer(v) { this.#setOrRemove('issuer', v); }
  /** Days a printed quote holds: a whole number from 1 to 365, default 7. */
  get quoteValidDays() { return validDays(this.getAttribute('quote-valid-days')); }
  set quoteValidDays(v) { this.#setOrRemove('quote-valid-days', v); }
  /** `light` (default) | `dark` | `auto` (follows the operating system). Pure CSS: no re-render. */
  get theme() { const t = this.getAttribute('theme'); return THEMES.includes(t) ? t : 'light'; }
  set theme(v) { this.#setOrRemove('theme', v); }
  /** Space-separated parts to leave out (HIDEABLE); the property also accepts an array. */
  get hide() { return this.getAttribute('hide') ?? ''; }
  set hide(v) { this.#setOrRemove('hide', Array.isArray(v) ? v.join(' ') : v); }
  /** The base URL of share links (default: the page's own address). */
  get shareUrl() { return this.getAttribute('share-url') ?? ''; }
  set shareUrl(v) { this.#setOrRemove('share-url', v); }
  /** Keep the scenario in the page's address bar. */
  get urlState() { return this.hasAttribute('url-state'); }
  set urlState(v) { this.toggleAttribute('url-state', Boolean(v)); }
  /** `auto` (default): derive the quoted product's variants (auto-renew, value-protected, daily product) | `none`. */
  get variants() { return this.getAttribute('variants') === 'none' ? 'none' : 'auto'; }
  set variants(v) { this.#setOrRemove('variants', v); }
  /** `quoted` (default): only products in the quoted product's currency | `all` (others shown apart, never ranked). */
  get currencies() { return this.getAttribute('currencies') === 'all' ? 'all' : 'quoted'; }
  set currencies(v) { this.#setOrRemove('currencies', v); }

  #setOrRemove(name, v) {
    if (v == null || v === false) this.removeAttribute(name); else this.setAttribute(name, String(v));
  }

  /** The parts the host left out. */
  get #hidden() {
    return new Set((this.getAttribute('hide') ?? '').split(/\s+/).filter((x) => HIDEABLE.includes(x)));
  }

  get #tellerAllowed() {
    return this.#hostMode === 'teller' && !this.#hidden.has('teller');
  }

  /** The views the switcher offers: the teller's only where the host asked for it. */
  get #modes() {
    return this.#tellerAllowed ? MODES : MODES.filter((m) => m !== 'teller');
  }

  /** The component's own change of view (the switcher): not a host's request. */
  #setMode(m) {
    if (!this.#modes.includes(m)) return;
    this.#settingMode = true;
    try { this.setAttribute('mode', m); } finally { this.#settingMode = false; }
  }
  get language() {
    return resolveLang(this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  connectedCallback() {
    addEventListener('beforeprint', this.#beforePrint);
    if (this.#booted) return;
    this.#booted = true;
    // Properties a host set before this element was defined are own data
    // properties shadowing the setters: pass them through the setters (every
    // attribute's property, and the data-only catalogData).
    for (const name of ['catalogData', ...this.constructor.observedAttributes.map(camel)]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    performance.mark('spc-connected');
    // The component's width decides the folds (phone-wide: folded). Read it
    // when the browser lays out the loading shell anyway, not by forcing a
    // layout of the whole page when the first result is drawn.
    if (!this.#width && globalThis.ResizeObserver) {
      const observer = new ResizeObserver((entries) => {
        const width = entries.at(-1)?.borderBoxSize?.[0]?.inlineSize ?? entries.at(-1)?.contentRect.width ?? 0;
        if (width > 0) { this.#width = width; observer.disconnect(); }
      });
      observer.observe(this);
    }
    const css = h('link', { rel: 'stylesheet', href: new URL('./savings-plan-calculator.css', import.meta.url).href });
    // The stylesheet stays put; renders replace only the content beside it.
    this.#mount = h('div', { class: 'mount' }, h('div', { class: 'spc', 'aria-busy': 'true' }, h('p', { class: 'loading' }, translator(this.language)('loading'))));
    this.shadowRoot.replaceChildren(css, this.#mount);
    this.#load();
  }

  disconnectedCallback() {
    removeEventListener('beforeprint', this.#beforePrint);
    modules.printQuote?.offerQuote(this, false);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'mode' && !this.#settingMode) this.#hostMode = newValue;
    if (oldValue === newValue || !this.#engine) return;
    if (name === 'theme' || name === 'share-url' || name === 'url-state') return; // read where used; the theme is CSS
    if (name === 'catalog' || name === 'products') { this.#load(); return; }
    if (name === 'plan') this.#applyPlanAttribute();
    // Every attribute but the catalog's changes what the form shows: re-render (once per frame).
    this.#schedule();
  }

  // At most one update per frame, whatever the burst of attribute changes.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      this.#render();
    });
  }

  async #load() {
    const token = ++this.#loadToken;
    // Engine, texts, catalog and link reader all arrive at once; the header
    // is drawn as soon as the texts are here, while the engine still downloads.
    const linked = !this.#linkRead && /[?&]s=/.test(location.search);
    // The link reader only when the address holds a link; `url-state` writes the address later.
    const urlState = linked ? later('urlState').catch(() => null) : null;
    const catalogText = this.#catalogData == null && this.catalog ? this.#fetchCatalog(this.catalog) : null;
    const texts = loadTexts(this.language).then(() => { if (!this.#engine && token === this.#loadToken) this.#renderShell(); });
    try {
      // The load started with the module, or a new try after a failure.
      const [engine] = await Promise.all([loadEngine(), texts, urlState]);
      this.#engine ??= engine;
      performance.mark('spc-engine-ready');
    } catch (e) {
      if (token !== this.#loadToken) return;
      await loadTexts(this.language).catch(() => {});
      this.#fail({ code: 'LOAD_FAILED', path: 'engine', kind: 'engine', url: WASM_URL, reason: String(e?.message ?? e) });
      return;
    }
    this.#catalogError = null;
    this.#catalogProblems = [];
    let list;
    if (this.#catalogData != null) {
      list = this.#acceptCatalog(this.#catalogData);
    } else if (catalogText) {
      const got = await catalogText;
      if (token !== this.#loadToken) return;
      if (got.ok) list = this.#acceptCatalog(got.text);
      else this.#catalogError = { code: 'LOAD_FAILED', path: 'catalog', kind: 'catalog', url: got.href, reason: got.reason };
    } else {
      list = this.#engine.catalog();
    }
    this.#builtIn = !this.catalog && !this.#catalogData;
    if (!list) { this.#products = []; this.#render(); this.#emitNotices(); return; }
    const wanted = this.products.split(/\s+/).filter(Boolean);
    const chosen = [];
    for (const id of wanted) {
      const p = list.find((x) => x.id === id);
      if (p) chosen.push(p);
      else this.#catalogProblems.push({ id, problems: [{ code: 'INVALID_VALUE', path: 'products', message: `no product with the id "${id}" in the catalog`, unknown: true }] });
    }
    this.#products = JSON.parse(JSON.stringify(wanted.length ? chosen : list));
    this.#pristine = new Map(this.#products.map((p) => [p.id, structuredClone(p)]));
    this.#chosen = this.#products[0]?.id ?? null;
    this.#compareIds = [];
    this.#comparePicked = false;
    this.#hostCompareIds = wanted.slice(1);
    this.#plan = null;
    if (!this.#linkRead) {
      this.#linkRead = true;
      const reader = linked ? await urlState : null;
      if (reader) this.#applyLinkState(reader);
    }
    this.#applyPlanAttribute();
    this.#render();
    this.#emitNotices();
  }

  /** The catalog's text, fetched while the engine loads: { ok, text } or { ok: false, href, reason }. */
  async #fetchCatalog(url) {
    const href = new URL(url, document.baseURI).href;
    try {
      const res = await fetch(href, { credentials: 'omit' });
      if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      return { ok: true, text: await res.text() };
    } catch (e) {
      return { ok: false, href, reason: String(e?.message ?? e) };
    }
  }

  /**
   * Parses (when text) and validates a catalog. Every invalid product is
   * reported with all its problems and left out; the valid ones are kept.
   * Two products with one id: the second is left out (a link or `products`
   * could not tell them apart).
   */
  #acceptCatalog(data) {
    let list = data;
    if (typeof data === 'string') {
      try { list = JSON.parse(data); } catch {
        this.#catalogError = { code: 'INVALID_TYPE', path: 'catalog', kind: 'format', reason: 'catalogNotJson' };
        return null;
      }
    }
    if (!Array.isArray(list)) {
      this.#catalogError = { code: 'INVALID_TYPE', path: 'catalog', kind: 'format', reason: 'catalogNotArray' };
      return null;
    }
    const good = [];
    const seen = new Set();
    list.forEach((p, index) => {
      const r = this.#engine.validateProduct(p);
      const problems = r.ok ? [...r.value] : [r.error];
      if (!problems.length && seen.has(p.id)) {
        problems.push({ code: 'INVALID_VALUE', path: 'product.id', message: `another product of the catalog has the id "${p.id}"` });
      }
      if (problems.length) {
        this.#catalogProblems.push({ index, id: typeof p?.id === 'string' ? p.id : null, problems });
        return;
      }
      seen.add(p.id);
      good.push(p);
    });
    return good;
  }

  /** The catalog's problems as events (once per load): one per problem, at its catalog path. */
  #emitNotices() {
    if (this.#catalogError) this.#emitError(this.#noticeError(this.#catalogError));
    for (const entry of this.#catalogProblems) {
      for (const p of entry.problems) {
        const path = entry.index == null ? p.path : `catalog[${entry.index}]${p.path.replace(/^product/, '')}`;
        const who = entry.index == null ? '' : `product ${entry.index + 1} (${entry.id ?? '?'}): `;
        this.#emitError({ code: p.code, path, message: `${who}${p.message}` });
      }
    }
  }

  /** A fatal notice as { code, path, message } (English, for the host's console or logs). */
  #noticeError(n) {
    const t = translator('en');
    const message = n.kind === 'format' ? t('catalogError', { message: t(n.reason) })
      : n.kind === 'engine' ? `${t('engineError')} ${n.url}: ${n.reason}`
        : `${t('catalogUnreachable', { url: n.url })} ${n.reason}`;
    return { code: n.code, path: n.path, message };
  }

  /**
   * A scenario from a share link (`?s=` in the page's address): applied once,
   * by the instance it names (its id; a link without one, by every instance).
   * A link cannot open the teller's view, nor carry a teller's rate, unless
   * the host asked for the teller's view; it cannot change a product where
   * the host hid the configurator. Each part is taken on its own, so a link
   * cut short or edited keeps every part that can still be read; the notice
   * says which parts were restored when it was not whole.
   */
  #applyLinkState(urlState) {
    const decoded = urlState.readLink(location.href);
    if (!decoded) return;
    const { state: st, complete } = decoded;
    if (st.id != null && st.id !== this.id) return;
    const teller = this.#tellerAllowed;
    const kept = [];
    const isText = (v) => typeof v === 'string';
    if (st.product && typeof st.product === 'object' && isText(st.product.id) && !this.#hidden.has('configurator')) {
      const r = this.#engine.validateProduct(st.product);
      if (r.ok && r.value.length === 0) {
        const i = this.#products.findIndex((p) => p.id === st.product.id);
        if (i >= 0) this.#products[i] = st.product; else this.#products.unshift(st.product);
        kept.push('product');
      }
    }
    if (isText(st.chosen) && this.#products.some((p) => p.id === st.chosen)) { this.#chosen = st.chosen; kept.push('chosen'); }
    if (st.plan && typeof st.plan === 'object' && !Array.isArray(st.plan)) {
      const plan = this.#defaultPlan();
      const ok = {
        start: isText, installment: isText, withdrawOn: (v) => v === null || isText(v), rate: (v) => v === null || (teller && isText(v)),
        inflation: (v) => v === null || isText(v), months: (v) => Number.isInteger(v) && v > 0,
        category: (v) => v === null || isText(v), noPan: (v) => typeof v === 'boolean', exemptionForm: (v) => typeof v === 'boolean',
        events: (v) => Array.isArray(v) && v.every((e) => e && typeof e === 'object' && Number.isInteger(e.n)),
      };
      for (const [key, valid] of Object.entries(ok)) {
        if (key in st.plan && valid(st.plan[key])) { plan[key] = st.plan[key]; kept.push(key); }
      }
      this.#plan = plan;
    }
    if (isText(st.target)) { this.#target = st.target; kept.push('target'); }
    if (Array.isArray(st.compare) && st.compare.every(isText)) {
      this.#compareIds = st.compare;
      this.#comparePicked = true;
      kept.push('compare');
    }
    if (isText(st.lang) && !this.hasAttribute('lang')) { this.setAttribute('lang', resolveLang(st.lang)); kept.push('lang'); }
    if (MODES.includes(st.mode) && st.mode !== 'teller' && !this.hasAttribute('mode')) { this.#setMode(st.mode); kept.push('mode'); }
    this.#linkNotice = complete ? null : { kept };
  }

  #applyPlanAttribute() {
    const p = this.plan;
    if (p && typeof p === 'object') this.#plan = { ...this.#defaultPlan(), ...p };
    if (this.#plan && !Array.isArray(this.#plan.events)) this.#plan.events = [];
  }

  get #product() {
    return this.#products.find((p) => p.id === this.#chosen) ?? this.#products[0] ?? null;
  }

  #defaultPlan(product = this.#product) {
    const terms = (Array.isArray(product?.terms) ? product.terms : []).map((x) => x.months);
    const months = terms.includes(12) ? 12 : terms[0] ?? 12;
    let installment = '1000';
    const { min, max } = product?.installment ?? {};
    if (max != null && Number(max) < 1000) installment = String(max);
    if (min != null && Number(min) > 1000) installment = String(min);
    return { start: this.today, months, installment, rate: null, events: [], withdrawOn: null, inflation: null };
  }

  #fail(error) {
    this.#catalogError = error;
    this.#catalogProblems = [];
    this.#products = [];
    this.#render();
    this.#emitNotices();
  }

  // ---------- rendering: the panels, each in its own slot ----------

  #ui = {};
  #folds = null;        // fold name → open?
  #width = 0;           // the component's width as first laid out (ResizeObserver), 0 until then
  #configOpen = false;
  #configStatus = null;
  #explainIndex = 0;
  #firstResult = false;
  #detailsFor = null;
  #detailsPending = false;
  #dues = null; // { key, due: [iso…], maturityDate }: the engine's due dates of the plan paid on time

  /** What every panel's render gets besides its data. */
  #opts(extra) {
    return { t: translator(this.language), lang: this.language, ...extra };
  }

  #render() {
    const lang = this.language;
    if (!textsReady(lang)) { loadTexts(lang).then(() => this.#render()); return; }
    performance.mark('spc-render');
    const mode = this.mode;
    const t = translator(lang);
    const focusId = this.shadowRoot.activeElement?.id;
    const product = this.#product;
    const hidden = this.#hidden;
    const slot = (name, part) => h('div', { class: `slot slot-${name}`, part });
    const root = h('div', { class: 'spc', 'data-mode': mode, 'data-hide': [...hidden].join(' ') || null, lang });
    const ui = this.#ui = { live: h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'live' }), folds: {} };
    root.append(ui.live);

    ui.header = slot('header');
    header.render(ui.header, { lang, mode, modes: this.#modes, hide: hidden }, this.#opts({
      onLang: (l) => this.setAttribute('lang', l),
      onMode: (m) => this.#setMode(m),
      onShare: () => this.#share(),
    }));
    ui.notices = slot('notices');
    notices.render(ui.notices, { error: this.#catalogError, problems: this.#catalogProblems, link: this.#linkNotice }, this.#opts({
      onRetry: () => this.#load(),
    }));
    root.append(ui.header, ui.notices);
    if (!product) {
      this.#mount.replaceChildren(root);
      return;
    }
    this.#plan ??= this.#defaultPlan(product);
    // The teller's quote prints alone: print-quote.js (teller code) is loaded in teller mode only.
    if (mode === 'teller') later('printQuote').then((m) => m.offerQuote(this, this.mode === 'teller'));
    else modules.printQuote?.offerQuote(this, false);
    // Long sections start folded where the component is phone-wide (its own width, not the screen's).
    if (!this.#folds) {
      const width = this.#width || this.getBoundingClientRect().width;
      const open = !(width > 0 && width < PHONE_WIDTH);
      this.#folds = Object.fromEntries(Object.keys(FOLDS).map((k) => [k, open]));
    }

    ui.quote = slot('quote', 'quote');
    ui.headline = slot('headline', 'headline');
    ui.plan = slot('plan', 'form');
    ui.compare = slot('compare', 'comparison');
    // The answer first: on a phone the headline is on the first screen, above the form.
    // The host's own content: a call to action under the headline, a disclaimer under the results.
    root.append(ui.quote,
      h('div', { class: 'top' }, h('div', { class: 'result' }, ui.headline, h('slot', { name: 'call-to-action' })), ui.plan),
      ui.compare, h('slot', { name: 'disclaimer' }));
    if (mode !== 'compact') {
      for (const [name, token] of PANELS) {
        if (hidden.has(token)) continue;
        const outer = slot(name);
        root.append(outer);
        ui.folds[name] = outer;
        if (FOLDS[name]) {
          const f = FOLDS[name];
          ui[name] = fold(outer, { ...f, title: t(f.title), open: this.#folds[name], onToggle: (open) => {
            this.#folds[name] = open;
            if (open) this.#draw(name);
          } });
        } else if (name === 'config') {
          ui.config = details(outer, { id: 'config', className: 'config', title: t('configHeading'), open: this.#configOpen, onToggle: (open) => {
            this.#configOpen = open;
            if (open) this.#draw('config');
          } });
        } else {
          ui[name] = outer;
        }
      }
    }
    ui.disclosure = slot('disclosure');
    root.append(ui.disclosure);
    // Outside the teller's view there is no quote, only its `quote-header` slot
    // (the component has the same slots in every view; nothing of it shows).
    if (mode !== 'teller') ui.quote.append(h('article', { class: 'quote-doc', id: 'quote-doc' }, h('slot', { name: 'quote-header' })));
    this.#renderPlanForm();
    this.#mount.replaceChildren(root);
    // The statement view's folded summary: after the first figure (it is below the first screen).
    if (ui.statement) {
      if (this.#firstResult) this.#renderStatement(); else afterPaint(() => { if (this.#ui.statement === ui.statement) this.#renderStatement(); });
    }
    this.#compute();
    if (focusId) this.shadowRoot.getElementById(focusId)?.focus({ preventScroll: true });
  }

  /** Before the engine has arrived: the header and a loading line (drawn while the .wasm still downloads). */
  #renderShell() {
    const lang = this.language;
    const mode = this.mode;
    const head = h('div', { class: 'slot slot-header' });
    header.render(head, { lang, mode, modes: this.#modes, hide: this.#hidden }, this.#opts({
      onLang: (l) => this.setAttribute('lang', l),
      onMode: (m) => this.#setMode(m),
      onShare: () => {},
    }));
    this.#mount.replaceChildren(h('div', { class: 'spc', 'data-mode': mode, 'data-hide': [...this.#hidden].join(' ') || null, lang, 'aria-busy': 'true' },
      head, h('p', { class: 'loading' }, translator(lang)('loading'))));
    // The number and date formats the first figure will use take a while to
    // set up the first time: do it now, while the engine is still on its way.
    warmFormats(lang, this.today);
  }

  #renderPlanForm() {
    planForm.render(this.#ui.plan, { product: this.#product, products: this.#products, plan: this.#plan, mode: this.mode }, this.#opts({
      onProduct: (id) => this.#chooseProduct(id),
      onInput: (name, value) => this.#planInput(name, value),
    }));
  }

  /**
   * A plan field as typed: read as people type numbers ("1,000", "１０００",
   * "1万", "1.1%"), into the plan, then recompute (or re-render where the
   * form itself changes).
   */
  #planInput(name, value) {
    const plan = this.#plan;
    if (name === 'installment') plan.installment = normaliseAmount(value, this.language);
    else if (name === 'rate') plan.rate = rateText(value);
    else if (name === 'inflation') plan.inflation = rateText(value);
    else if (name === 'start') { plan.start = value; plan.events = []; }
    else if (name === 'category') plan.category = value || null;
    else if (name === 'noPan' || name === 'exemptionForm') plan[name] = value === true;
    else if (name === 'months') { plan.months = Number(value); plan.events = []; this.#render(); return; }
    this.#compute();
    if (name === 'start') this.#draw('whatIf');
  }

  #chooseProduct(id) {
    const before = this.#chosen;
    this.#chosen = id;
    // A picked set follows the new quoted product: its variants for the old one's, the old one for the new.
    if (this.#comparePicked) {
      this.#compareIds = this.#compareIds.map((x) => (x === id ? before : x.startsWith(`${before}#`) ? `${id}${x.slice(before.length)}` : x));
    }
    this.#explainIndex = 0;
    const product = this.#product;
    const terms = (product.terms ?? []).map((x) => x.months);
    if (!terms.includes(Number(this.#plan.months))) {
      this.#plan.months = terms.includes(12) ? 12 : terms[0];
      this.#plan.events = [];
    }
    this.#customerFor(product);
    this.#render();
  }

  #setWithdraw(value) {
    this.#plan.withdrawOn = value;
    this.#compute();
    this.#draw('whatIf');
  }

  /** Installment n: on time → missed → paid late (on the next due date) → on time. */
  #cycle(n) {
    const plan = this.#plan;
    const months = Number(plan.months);
    const canMakeUp = this.#product?.missed?.makeUpWithinMonths !== 0 && n < months;
    const ev = plan.events.find((e) => e.n === n);
    const status = ev?.missed ? 'missed' : ev?.paidOn ? 'late' : 'paid';
    const nextDue = this.#dues?.due[n];
    const events = plan.events.filter((e) => e.n !== n);
    if (status === 'paid') events.push({ n, missed: true });
    else if (status === 'missed' && canMakeUp && nextDue) events.push({ n, paidOn: nextDue });
    events.sort((a, b) => a.n - b.n);
    plan.events = events;
    this.#compute();
    this.#draw('whatIf');
  }

  // ---------- computing ----------

  /**
   * What can be compared with the quoted product, quoted first: its derived
   * variants (`variants="auto"`, marked `variantOf` so the engine prices
   * them at the teller's rate too), then the other products of the catalog,
   * those in another currency only with `currencies="all"`. Each
   * { label, product, chosen, variant, group, pick } (`pick`: the picker's words).
   */
  #candidates(product) {
    const t = translator(this.language);
    const lang = this.language;
    const name = productName(product, lang);
    const list = [{ label: `${name} — ${t('variant_standard')}`, product, chosen: true }];
    // A variant the engine would refuse (e.g. auto-renewal of a product with TDS by financial year) is not offered.
    const variant = (key, derived) => {
      const v = { ...product, ...derived, variantOf: product.id };
      const check = this.#engine?.validateProduct(v);
      if (check && !(check.ok && check.value.length === 0)) return;
      list.push({ label: `${name} — ${t(key)}`, pick: t(key), group: 'variant', variant: true, product: v });
    };
    if (this.variants === 'auto') {
      if (product.maturity?.action !== 'renew') {
        variant('variant_renew', { id: `${product.id}#renew`, maturity: { action: 'renew', renew: { months: 12, times: 1 } } });
      }
      if (!product.valueProtection) {
        // The plan's inflation when given; else 2.0, which the engine states as the product's assumption (never best).
        const inflation = this.#plan.inflation && /^\d+(\.\d+)?$/.test(this.#plan.inflation) ? this.#plan.inflation : '2.0';
        variant('variant_protected', { id: `${product.id}#protected`, valueProtection: { inflation } });
      }
      if ((product.interest?.method ?? 'monthlyProduct') === 'monthlyProduct') {
        variant('variant_daily', { id: `${product.id}#daily`, interest: { method: 'dailyProduct', dayCount: 'ACT/360' } });
      }
    }
    const all = this.currencies === 'all';
    for (const p of this.#products) {
      if (p.id === product.id) continue;
      const foreign = p.currency !== product.currency;
      if (foreign && !all) continue;
      const label = productName(p, lang);
      list.push({ label, product: p, group: foreign ? 'foreign' : 'product', pick: foreign ? `${label} (${p.currency})` : label });
    }
    return list;
  }

  /** The quoted product and the candidates chosen to compare (#compareIds), in the candidates' order. */
  #compareSet(product) {
    const all = this.#candidates(product);
    if (!this.#comparePicked) this.#compareIds = all.slice(1).map((c) => c.product.id);
    const chosen = new Set(this.#compareIds);
    return { all, shown: [all[0], ...all.slice(1).filter((c) => chosen.has(c.product.id))] };
  }

  /** The picker's change: what to compare from now on (also what the teller's quote prints). */
  #pick(ids) {
    this.#compareIds = ids;
    this.#comparePicked = true;
    this.#compute();
  }

  /** "Enter your own": to the plan's inflation field. */
  #goToInflation() {
    const input = this.shadowRoot.getElementById('inflation');
    input?.scrollIntoView?.({ block: 'center' });
    input?.focus({ preventScroll: true });
  }

  #planForEngine() {
    const p = this.#plan;
    return { start: p.start, months: Number(p.months), installment: p.installment, rate: p.rate ?? null,
      events: p.events, withdrawOn: p.withdrawOn ?? null, inflation: p.inflation ?? null,
      // The customer only when there is one to state (plans without stay as they were).
      ...(p.category ? { category: p.category } : {}), ...(p.noPan ? { noPan: true } : {}), ...(p.exemptionForm ? { exemptionForm: true } : {}) };
  }

  /**
   * The customer as the product can price it: a category the newly chosen
   * product does not list is dropped (the form offers the chosen product's
   * categories only; the engine refuses another at plan.category), and PAN
   * and Form 15G/15H only matter to a product with TDS. In a comparison a
   * product that does not list the plan's category is an error entry, as
   * the engine rules (README, "Product definition").
   */
  #customerFor(product) {
    const plan = this.#plan;
    if (plan.category && !(product.categories ?? []).some((c) => c.id === plan.category)) plan.category = null;
    if (!product.withholding) { plan.noPan = false; plan.exemptionForm = false; }
  }

  /**
   * The due dates of the plan paid on time, from the engine's schedule: the
   * main result's when it is that plan, else the engine's schedule of the
   * same dates and term (at the plan's amount, or the product's minimum while
   * the amount is being typed). Kept while product, start and term stay.
   */
  #dueDates(main) {
    const product = this.#product;
    const plan = this.#planForEngine();
    const key = JSON.stringify([product, plan.start, plan.months]);
    if (this.#dues?.key === key) return this.#dues;
    let r = main && !plan.events.length && !plan.withdrawOn ? main : null;
    for (const installment of [plan.installment, product.installment?.min ?? '5']) {
      if (r) break;
      const x = this.#engine.calculate(product, { ...plan, installment, rate: null, events: [], withdrawOn: null, inflation: null });
      if (x.ok) r = x.value;
    }
    if (!r) return null;
    this.#dues = { key, due: r.schedule.map((row) => row.due), maturityDate: r.maturityDate };
    return this.#dues;
  }

  #compute() {
    const ui = this.#ui;
    const product = this.#product;
    if (!product || !ui.compare) return;
    performance.mark('spc-compute-start');
    const opts = this.#opts();

    // The product itself first: its problems go to the configurator.
    const check = this.#engine.validateProduct(product);
    this.#problems = check.ok ? check.value : [check.error];
    const plan = this.#planForEngine();
    for (const name of ['plan', 'whatIf', 'solve']) if (ui[name]) clearFieldErrors(ui[name]);
    this.#planError = null;
    if (this.#problems.length) {
      headline.render(ui.headline, { product, problems: this.#problems }, opts);
      comparison.render(ui.compare, { ...this.#compareData(product), entries: [] }, this.#compareOpts());
      this.#announce(opts.t('fixProduct'));
      this.#emitError(this.#problems[0]);
      // A saver must see what to fix: the product settings open.
      if (ui.config && !this.#configOpen) {
        this.#configOpen = true;
        ui.config.parentElement.open = true;
      }
      this.#draw('config');
      return;
    }
    if (this.#configOpen) this.#draw('config');

    if (!this.#firstResult && this.#firstFigure(product, plan)) return;
    const { all, shown } = this.#compareSet(product);
    const out = this.#engine.compare(shown.map((v) => v.product), plan);
    // The engine decides what is comparable and best (CONTRACT §8.1); the derived variants carry variantOf.
    const results = out.ok ? out.value.entries : shown.map(() => ({ error: out.error }));
    this.#comparison = out.ok ? out.value : null;
    this.#entries = shown.map((v, i) => ({ index: i, id: v.product.id, product: v.product, label: v.label, chosen: v.chosen, variant: Boolean(v.variant), foreign: v.group === 'foreign',
      result: results[i]?.error ? null : results[i], error: results[i]?.error ?? null }));
    this.#candidateList = all;
    const main = this.#entries[0];

    headline.render(ui.headline, { product, plan, result: main.result, error: main.error, exceptions: plan.events.length > 0 },
      this.#opts({ onHow: ui.folds.explain ? () => this.#showExplain() : null }));
    if (main.error) {
      this.#planError = main.error;
      this.#showPlanError();
      this.#emitError(main.error);
    } else {
      this.#announce(headline.announcement({ product, result: main.result }, opts));
    }
    comparison.render(ui.compare, this.#compareData(product), this.#compareOpts());
    // The panels below the comparison follow: the first time after the first
    // figure is painted, then in the next animation frame (before it paints).
    this.#detailsFor = { result: main.result, plan };
    if (!this.#detailsPending) {
      this.#detailsPending = true;
      if (this.#firstResult) requestAnimationFrame(() => this.#renderDetails());
      else afterPaint(() => this.#renderDetails());
    }
    this.#saveUrl();
    performance.mark('spc-compute-end');
    performance.measure('spc-compute', 'spc-compute-start', 'spc-compute-end');
    if (!this.#firstResult && main.result) {
      this.#firstResult = true;
      performance.mark('spc-first-result');
    }
    this.shadowRoot.querySelector('.spc')?.removeAttribute('aria-busy');

    const digest = JSON.stringify([out.ok ? out.value.horizonDate : null, this.#entries.map((e) => e.error ? [e.id, e.error.code]
      : [e.id, e.result.payout, e.result.interest, e.result.subsidy, e.result.fees, e.result.tax, e.result.closeDate, e.result.effectiveAnnualYield,
        e.result.realPayout, e.result.horizonValue, e.result.best, e.result.differenceToBest])]);
    if (digest !== this.#lastDigest) {
      this.#lastDigest = digest;
      // Fresh objects from the engine on every compute: the host may keep them.
      this.dispatchEvent(new CustomEvent('savings-plan-result', { bubbles: true, composed: true, detail: { plan, results, horizonDate: out.ok ? out.value.horizonDate : null } }));
    }
  }

  /**
   * The first figure comes first: the quoted product's result alone (the
   * engine's `calculate`, whose figures are those of the comparison's first
   * entry, CONTRACT §8.1), drawn and painted before the engine compares the
   * other products; the full #compute (comparison, events, the panels below)
   * runs right after that frame. False (nothing drawn) when the plan has an
   * error: the full #compute shows it where it belongs.
   */
  #firstFigure(product, plan) {
    const r = this.#engine.calculate(product, plan);
    if (!r.ok) return false;
    const opts = this.#opts();
    // The label #candidates gives the quoted product (without deriving and checking its variants yet).
    const label = `${productName(product, this.language)} — ${opts.t('variant_standard')}`;
    this.#entries = [{ index: 0, id: product.id, product, label, chosen: true, variant: false, foreign: false, result: r.value, error: null }];
    headline.render(this.#ui.headline, { product, plan, result: r.value, error: null, exceptions: plan.events.length > 0 },
      this.#opts({ onHow: this.#ui.folds.explain ? () => this.#showExplain() : null }));
    this.#announce(headline.announcement({ product, result: r.value }, opts));
    this.#firstResult = true;
    performance.mark('spc-first-result');
    afterPaint(() => { if (this.#ui.headline?.isConnected) this.#compute(); });
    return true;
  }

  #comparison = null;    // the engine's last comparison ({ quoted, currency, horizonDate, entries })
  #candidateList = [];   // what the picker offers (#candidates of the quoted product)

  /** What the comparison panel shows: the engine's entries, and the picker's state. */
  #compareData(product) {
    const t = translator(this.language);
    return { product, entries: this.#entries, currency: this.#comparison?.currency ?? product.currency,
      horizonDate: this.#comparison?.horizonDate ?? null,
      candidates: this.#candidateList.slice(1).map((c) => ({ id: c.product.id, label: c.pick, group: c.group })),
      picked: this.#compareIds, pickOpen: this.#pickOpen, quotedName: productName(product, this.language),
      rateWord: rateLabel(product, this.language, t), teller: this.mode === 'teller',
      // The compact view's form has no inflation field; the comparison offers it where an assumption needs it.
      inflationField: this.mode === 'compact' ? { value: this.#plan?.inflation ?? '' } : null };
  }

  /** The main result's error at its own field (opening its fold), and in the live region with the field's name. */
  #showPlanError() {
    const error = this.#planError;
    if (!error) return;
    const opts = this.#opts();
    const id = planFieldId(error.path);
    const text = errorText(error, this.#product, opts);
    const inFold = Object.keys(FOLDS).find((name) => this.#ui[name]?.querySelector(`#${CSS.escape(id)}`) || (name === 'whatIf' && ['withdrawOn', 'grid'].includes(id)));
    if (inFold && !this.#folds[inFold]) openFold(this.#ui.folds[inFold]);
    showFieldError(this.shadowRoot, id, text, opts);
    const label = fieldLabel(this.shadowRoot, id);
    this.#announce(label ? opts.t('errorAnnounce', { field: label, message: text }) : `${opts.t('errorPrefix')} ${text}`);
  }

  #compareOpts() {
    return this.#opts({
      onDownload: () => later('csv').then((csv) => csv.download('comparison.csv',
        csv.comparisonCsv(this.#entries, translator(this.language), this.#comparison?.horizonDate ?? null))),
      onPick: (ids) => this.#pick(ids),
      onPickOpen: (open) => { this.#pickOpen = open; },
      onInflation: () => this.#goToInflation(),
      onInput: (name, value) => this.#planInput(name, value),
    });
  }

  // One live region, one message per change: the new figure, or the error
  // that replaced it (never a stale figure beside an error).
  #announced = '';
  #announceTimer = 0;
  #announce(sentence) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (sentence === this.#announced || !this.#ui.live) return;
      this.#announced = sentence;
      this.#ui.live.textContent = sentence;
    }, ANNOUNCE_DELAY);
  }

  #renderDetails() {
    this.#detailsPending = false;
    if (!this.#detailsFor) return;
    for (const name of ['advice', 'quote', 'chart', 'whatIf', 'solve', 'explain', 'schedule', 'disclosure']) this.#draw(name);
  }

  /** Draws one panel below the first screen, loading its code the first time (a folded panel waits until opened). */
  #draw(name) {
    const ui = this.#ui;
    const teller = this.mode === 'teller';
    if (!ui[name] || (!this.#detailsFor && name !== 'config')) return;
    if (FOLDS[name] && !this.#folds[name] && !(teller && name === 'schedule')) return;
    if (name === 'config' && !this.#configOpen) return;
    if (name === 'quote' && !teller) return;
    const m = modules[name];
    const needs = name === 'quote' ? ['quote', 'quoteCompare', 'printQuote'] : [name];
    if (needs.some((n) => !modules[n])) {
      const slot = ui[name];
      Promise.all(needs.map(later)).then(() => { if (this.#ui[name] === slot) this.#draw(name); });
      return;
    }
    const opts = this.#opts();
    const product = this.#product;
    const result = this.#detailsFor?.result ?? null;
    if (name === 'quote') this.#renderQuote(m);
    else if (name === 'disclosure') m.render(ui.disclosure, { product, builtIn: this.#builtIn }, opts);
    // One axis, one currency: the chart draws the rows the engine compares.
    else if (name === 'chart') m.render(ui.chart, { entries: this.#entries.filter((e) => e.result?.comparable !== false) }, opts);
    else if (name === 'advice') this.#renderAdvice(m);
    else if (name === 'whatIf') this.#renderWhatIf(m);
    else if (name === 'solve') this.#solve(m);
    else if (name === 'explain') this.#renderExplain(m);
    else if (name === 'schedule') {
      m.render(ui.schedule, { result }, this.#opts({
        onDownload: () => {
          const main = this.#entries[0];
          if (main?.result) later('csv').then((csv) => csv.download(`schedule-${this.#product.id}.csv`, csv.scheduleCsv(main.result, translator(this.language))));
        },
      }));
    } else if (name === 'config') this.#renderConfig(m);
  }

  /**
   * The teller's quote: the quoted product and the products chosen to
   * compare, priced together by the engine; a new quote number whenever what
   * it quotes changes (not when only the customer's name is typed).
   */
  #renderQuote(quote = modules.quote) {
    const ui = this.#ui;
    if (!ui.quote || !quote) return;
    const mode = this.mode;
    if (mode !== 'teller') return;
    const product = this.#product;
    const plan = this.#planForEngine();
    const { all, shown } = this.#compareSet(product);
    // Chosen (picker or link): the screen's set; else the host's list (#compareIds above).
    const host = new Set(this.#hostCompareIds);
    const items = this.#comparePicked ? shown : [all[0], ...all.slice(1).filter((c) => host.has(c.product.id))];
    const main = this.#entries[0];
    const comparison = main?.result ? modules.quoteCompare.quoteComparison(this.#engine, items, plan) : null;
    const today = this.today;
    const key = JSON.stringify([product, plan, items.map((i) => i.product.id), today]);
    if (key !== this.#quoteKey) {
      this.#quoteKey = key;
      this.#quoteNumber = quoteNumber(today);
    }
    const t = translator(this.language);
    quote.render(ui.quote, { mode, product, plan: this.#plan, result: comparison?.entries?.[0]?.result ?? main?.result ?? null,
      error: comparison?.error ?? main?.error ?? null, comparison: comparison?.error ? null : comparison, issuer: this.issuer, today,
      validUntil: validUntil(today, this.quoteValidDays), number: this.#quoteNumber, customer: this.#customer,
      builtIn: this.#builtIn, rateLabel: rateLabel(product, this.language, t),
      // Issue 14's hook: the advice joins the printed comparison when the saver used it.
      extra: this.#adviceData?.entries && modules.advice ? modules.advice.quoteBlock(this.#adviceData, this.#opts()) : null }, this.#opts({
      onCustomer: (name) => { this.#customer = name; this.#renderQuote(); },
      onPrint: () => this.#print(),
    }));
  }

  // ---------- "If I might need it early" (issue 14): the engine's advise and payouts ----------

  #adviceState = { chance: 'none', percent: '', from: 1 };
  #adviceData = null;

  /** The engine's advice for the compared products (no call while the chance is none), and the teller's grid. */
  #advise(m, plan) {
    const product = this.#product;
    const months = Number(plan.months);
    const state = this.#adviceState;
    state.from = Math.min(Math.max(1, state.from), Math.max(1, months - 1));
    const behaviour = m.behaviourOf(state);
    const teller = this.mode === 'teller';
    const data = { state, months, behaviour, product, teller, entries: null, error: null, grid: teller ? this.#grid(m, product, plan) : null };
    if (!behaviour || !this.#entries[0]?.result) return data;
    const engine = this.#adviceEngine();
    if (!engine) return { ...data, loading: true };
    // The products and variants the comparison shows, in its order (the quoted one first).
    const variants = this.#entries;
    const out = engine.advise(variants.map((v) => v.product), plan, behaviour);
    if (!out.ok) return { ...data, error: out.error };
    data.entries = variants.map((v, i) => {
      const e = out.value.entries[i];
      return { label: v.label, advisory: e && !e.error ? e : null, error: e?.error ?? null };
    });
    return data;
  }

  /** For banks: the quoted product's payouts over rates around the contract rate × its terms, one engine call. */
  #grid(m, product, plan) {
    const terms = (product.terms ?? []).map((x) => x.months);
    const rate = plan.rate ?? product.terms?.find((x) => x.months === Number(plan.months))?.rate;
    const rates = m.gridRates(rate);
    if (!rates.length || !terms.length) return null;
    const engine = this.#adviceEngine();
    if (!engine) return null;
    const plans = rates.flatMap((r) => terms.map((months) => ({ start: plan.start, months, installment: plan.installment, rate: r })));
    const out = engine.payouts(product, plans);
    if (!out.ok) return null;
    const cells = rates.map((_, i) => out.value.slice(i * terms.length, (i + 1) * terms.length));
    return { rates, terms, cells, rate, currency: product.currency, installment: plan.installment };
  }

  /**
   * advise and payouts live in the advice view's engine (the first screen's has neither): the loaded
   * engine, or null while it loads — the advice is drawn again once it has arrived.
   */
  #adviceEngine() {
    if (this.#adviceApi) return this.#adviceApi;
    this.#adviceLoading ??= loadAdviceEngine().then((engine) => {
      this.#adviceApi = engine;
      this.#adviceChanged();
    }, (e) => {
      this.#adviceLoading = null;
      this.#emitError({ code: 'LOAD_FAILED', path: 'advice', message: String(e?.message ?? e) });
    });
    return null;
  }

  #renderAdvice(m = modules.advice) {
    const slot = this.#ui.advice;
    if (!slot || !m || !this.#detailsFor) return;
    this.#adviceData = this.#advise(m, this.#planForEngine());
    m.render(slot, this.#adviceData, this.#opts({
      onState: (partial) => {
        Object.assign(this.#adviceState, partial);
        this.#adviceChanged();
      },
    }));
  }

  /** The advice drawn again after the saver's choice or the whole engine's arrival. */
  #adviceChanged(m = modules.advice) {
    this.#renderAdvice(m);
    // The one live region says what ranks first now (the panel itself is not a live region).
    const sentence = m && this.#adviceData ? m.announcement(this.#adviceData, this.#opts()) : null;
    if (sentence != null) this.#announce(sentence);
    if (this.mode === 'teller') this.#draw('quote');
  }

  /** Prints the quote alone (print-quote.js hides the host page meanwhile). */
  #print() {
    if (this.mode === 'teller' && modules.printQuote) modules.printQuote.printQuote(this); else window.print();
  }

  /** "How we calculated" from the headline: open the explanation and go there. */
  #showExplain() {
    const outer = this.#ui.folds.explain;
    if (!outer) return;
    openFold(outer);
    outer.scrollIntoView({ block: 'start' });
    outer.querySelector('.fold-toggle')?.focus({ preventScroll: true });
  }

  /** Any row of the comparison can be explained, not only the chosen product. */
  #renderExplain(m = modules.explain) {
    if (!m) return;
    if (!this.#entries[this.#explainIndex]?.result) this.#explainIndex = 0;
    m.render(this.#ui.explain, { entries: this.#entries, index: this.#explainIndex }, this.#opts({
      onChoose: (i) => { this.#explainIndex = i; this.#renderExplain(); },
    }));
  }

  #renderWhatIf(m = modules.whatIf) {
    const ui = this.#ui;
    if (!m || !ui.whatIf) return;
    const plan = this.#planForEngine();
    const main = this.#entries[0]?.result ?? null;
    let onTime = null;
    if (main && (plan.events.length || plan.withdrawOn)) {
      const r = this.#engine.calculate(this.#product, { ...plan, events: [], withdrawOn: null });
      if (r.ok) onTime = r.value;
    }
    m.render(ui.whatIf, { plan, dues: this.#dueDates(main), result: main, onTime, mode: this.mode }, this.#opts({
      onCycle: (n) => this.#cycle(n),
      onAllOnTime: () => { this.#plan.events = []; this.#compute(); this.#draw('whatIf'); },
      onWithdraw: (value) => this.#setWithdraw(value),
    }));
    // Its fields were just drawn: an error that belongs there shows there.
    if (this.#planError && ['withdrawOn', 'grid'].includes(planFieldId(this.#planError.path))) {
      showFieldError(ui.whatIf, planFieldId(this.#planError.path), errorText(this.#planError, this.#product, this.#opts()), this.#opts());
    }
  }

  #solve(m = modules.solve) {
    const ui = this.#ui;
    if (!m || !ui.solve) return;
    const product = this.#product;
    let solution = null;
    let error = null;
    const target = normaliseAmount(this.#target, this.language);
    if (target) {
      const plan = this.#planForEngine();
      plan.events = plan.events.filter((e) => !e.amount);
      const r = this.#engine.solveInstallment(product, plan, target);
      if (r.ok) solution = r.value; else error = r.error;
    }
    m.render(ui.solve, { product, target: this.#target, solution, error }, this.#opts({
      onTarget: (text) => {
        this.#target = text.trim();
        const announce = this.#solve();
        if (announce) this.#announce(announce);
        this.#saveUrl();
      },
      onUse: (installment) => { this.#plan.installment = installment; this.#renderPlanForm(); this.#compute(); },
    }));
    return m.announcement?.({ product, solution, error }, this.#opts()) ?? null;
  }

  // ---------- check my statement ----------

  #statement = { open: false };
  #statementView = null;     // panels/statement.js, once loaded
  #statementLoading = null;
  #adviceLoading = null;     // loadAdviceEngine() for the advice, once
  #adviceApi = null;         // the advice view's engine (advise, payouts)
  #statementApi = null;      // the statement view's engine (reconcile), loaded with the view

  /**
   * The statement view reconciles against the chosen product; "show this
   * plan" loads the plan it found. Folded, it is only a summary (drawn after
   * the first figure): its module is fetched the first time it is opened.
   */
  #renderStatement() {
    const slot = this.#ui.statement;
    if (!slot) return;
    if (!this.#statementView) {
      if (!modules.statementShell) {
        later('statementShell').then(() => { if (this.#ui.statement === slot) this.#renderStatement(); });
        return;
      }
      if (!slot.firstChild) {
        modules.statementShell.shell(slot, this.#statement, this.#opts({
          onToggle: (open) => {
            this.#statement.open = open;
            if (open) this.#loadStatementView();
          },
        }));
      }
      if (this.#statement.open) this.#loadStatementView();
      return;
    }
    const product = this.#product;
    this.#statementView.render(slot, { product, state: this.#statement, months: this.#plan?.months }, this.#opts({
      reconcile: (doc) => this.#statementApi.reconcile(product, doc),
      onUsePlan: (plan) => {
        this.#plan = plan;
        this.#render();
        this.shadowRoot.getElementById('plan-form')?.scrollIntoView?.({ block: 'start' });
      },
    }));
  }

  #loadStatementView() {
    // The view and its engine (the first screen's has no reconcile) load together.
    this.#statementLoading ??= Promise.all([import('./panels/statement.js'), loadStatementEngine()]).then(([view, engine]) => {
      this.#statementApi = engine;
      this.#statementView = view;
      this.#renderStatement();
    }, (e) => {
      // Shown in the view; opening it again tries again.
      this.#statementLoading = null;
      const details = this.#ui.statement?.querySelector('#statement');
      details?.querySelector('#stmt-load-error')?.remove();
      details?.append(h('p', { class: 'error-text', id: 'stmt-load-error', role: 'alert' }, translator(this.language)('stmt_loadFailed')));
      this.#emitError({ code: 'LOAD_FAILED', path: 'statement', message: String(e?.message ?? e) });
    });
  }

  // ---------- configurator ----------

  #renderConfig(m = modules.config) {
    if (!m) return;
    const status = this.#configStatus;
    this.#configStatus = null;
    m.render(this.#ui.config, { product: this.#product, products: this.#products, problems: this.#problems, status }, this.#opts({
      onEdit: () => {
        this.#compute();
        // The form follows names, limits and the bank's word for the teller's rate (cheap once built).
        this.#renderPlanForm();
        if (this.#ui.statement) this.#renderStatement();
      },
      onLoadFile: (file) => this.#loadCatalogFile(file),
      onReset: () => this.#resetProduct(),
    }));
  }

  #resetProduct() {
    const id = this.#chosen;
    const original = this.#pristine.get(id);
    if (!original) return;
    const i = this.#products.findIndex((p) => p.id === id);
    this.#products[i] = structuredClone(original);
    this.#render();
  }

  async #loadCatalogFile(file) {
    if (!file) return;
    const t = translator(this.language);
    this.#catalogError = null;
    this.#catalogProblems = [];
    const list = this.#acceptCatalog(await file.text());
    if (list && list.length) {
      this.#products = structuredClone(list);
      this.#pristine = new Map(this.#products.map((p) => [p.id, structuredClone(p)]));
      this.#chosen = this.#products[0].id;
      this.#builtIn = false;
      this.#compareIds = [];
      this.#comparePicked = false;
      this.#hostCompareIds = [];
      this.#configStatus = t('catalogLoaded', { n: list.length });
    }
    this.#render();
    this.#emitNotices();
  }

  // ---------- printing ----------

  // The schedule prints even where it is folded (its code arrives with the
  // first fold opened or, for a teller, after the first figure).
  #beforePrint = () => {
    if (modules.schedule && this.#ui.schedule && !this.#ui.schedule.firstChild) {
      const open = this.#folds?.schedule;
      if (this.#folds) this.#folds.schedule = true;
      this.#draw('schedule');
      if (this.#folds) this.#folds.schedule = open;
    }
  };

  // ---------- events, sharing and files ----------

  #emitError(error) {
    this.dispatchEvent(new CustomEvent('savings-plan-error', { bubbles: true, composed: true,
      detail: { code: error.code, path: error.path, message: error.message } }));
  }

  #state() {
    const product = this.#product;
    const pristine = this.#pristine.get(product?.id);
    const edited = product && JSON.stringify(product) !== JSON.stringify(pristine);
    return { id: this.id || undefined, chosen: product?.id, plan: this.#planForEngine(), lang: this.language, mode: this.mode,
      target: this.#target || undefined, product: edited ? product : undefined,
      compare: this.#comparePicked ? this.#compareIds : undefined };
  }

  // The address bar follows the scenario, a moment after typing stops.
  #urlTimer = 0;
  #saveUrl() {
    if (!this.hasAttribute('url-state')) return;
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => {
      later('urlState').then(({ stateUrl }) => {
        try { history.replaceState(history.state, '', stateUrl(location.href, this.#state())); } catch { /* sandboxed */ }
      });
    }, 150);
  }

  /**
   * "Copy link": the host's `share-url` (e.g. its own page, for an iframe) or
   * this page's address, with the scenario in `s`. Opened, the component on
   * that page (the instance with the same id) restores it.
   */
  async #share() {
    if (!this.#product) return;
    const { stateUrl } = await later('urlState');
    let base = location.href;
    try { if (this.shareUrl) base = new URL(this.shareUrl, document.baseURI).href; } catch { /* a bad base: the page's address */ }
    const url = stateUrl(base, this.#state());
    let copied = true;
    try { await navigator.clipboard.writeText(url); } catch { copied = false; }
    header.showShare(this.#ui.header, { url, copied }, this.#opts());
  }
}
