// <savings-plan-calculator>: the calculator as a custom element (CONTRACT.md §7).
// Attributes are the state (catalog, products, lang, mode, plan, today); the
// engine computes every figure; this class only formats and displays them.
// It never registers itself: savings-plan-calculator.js does.
import { loadEngine } from './engine.js';
import { h, s, fill, hidden } from './dom.js';
import { money, number, percent, date, month, currencySymbol } from './format.js';
import { LANGUAGES, resolveLang, translator, productName, productNote } from './i18n.js';
import { balanceChart, balancePoints } from './chart.js';
import { scheduleCsv, comparisonCsv, download } from './csv.js';
import { decodeState, stateUrl } from './url-state.js';
import { renderConfigurator, showProblems, fieldIdFor } from './configurator.js';

const MODES = ['saver', 'teller', 'compact'];
// Start fetching and compiling the engine while the page is still parsing.
const engineReady = globalThis.document ? loadEngine() : null;
const HTMLElementBase = globalThis.HTMLElement ?? class {};

// Calendar helpers for the grid and quick dates (dates only, never money).
function parseIso(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}
function iso({ y, m, d }) {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export function addMonths(start, k) {
  const { y, m, d } = parseIso(start);
  const total = m - 1 + k;
  const year = y + Math.floor(total / 12);
  const mon = (total % 12) + 1;
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return iso({ y: year, m: mon, d: Math.min(d, last) });
}
function addDays(start, n) {
  const t = Date.parse(`${start}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
function localToday() {
  const now = new Date();
  return iso({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}
const isIsoDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export class SavingsPlanCalculatorElement extends HTMLElementBase {
  static observedAttributes = ['catalog', 'products', 'lang', 'mode', 'plan', 'today'];

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
  #problems = [];
  #announce = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  // Properties mirror attributes (CONTRACT §7).
  get catalog() { return this.getAttribute('catalog') ?? ''; }
  set catalog(v) { this.setAttribute('catalog', v); }
  get products() { return this.getAttribute('products') ?? ''; }
  set products(v) { this.setAttribute('products', Array.isArray(v) ? v.join(' ') : v); }
  get mode() { const m = this.getAttribute('mode'); return MODES.includes(m) ? m : 'saver'; }
  set mode(v) { this.setAttribute('mode', v); }
  get plan() { try { return JSON.parse(this.getAttribute('plan')); } catch { return null; } }
  set plan(v) { this.setAttribute('plan', typeof v === 'string' ? v : JSON.stringify(v)); }
  get today() { const t = this.getAttribute('today'); return isIsoDate(t) ? t : localToday(); }
  set today(v) { this.setAttribute('today', v); }
  get language() {
    return resolveLang(this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  connectedCallback() {
    if (this.#booted) return;
    this.#booted = true;
    performance.mark('spc-connected');
    const css = h('link', { rel: 'stylesheet', href: new URL('./savings-plan-calculator.css', import.meta.url).href });
    // The stylesheet stays put; renders replace only the content beside it.
    this.#mount = h('div', { class: 'mount' }, h('div', { class: 'spc', 'aria-busy': 'true' }, h('p', { class: 'loading' }, translator(this.language)('loading'))));
    this.shadowRoot.replaceChildren(css, this.#mount);
    this.#load();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#engine) return;
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
    try {
      this.#engine ??= await (engineReady ?? loadEngine());
      performance.mark('spc-engine-ready');
    } catch (e) {
      this.#fail({ code: 'INVALID_TYPE', path: 'engine', message: String(e?.message ?? e) });
      return;
    }
    this.#catalogError = null;
    let list;
    if (this.catalog) {
      list = await this.#fetchCatalog(this.catalog);
      if (token !== this.#loadToken) return;
    } else {
      list = this.#engine.catalog();
    }
    if (!list) { this.#products = []; this.#render(); return; }
    const wanted = this.products.split(/\s+/).filter(Boolean);
    const chosen = wanted.length ? wanted.map((id) => list.find((p) => p?.id === id)).filter(Boolean) : list;
    this.#products = structuredClone(chosen);
    this.#pristine = new Map(this.#products.map((p) => [p.id, structuredClone(p)]));
    this.#chosen = this.#products[0]?.id ?? null;
    this.#plan = null;
    if (this.hasAttribute('url-state')) this.#applyUrlState();
    this.#applyPlanAttribute();
    this.#render();
  }

  async #fetchCatalog(url) {
    const t = translator(this.language);
    let text;
    try {
      const res = await fetch(new URL(url, document.baseURI), { credentials: 'omit' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } catch (e) {
      this.#catalogError = { code: 'INVALID_TYPE', path: 'catalog', message: t('catalogError', { message: String(e?.message ?? e) }) };
      return null;
    }
    return this.#acceptCatalog(text);
  }

  /** Parses and validates a catalog text; invalid products are reported and left out. */
  #acceptCatalog(text) {
    const t = translator(this.language);
    let list;
    try { list = JSON.parse(text); } catch {
      this.#catalogError = { code: 'INVALID_TYPE', path: 'catalog', message: t('catalogError', { message: t('catalogNotJson') }) };
      return null;
    }
    if (!Array.isArray(list)) {
      this.#catalogError = { code: 'INVALID_TYPE', path: 'catalog', message: t('catalogError', { message: t('catalogNotArray') }) };
      return null;
    }
    const good = [];
    list.forEach((p, i) => {
      const r = this.#engine.validateProduct(p);
      const problems = r.ok ? r.value : [r.error];
      if (problems.length === 0) good.push(p);
      else if (!this.#catalogError) {
        const first = problems[0];
        this.#catalogError = { code: first.code, path: `catalog[${i}].${first.path.replace(/^product\.?/, '')}`,
          message: t('catalogError', { message: t('catalogInvalid', { n: i + 1, id: String(p?.id ?? '?'), message: `${first.path}: ${first.message}` }) }) };
      }
    });
    return good;
  }

  #applyUrlState() {
    const st = decodeState(location.href);
    if (!st) return;
    if (st.product && typeof st.product === 'object' && typeof st.product.id === 'string') {
      const r = this.#engine.validateProduct(st.product);
      if (r.ok && r.value.length === 0) {
        const i = this.#products.findIndex((p) => p.id === st.product.id);
        if (i >= 0) this.#products[i] = st.product; else this.#products.unshift(st.product);
      }
    }
    if (typeof st.chosen === 'string' && this.#products.some((p) => p.id === st.chosen)) this.#chosen = st.chosen;
    if (st.plan && typeof st.plan === 'object') this.#plan = st.plan;
    if (typeof st.target === 'string') this.#target = st.target;
    if (typeof st.lang === 'string' && !this.hasAttribute('lang')) this.setAttribute('lang', resolveLang(st.lang));
    if (MODES.includes(st.mode) && !this.hasAttribute('mode')) this.setAttribute('mode', st.mode);
  }

  #applyPlanAttribute() {
    const p = this.plan;
    if (p && typeof p === 'object') this.#plan = { ...this.#defaultPlan(), ...p };
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
    this.#render();
  }

  // ---------- rendering ----------

  #render() {
    performance.mark('spc-render');
    const t = translator(this.language);
    const lang = this.language;
    const focusId = this.shadowRoot.activeElement?.id;
    const product = this.#product;
    const root = h('div', { class: 'spc', 'data-mode': this.mode, lang });
    this.#ui = {};
    const ui = this.#ui;

    ui.live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'live' });
    root.append(ui.live);

    root.append(h('header', { class: 'spc-header' },
      h('h2', { class: 'spc-title' }, t('title')),
      h('p', { class: 'spc-subtitle' }, t('subtitle')),
      h('div', { class: 'toolbar' },
        h('label', { for: 'lang' }, t('language')),
        h('select', { id: 'lang', onchange: (e) => this.setAttribute('lang', e.target.value) },
          LANGUAGES.map((l) => h('option', { value: l.tag, selected: l.tag === lang, lang: l.tag }, l.name))),
        h('label', { for: 'mode' }, t('mode')),
        h('select', { id: 'mode', onchange: (e) => this.setAttribute('mode', e.target.value) },
          MODES.map((m) => h('option', { value: m, selected: m === this.mode }, t(`mode_${m}`)))),
        h('button', { type: 'button', id: 'share', class: 'secondary', onclick: () => this.#share() }, t('share')),
        this.mode === 'teller' ? h('button', { type: 'button', id: 'print', class: 'secondary', onclick: () => window.print() }, t('print')) : null),
      ui.shareStatus = h('p', { class: 'share-status', role: 'status', id: 'share-status' })));

    if (this.#catalogError) {
      root.append(h('div', { class: 'error-summary', role: 'alert', id: 'catalog-error' },
        h('h3', {}, t('errorSummary')), h('p', {}, this.#catalogError.message)));
      this.#emitError(this.#catalogError);
    }
    if (!product) {
      this.#mount.replaceChildren(root);
      return;
    }
    this.#plan ??= this.#defaultPlan(product);
    const plan = this.#plan;
    const currency = product.currency;
    const symbol = currencySymbol(currency, lang);

    // Print-only heading of the quote.
    ui.printPlan = h('dl', { class: 'print-plan', id: 'print-plan' });
    root.append(h('div', { class: 'print-only print-head' },
      h('h2', {}, t('printTitle')),
      h('p', {}, t('preparedOn', { date: date(this.today, lang) })),
      ui.printPlan));

    // The plan form.
    const terms = Array.isArray(product.terms) ? product.terms : [];
    const inst = product.installment ?? {};
    const minText = money(inst.min ?? '5', currency, lang);
    const hint = t('installmentHint', { min: minText, step: number(inst.step ?? '0.01', lang),
      max: inst.max != null ? t('installmentMax', { max: money(inst.max, currency, lang) }) : '' });
    const termRate = terms.find((x) => x.months === Number(plan.months))?.rate ?? '';
    ui.form = h('form', { class: 'plan', id: 'plan-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      h('h3', {}, t('planHeading')),
      this.#field('product', t('product'), null,
        h('select', { id: 'product', onchange: (e) => this.#chooseProduct(e.target.value) },
          this.#products.map((p) => h('option', { value: p.id, selected: p.id === product.id }, productName(p, lang))))),
      productNote(product, lang) ? h('p', { class: 'note', id: 'product-note' }, productNote(product, lang),
        product.ratesEffective ? ` ${t('ratesEffective', { date: date(product.ratesEffective, lang) })}` : '') : null,
      this.#field('installment', t('installment', { currency: symbol }), hint,
        h('div', { class: 'input-prefix' },
          h('span', { 'aria-hidden': 'true', class: 'prefix' }, symbol),
          h('input', { id: 'installment', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.installment ?? '',
            oninput: (e) => { this.#plan.installment = e.target.value.trim(); this.#compute(); } }))),
      this.#field('months', t('term'), null,
        h('select', { id: 'months', onchange: (e) => { this.#plan.months = Number(e.target.value); this.#plan.events = []; this.#render(); } },
          terms.map((x) => h('option', { value: x.months, selected: x.months === Number(plan.months) },
            t('termOption', { years: this.#years(x.months, t), months: x.months }), ` · ${percent(x.rate, lang)}`)))),
      this.#field('start', t('start'), t('startHint'),
        h('input', { id: 'start', type: 'date', value: plan.start ?? '', required: true,
          oninput: (e) => { this.#plan.start = e.target.value; this.#plan.events = []; this.#compute(); this.#renderGrid(); } })),
      this.mode === 'teller' ? this.#field('rate', t('rate'), t('rateHint', { rate: termRate }),
        h('input', { id: 'rate', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.rate ?? '',
          oninput: (e) => { this.#plan.rate = e.target.value.trim() || null; this.#compute(); } })) : null,
      this.mode !== 'compact' ? this.#field('inflation', t('inflation'), t('inflationHint'),
        h('input', { id: 'inflation', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: plan.inflation ?? '',
          oninput: (e) => { this.#plan.inflation = e.target.value.trim() || null; this.#compute(); } })) : null);

    ui.headline = h('section', { class: 'headline', id: 'headline', 'aria-labelledby': 'headline-title' });
    ui.warnings = h('div', { class: 'warnings', id: 'warnings' });
    root.append(h('div', { class: 'top' }, ui.form, h('div', { class: 'summary' }, ui.headline, ui.warnings)));

    // Comparison.
    ui.compare = h('div', { class: 'table-wrap', id: 'compare-table', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('compareHeading') }) });
    ui.chart = h('figure', { class: 'chart-figure', id: 'chart' });
    root.append(h('section', { class: 'compare', 'aria-labelledby': 'compare-title' },
      h('h3', { id: 'compare-title' }, t('compareHeading')),
      h('p', { class: 'hint' }, t('compareCaption')),
      ui.compare,
      h('button', { type: 'button', id: 'csv-comparison', class: 'secondary', onclick: () => this.#downloadComparison() }, t('downloadComparison')),
      this.mode !== 'compact' ? h('h4', { id: 'chart-heading' }, t('chartHeading')) : null,
      this.mode !== 'compact' ? ui.chart : null));

    if (this.mode !== 'compact') {
      // What if.
      ui.grid = h('div', { class: 'grid', id: 'grid', role: 'group', 'aria-labelledby': 'grid-label', 'aria-describedby': 'grid-hint' });
      ui.outcome = h('div', { class: 'outcome', id: 'outcome', 'aria-live': 'polite' });
      root.append(h('section', { class: 'whatif', 'aria-labelledby': 'whatif-title' },
        h('h3', { id: 'whatif-title' }, t('whatIfHeading')),
        h('p', { class: 'hint' }, t('whatIfIntro')),
        h('p', { id: 'grid-label', class: 'label' }, t('gridLabel')),
        h('p', { id: 'grid-hint', class: 'hint' }, t('gridHint')),
        ui.grid,
        h('div', { class: 'row' },
          h('button', { type: 'button', id: 'all-on-time', class: 'secondary', onclick: () => { this.#plan.events = []; this.#renderGrid(); this.#compute(); } }, t('allOnTime'))),
        this.#field('withdrawOn', t('withdrawOn'), t('withdrawHint'),
          h('input', { id: 'withdrawOn', type: 'date', value: plan.withdrawOn ?? '',
            oninput: (e) => { this.#plan.withdrawOn = e.target.value || null; this.#compute(); } })),
        h('div', { class: 'row quick-dates' },
          h('button', { type: 'button', id: 'w-maturity', class: 'secondary', onclick: () => this.#setWithdraw(null) }, t('atMaturity')),
          h('button', { type: 'button', id: 'w-halfway', class: 'secondary', onclick: () => this.#setWithdraw(addMonths(this.#plan.start, Math.floor(Number(this.#plan.months) / 2))) }, t('halfway')),
          h('button', { type: 'button', id: 'w-overdue', class: 'secondary', onclick: () => this.#setWithdraw(addDays(addMonths(this.#plan.start, Number(this.#plan.months)), 45)) }, t('overdue45'))),
        ui.outcome));

      // Reverse solve.
      ui.solve = h('div', { class: 'solve-result', id: 'solve-result', 'aria-live': 'polite' });
      root.append(h('section', { class: 'solve', 'aria-labelledby': 'solve-title' },
        h('h3', { id: 'solve-title' }, t('solveHeading')),
        this.#field('target', t('target', { currency: symbol }), t('targetHint'),
          h('div', { class: 'input-prefix' },
            h('span', { 'aria-hidden': 'true', class: 'prefix' }, symbol),
            h('input', { id: 'target', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: this.#target,
              oninput: (e) => { this.#target = e.target.value.trim(); this.#solve(); this.#saveUrl(); } }))),
        ui.solve));

      // How we calculated.
      ui.explain = h('ol', { class: 'explain', id: 'explain' });
      // Any row of the comparison can be explained, not only the chosen product.
      ui.explainFor = h('select', { id: 'explain-for', onchange: (e) => {
        this.#explainIndex = Number(e.target.value);
        this.#renderExplain(this.#entries[this.#explainIndex]?.result ?? null);
      } });
      root.append(h('section', { class: 'explain-section', 'aria-labelledby': 'explain-title' },
        h('h3', { id: 'explain-title' }, t('explainHeading')),
        h('p', { class: 'hint' }, t('explainIntro')),
        this.#field('explain-for', t('explainFor'), null, ui.explainFor),
        ui.explain));

      // Schedule.
      ui.schedule = h('div', { id: 'schedule' });
      root.append(h('section', { class: 'schedule', 'aria-labelledby': 'schedule-title' },
        h('h3', { id: 'schedule-title' }, t('scheduleHeading')),
        h('button', { type: 'button', id: 'csv-schedule', class: 'secondary', onclick: () => this.#downloadSchedule() }, t('downloadSchedule')),
        ui.schedule));

      // Configurator.
      ui.configForm = h('div', { class: 'config-form', id: 'config-form' });
      ui.configSummary = h('div', { id: 'config-summary' });
      ui.configStatus = h('p', { role: 'status', id: 'config-status' });
      const fileInput = h('input', { type: 'file', id: 'catalog-file', accept: 'application/json,.json', onchange: (e) => this.#loadCatalogFile(e.target.files?.[0]) });
      ui.details = h('details', { class: 'config', id: 'config', open: this.#configOpen || null, ontoggle: (e) => {
        this.#configOpen = e.target.open;
        if (e.target.open && !this.#ui.configForm.firstChild) this.#renderConfig();
      } },
        h('summary', {}, h('span', { class: 'summary-title' }, t('configHeading'))),
        h('p', { class: 'hint' }, t('configIntro')),
        h('div', { class: 'row' },
          h('label', { for: 'catalog-file', class: 'file-label' }, t('loadCatalog')), fileInput,
          h('button', { type: 'button', id: 'save-catalog', class: 'secondary', onclick: () => download('savings-catalog.json', `${JSON.stringify(this.#products, null, 2)}\n`, 'application/json') }, t('saveCatalog')),
          h('button', { type: 'button', id: 'reset-product', class: 'secondary', onclick: () => this.#resetProduct() }, t('resetProduct'))),
        ui.configStatus,
        ui.configSummary,
        ui.configForm);
      root.append(ui.details);
    }

    root.append(h('footer', { class: 'disclosure' },
      h('p', { id: 'disclosure' }, product.ratesEffective ? `${t('ratesEffective', { date: date(product.ratesEffective, lang) })} ` : '', t('disclosure'))));

    this.#mount.replaceChildren(root);
    if (ui.configForm && this.#configOpen) this.#renderConfig();
    // The month grid is below the fold: it follows with the other panels.
    this.#gridStale = true;
    this.#compute();
    if (focusId) this.shadowRoot.getElementById(focusId)?.focus({ preventScroll: true });
  }

  #ui = {};
  #configOpen = false;

  #years(months, t) {
    return months % 12 === 0 ? (months === 12 ? t('year') : t('years', { n: months / 12 })) : t('months', { n: months });
  }

  /** Label, hint, error and control in one group, linked by ids (GOV.UK pattern). */
  #field(id, label, hint, control) {
    const input = control.id === id ? control : control.querySelector(`#${id}`);
    const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    input?.setAttribute('aria-describedby', describedBy);
    return h('div', { class: 'field', 'data-field': id },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      h('p', { class: 'error', id: `${id}-error`, hidden: true }),
      control);
  }

  #chooseProduct(id) {
    this.#chosen = id;
    this.#explainIndex = 0;
    const product = this.#product;
    const terms = (product.terms ?? []).map((x) => x.months);
    if (!terms.includes(Number(this.#plan.months))) {
      this.#plan.months = terms.includes(12) ? 12 : terms[0];
      this.#plan.events = [];
    }
    this.#render();
  }

  #setWithdraw(value) {
    this.#plan.withdrawOn = value;
    const input = this.shadowRoot.getElementById('withdrawOn');
    if (input) input.value = value ?? '';
    this.#compute();
  }

  // ---------- the month grid ----------

  #renderGrid() {
    const grid = this.#ui.grid;
    if (!grid) return;
    const t = translator(this.language);
    const lang = this.language;
    const plan = this.#plan;
    const months = Number(plan.months) || 0;
    if (!isIsoDate(plan.start) || months <= 0 || months > 600) { grid.replaceChildren(); return; }
    const focused = this.shadowRoot.activeElement?.dataset?.n;
    const cells = [];
    for (let n = 1; n <= months; n++) {
      const due = addMonths(plan.start, n - 1);
      const ev = plan.events.find((e) => e.n === n);
      const status = ev?.missed ? 'missed' : ev?.paidOn ? 'late' : 'paid';
      cells.push(h('button', {
        type: 'button', class: `cell cell-${status}`, 'data-n': n, 'data-status': status,
        tabindex: (focused ? Number(focused) === n : n === 1) ? '0' : '-1',
        onclick: () => this.#cycle(n),
        onkeydown: (e) => this.#gridKey(e, n, months),
      }, h('span', { class: 'cell-n' }, String(n)),
      h('span', { class: 'cell-month' }, month(due, lang)),
      h('span', { class: 'cell-mark', 'aria-hidden': 'true' }, { paid: '✓', missed: '✗', late: '↻' }[status]),
      hidden(t('cellStatus', { date: date(due, lang), status: t(`status_${status}`) }))));
    }
    grid.replaceChildren(...cells);
    if (focused) grid.querySelector(`[data-n="${focused}"]`)?.focus();
  }

  #gridKey(e, n, months) {
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 12, ArrowUp: -12, Home: 1 - n, End: months - n };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = Math.min(months, Math.max(1, n + moves[e.key]));
    for (const c of this.#ui.grid.children) c.tabIndex = Number(c.dataset.n) === next ? 0 : -1;
    this.#ui.grid.querySelector(`[data-n="${next}"]`)?.focus();
  }

  #cycle(n) {
    const plan = this.#plan;
    const months = Number(plan.months);
    const product = this.#product;
    const canMakeUp = product?.missed?.makeUpWithinMonths !== 0 && n < months;
    const i = plan.events.findIndex((e) => e.n === n);
    const ev = plan.events[i];
    const status = ev?.missed ? 'missed' : ev?.paidOn ? 'late' : 'paid';
    const events = plan.events.filter((e) => e.n !== n);
    if (status === 'paid') events.push({ n, missed: true });
    else if (status === 'missed' && canMakeUp) events.push({ n, paidOn: addMonths(plan.start, n) });
    events.sort((a, b) => a.n - b.n);
    plan.events = events;
    for (const c of this.#ui.grid.children) c.tabIndex = Number(c.dataset.n) === n ? 0 : -1;
    this.#ui.grid.querySelector(`[data-n="${n}"]`)?.focus();
    this.#renderGrid();
    this.#compute();
  }

  // ---------- computing ----------

  #variants(product) {
    const t = translator(this.language);
    const lang = this.language;
    const name = productName(product, lang);
    const list = [{ label: `${name} — ${t('variant_standard')}`, product, chosen: true }];
    if (product.maturity?.action !== 'renew') {
      list.push({ label: `${name} — ${t('variant_renew')}`, product: { ...product, id: `${product.id}#renew`, maturity: { action: 'renew', renew: { months: 12, times: 1 } } } });
    }
    if (!product.valueProtection) {
      const inflation = this.#plan.inflation && /^\d+(\.\d+)?$/.test(this.#plan.inflation) ? this.#plan.inflation : '2.0';
      list.push({ label: `${name} — ${t('variant_protected', { inflation })}`, product: { ...product, id: `${product.id}#protected`, valueProtection: { inflation } } });
    }
    if ((product.interest?.method ?? 'monthlyProduct') === 'monthlyProduct') {
      list.push({ label: `${name} — ${t('variant_daily')}`, product: { ...product, id: `${product.id}#daily`, interest: { method: 'dailyProduct', dayCount: 'ACT/360' } } });
    }
    for (const p of this.#products) if (p.id !== product.id) list.push({ label: productName(p, lang), product: p });
    return list;
  }

  #planForEngine() {
    const p = this.#plan;
    return { start: p.start, months: Number(p.months), installment: p.installment, rate: p.rate ?? null,
      events: p.events, withdrawOn: p.withdrawOn ?? null, inflation: p.inflation ?? null };
  }

  #compute() {
    const ui = this.#ui;
    const product = this.#product;
    if (!product || !ui.compare) return;
    performance.mark('spc-compute-start');
    const t = translator(this.language);
    const lang = this.language;

    // The product itself first: its problems go to the configurator.
    const check = this.#engine.validateProduct(product);
    this.#problems = check.ok ? check.value : [check.error];
    if (ui.configForm) this.#showConfigProblems();
    const plan = this.#planForEngine();
    this.#clearFieldErrors();
    if (this.#problems.length) {
      fill(ui.headline, h('p', { class: 'error-text', id: 'headline-title' }, t('fixProduct')));
      ui.compare.replaceChildren();
      this.#emitError(this.#problems[0]);
      return;
    }

    const variants = this.#variants(product);
    const out = this.#engine.compare(variants.map((v) => v.product), plan);
    const results = out.ok ? out.value : variants.map(() => ({ error: out.error }));
    this.#entries = variants.map((v, i) => ({ label: v.label, chosen: v.chosen, result: results[i]?.error ? null : results[i], error: results[i]?.error ?? null }));
    const main = this.#entries[0];

    if (main.error) {
      this.#showFieldError(main.error);
      fill(ui.headline, h('h3', { id: 'headline-title', class: 'visually-hidden' }, t('payout')),
        h('p', { class: 'error-text' }, hidden(t('errorPrefix')), ' ', this.#errorText(main.error)));
      this.#emitError(main.error);
    } else {
      this.#renderHeadline(main.result);
    }
    this.#renderCompare();
    // The panels below the comparison follow in the next animation frame,
    // which still runs before that frame is painted.
    this.#detailsFor = { result: main.result, plan };
    if (!this.#detailsPending) {
      this.#detailsPending = true;
      requestAnimationFrame(() => this.#renderDetails());
    }
    this.#saveUrl();
    performance.mark('spc-compute-end');
    performance.measure('spc-compute', 'spc-compute-start', 'spc-compute-end');
    if (!this.#firstResult && main.result) {
      this.#firstResult = true;
      performance.mark('spc-first-result');
    }
    this.shadowRoot.querySelector('.spc')?.removeAttribute('aria-busy');

    const digest = JSON.stringify(this.#entries.map((e) => e.error ? e.error.code
      : [e.result.payout, e.result.interest, e.result.subsidy, e.result.fees, e.result.tax, e.result.closeDate, e.result.effectiveAnnualYield, e.result.realPayout]));
    if (digest !== this.#lastDigest) {
      this.#lastDigest = digest;
      // Fresh objects from the engine on every compute: the host may keep them.
      this.dispatchEvent(new CustomEvent('savings-plan-result', { bubbles: true, composed: true, detail: { plan, results } }));
    }
  }

  #firstResult = false;
  #detailsFor = null;
  #detailsPending = false;

  #gridStale = false;

  #renderDetails() {
    this.#detailsPending = false;
    if (this.#gridStale) {
      this.#gridStale = false;
      this.#renderGrid();
    }
    const d = this.#detailsFor;
    if (!d) return;
    this.#renderPrintPlan(d.result);
    if (this.mode === 'compact') return;
    this.#renderChart();
    this.#renderOutcome(d.result, d.plan);
    this.#renderExplainChoice();
    this.#renderExplain(this.#entries[this.#explainIndex]?.result ?? d.result);
    this.#renderSchedule(d.result);
    this.#solve();
  }

  #errorText(error) {
    const t = translator(this.language);
    const product = this.#product;
    const inst = product?.installment ?? {};
    const lang = this.language;
    return t(`err_${error.code}`, {
      min: money(inst.min ?? '5', product?.currency ?? 'CNY', lang),
      max: inst.max != null ? money(inst.max, product.currency, lang) : '',
      step: number(inst.step ?? '0.01', lang),
    });
  }

  #clearFieldErrors() {
    for (const el of this.shadowRoot.querySelectorAll('.plan .error, .whatif .error, .solve .error')) { el.hidden = true; el.replaceChildren(); }
    for (const el of this.shadowRoot.querySelectorAll('.plan [aria-invalid], .whatif [aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of this.shadowRoot.querySelectorAll('.plan .field--error, .whatif .field--error')) el.classList.remove('field--error');
  }

  #showFieldError(error) {
    const field = error.path.replace(/^plan\./, '').replace(/\[.*$/, '');
    const id = { events: 'grid' }[field] ?? field;
    const errorEl = this.shadowRoot.getElementById(`${id}-error`);
    const input = this.shadowRoot.getElementById(id);
    if (!errorEl || !input) return;
    errorEl.hidden = false;
    errorEl.replaceChildren(h('span', { class: 'visually-hidden' }, translator(this.language)('errorPrefix')), ' ', this.#errorText(error));
    input.setAttribute('aria-invalid', 'true');
    errorEl.closest('.field')?.classList.add('field--error');
  }

  #emitError(error) {
    this.dispatchEvent(new CustomEvent('savings-plan-error', { bubbles: true, composed: true,
      detail: { code: error.code, path: error.path, message: error.message } }));
  }

  #renderHeadline(r) {
    const t = translator(this.language);
    const lang = this.language;
    const product = this.#product;
    const c = r.currency;
    const parts = [['principal', r.principal], ['interest', r.interest]];
    if (r.subsidy !== '0.00' && r.subsidy !== '0') parts.push(['subsidy', r.subsidy]);
    if (Number(r.fees) !== 0) parts.push(['fees', r.fees]);
    if (Number(r.tax) !== 0) parts.push(['tax', r.tax]);
    fill(this.#ui.headline,
      h('h3', { id: 'headline-title' }, t('headline', { date: date(r.closeDate, lang) })),
      h('p', { class: 'payout', id: 'payout' }, money(r.payout, c, lang)),
      h('dl', { class: 'parts' }, parts.map(([k, v]) => [h('dt', {}, t(k)), h('dd', { id: `headline-${k}` }, money(v, c, lang))]),
        h('dt', {}, t('yield')), h('dd', { id: 'headline-yield', title: t('yieldHint') }, percent(r.effectiveAnnualYield, lang)),
        r.realPayout ? [h('dt', {}, t('realPayout')), h('dd', { id: 'headline-real' }, money(r.realPayout, c, lang))] : null),
      h('p', { class: 'closure' }, t(`closure_${r.closure}`)));
    const warnings = r.warnings.map((w) => h('p', { class: 'warning' }, hidden(t('warningPrefix')), ' ', t(`warning_${w.code}`)));
    fill(this.#ui.warnings, warnings);
    const sentence = t('headlineSummary', { product: productName(product, lang), payout: money(r.payout, c, lang), date: date(r.closeDate, lang), interest: money(r.interest, c, lang) });
    if (sentence !== this.#announce) {
      this.#announce = sentence;
      this.#ui.live.textContent = sentence;
    }
  }

  /** The plan as the printed quote states it. */
  #renderPrintPlan(r) {
    const t = translator(this.language);
    const lang = this.language;
    const product = this.#product;
    const plan = this.#plan;
    const c = product.currency;
    const rows = [
      [t('product'), productName(product, lang)],
      [t('installment', { currency: c }), /^\d+(\.\d+)?$/.test(plan.installment) ? money(plan.installment, c, lang) : plan.installment],
      [t('term'), t('termOption', { years: this.#years(Number(plan.months), t), months: plan.months })],
      [t('start'), date(plan.start, lang)],
      [t('rate'), r ? percent(r.contractRate, lang) : ''],
      [t('withdrawOn'), plan.withdrawOn ? date(plan.withdrawOn, lang) : t('atMaturity')],
      product.ratesEffective ? [t('f_ratesEffective'), date(product.ratesEffective, lang)] : null,
    ].filter(Boolean);
    fill(this.#ui.printPlan, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
  }

  #renderCompare() {
    const t = translator(this.language);
    const lang = this.language;
    const head = ['variant', 'payout', 'interest', 'subsidy', 'fees', 'tax', 'yield', 'difference'];
    const rows = this.#entries.map((e, i) => {
      if (e.error) {
        return h('tr', { class: 'unavailable', 'data-i': i },
          h('th', { scope: 'row' }, e.label),
          h('td', { colspan: head.length - 1 }, t('cannotTake', { message: this.#errorText(e.error) })));
      }
      const r = e.result;
      const c = r.currency;
      return h('tr', { class: `${r.best ? 'is-best' : ''}${e.chosen ? ' is-chosen' : ''}`, 'data-i': i },
        h('th', { scope: 'row' }, e.label, r.best ? h('span', { class: 'badge' }, t('best')) : null),
        h('td', { 'data-label': t('payout'), class: 'num strong' }, money(r.payout, c, lang)),
        h('td', { 'data-label': t('interest'), class: 'num' }, money(r.interest, c, lang)),
        h('td', { 'data-label': t('subsidy'), class: 'num' }, money(r.subsidy, c, lang)),
        h('td', { 'data-label': t('fees'), class: 'num' }, money(r.fees, c, lang)),
        h('td', { 'data-label': t('tax'), class: 'num' }, money(r.tax, c, lang)),
        h('td', { 'data-label': t('yield'), class: 'num' }, percent(r.effectiveAnnualYield, lang)),
        h('td', { 'data-label': t('difference'), class: 'num' }, r.best ? '—' : money(r.differenceToBest, c, lang)));
    });
    fill(this.#ui.compare, h('table', { class: 'compare-table responsive' },
      h('caption', { class: 'visually-hidden' }, t('compareCaption')),
      h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', class: k === 'variant' ? '' : 'num' }, t(k))))),
      h('tbody', {}, rows)));
  }

  #renderChart() {
    const t = translator(this.language);
    const lang = this.language;
    const ok = this.#entries.map((e, i) => ({ ...e, i })).filter((e) => e.result && e.result.currency === this.#entries[0].result?.currency);
    if (!ok.length) { this.#ui.chart.replaceChildren(); return; }
    const series = ok.map((e) => ({ label: e.label, best: e.result.best, points: balancePoints(e.result) }));
    const values = ok.map((e) => `${e.label}: ${money(e.result.payout, e.result.currency, lang)}`).join('; ');
    fill(this.#ui.chart,
      balanceChart(series, { locale: lang, title: t('chartHeading'), desc: t('chartDesc', { values }), axisLabel: t('chartAxisMonths') }),
      h('figcaption', {}, h('ul', { class: 'legend' }, ok.map((e, k) => h('li', { class: `legend-item series-${k % 8}` },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }), e.label)))));
  }

  #renderOutcome(r, plan) {
    const t = translator(this.language);
    const lang = this.language;
    if (!this.#ui.outcome) return;
    if (!r) { this.#ui.outcome.replaceChildren(); return; }
    const c = r.currency;
    const lines = [h('p', { class: 'outcome-main' }, h('strong', {}, t(`closure_${r.closure}`)), ': ', money(r.payout, c, lang))];
    if (r.maturityPayout) lines.push(h('p', { id: 'holding' }, t('holding', { payout: money(r.maturityPayout, c, lang) })));
    if (plan.events.length || plan.withdrawOn) {
      const onTime = this.#engine.calculate(this.#product, { ...plan, events: [], withdrawOn: null });
      if (onTime.ok) lines.push(h('p', { id: 'on-time' }, t('onTimePayout', { payout: money(onTime.value.payout, c, lang) })));
    }
    if (r.breach) {
      lines.push(h('p', { class: 'breach', id: 'breach' }, t('breach', { n: r.breach.installment, date: date(r.breach.date, lang),
        trigger: t(`trigger_${r.breach.trigger}`), effect: t(`effect_${r.breach.effect}`) })));
    } else if (plan.events.length) {
      lines.push(h('p', { id: 'breach' }, t('noBreach')));
    }
    if (Number(r.fees) !== 0) lines.push(h('p', {}, `${t('fees')}: ${money(r.fees, c, lang)}`));
    fill(this.#ui.outcome, lines);
  }

  #explainIndex = 0;

  /** The options of "explain which row", kept in step with the comparison. */
  #renderExplainChoice() {
    const select = this.#ui.explainFor;
    if (!select) return;
    if (!this.#entries[this.#explainIndex]?.result) this.#explainIndex = 0;
    const options = this.#entries.map((e, i) => h('option', { value: i, selected: i === this.#explainIndex, disabled: !e.result }, e.label));
    select.replaceChildren(...options);
  }

  #renderExplain(r) {
    const t = translator(this.language);
    const lang = this.language;
    if (!r) { this.#ui.explain.replaceChildren(); return; }
    const c = r.currency;
    const value = (step) => {
      if (step.key === 'breach') return date(step.value, lang);
      if (step.key === 'effectiveAnnualYield' || step.key === 'earlyRate') return percent(step.value, lang);
      if (step.key === 'monthUnits' || step.key === 'dayProduct') return number(step.value, lang);
      return money(step.value, c, lang);
    };
    // The breach step is a sentence, not a formula: say it in the reader's language.
    const formula = (step) => (step.key === 'breach' && r.breach
      ? t('breach', { n: r.breach.installment, date: date(r.breach.date, lang), trigger: t(`trigger_${r.breach.trigger}`), effect: t(`effect_${r.breach.effect}`) })
      : step.formula);
    fill(this.#ui.explain, r.explain.map((step) => h('li', { 'data-key': step.key },
      h('span', { class: 'explain-label' }, t(`explain_${step.key}`)),
      step.key === 'breach' ? h('span', {}, formula(step)) : h('code', { class: 'formula' }, formula(step)),
      h('span', { class: 'explain-value' }, '= ', value(step)))));
  }

  #renderSchedule(r) {
    const t = translator(this.language);
    const lang = this.language;
    if (!r) { this.#ui.schedule.replaceChildren(); return; }
    const c = r.currency;
    const cols = ['n', 'due', 'paidOn', 'amount', 'status', 'balance', 'rate', 'units'];
    const rows = r.schedule.map((row) => h('tr', { class: `status-${row.status}` },
      h('th', { scope: 'row', 'data-label': t('col_n') }, String(row.n)),
      h('td', { 'data-label': t('col_due') }, date(row.due, lang)),
      h('td', { 'data-label': t('col_paidOn') }, row.paidOn ? date(row.paidOn, lang) : '—'),
      h('td', { 'data-label': t('col_amount'), class: 'num' }, money(row.amount, c, lang)),
      h('td', { 'data-label': t('col_status') }, t(`status_${row.status}`)),
      h('td', { 'data-label': t('col_balance'), class: 'num' }, money(row.balance, c, lang)),
      h('td', { 'data-label': t('col_rate'), class: 'num' }, percent(row.rate, lang)),
      h('td', { 'data-label': t('col_units'), class: 'num' }, number(row.units, lang))));
    const parts = [h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('scheduleHeading') }) },
      h('table', { class: 'schedule-table responsive' },
        h('caption', { class: 'visually-hidden' }, t('scheduleHeading')),
        h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col' }, t(`col_${k}`))))),
        h('tbody', {}, rows)))];
    if (r.renewals.length) {
      parts.push(h('h4', {}, t('renewalsHeading')), h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, ['start', 'end', 'principal', 'rate', 'interest', 'tax', 'value'].map((k) => h('th', { scope: 'col' }, t(['principal', 'interest', 'tax'].includes(k) ? k : `col_${k}`))))),
        h('tbody', {}, r.renewals.map((x) => h('tr', {},
          h('td', { 'data-label': t('col_start') }, date(x.start, lang)), h('td', { 'data-label': t('col_end') }, date(x.end, lang)),
          h('td', { 'data-label': t('principal'), class: 'num' }, money(x.principal, c, lang)), h('td', { 'data-label': t('col_rate'), class: 'num' }, percent(x.rate, lang)),
          h('td', { 'data-label': t('interest'), class: 'num' }, money(x.interest, c, lang)), h('td', { 'data-label': t('tax'), class: 'num' }, money(x.tax, c, lang)),
          h('td', { 'data-label': t('col_value'), class: 'num' }, money(x.value, c, lang))))))));
    }
    fill(this.#ui.schedule, parts);
  }

  #solve() {
    const ui = this.#ui;
    if (!ui.solve) return;
    const t = translator(this.language);
    const lang = this.language;
    const errorEl = this.shadowRoot.getElementById('target-error');
    const input = this.shadowRoot.getElementById('target');
    if (errorEl) { errorEl.hidden = true; errorEl.replaceChildren(); input?.removeAttribute('aria-invalid'); }
    if (!this.#target) { ui.solve.replaceChildren(); return; }
    const plan = this.#planForEngine();
    plan.events = plan.events.filter((e) => !e.amount);
    const r = this.#engine.solveInstallment(this.#product, plan, this.#target);
    if (!r.ok) {
      ui.solve.replaceChildren();
      if (errorEl && (r.error.path === 'targetPayout' || r.error.code === 'TARGET_UNREACHABLE')) {
        errorEl.hidden = false;
        errorEl.replaceChildren(hidden(t('errorPrefix')), ' ', this.#errorText(r.error));
        input?.setAttribute('aria-invalid', 'true');
      }
      return;
    }
    const { installment, result } = r.value;
    const c = result.currency;
    fill(ui.solve,
      h('p', { id: 'solve-text' }, t('solveResult', { amount: money(installment, c, lang), payout: money(result.payout, c, lang), date: date(result.closeDate, lang) })),
      h('button', { type: 'button', id: 'use-amount', onclick: () => {
        this.#plan.installment = installment;
        const field = this.shadowRoot.getElementById('installment');
        if (field) field.value = installment;
        this.#compute();
      } }, t('useAmount')));
  }

  // ---------- configurator ----------

  #renderConfig(focusId) {
    const t = translator(this.language);
    renderConfigurator(this.#ui.configForm, this.#product, {
      t,
      onEdit: (structural, id) => {
        if (structural) this.#renderConfig(id);
        this.#compute();
        if (structural && this.#product) {
          const options = this.shadowRoot.getElementById('product');
          const opt = options?.querySelector(`option[value="${CSS.escape(this.#product.id)}"]`);
          if (opt) opt.textContent = productName(this.#product, this.language);
        }
      },
    });
    this.#showConfigProblems();
    if (focusId) this.shadowRoot.getElementById(focusId)?.focus({ preventScroll: true });
  }

  #showConfigProblems() {
    const t = translator(this.language);
    showProblems(this.#ui.configForm, this.#problems, { t });
    if (!this.#problems.length) { this.#ui.configSummary.replaceChildren(); return; }
    if (!this.#ui.configForm.firstChild) { this.#configOpen = true; this.#ui.details.open = true; this.#renderConfig(); return; }
    this.#ui.details.open = true;
    this.#configOpen = true;
    fill(this.#ui.configSummary, h('div', { class: 'error-summary', id: 'config-errors' },
      h('h4', {}, t('errorSummary')),
      h('ul', {}, this.#problems.map((p) => {
        const id = fieldIdFor(p.path);
        return h('li', {}, h('a', { href: `#${id}`, onclick: (e) => {
          e.preventDefault();
          const field = this.shadowRoot.getElementById(id);
          field?.scrollIntoView({ block: 'center' });
          field?.focus({ preventScroll: true });
        } }, `${this.#fieldLabel(id) ?? (p.path.replace(/^product\.?/, '') || 'product')}: ${t(`err_${p.code}`)}`));
      }))));
  }

  /** The visible label of a configurator field, for the error summary. */
  #fieldLabel(id) {
    const form = this.#ui.configForm;
    const field = form?.querySelector(`#${CSS.escape(id)}`);
    const label = form?.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field?.closest('fieldset')?.querySelector('legend');
    return label?.textContent?.trim() || null;
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
    const list = this.#acceptCatalog(await file.text());
    if (list && list.length) {
      this.#products = structuredClone(list);
      this.#pristine = new Map(this.#products.map((p) => [p.id, structuredClone(p)]));
      this.#chosen = this.#products[0].id;
      this.#render();
      const status = this.shadowRoot.getElementById('config-status');
      if (status) status.textContent = t('catalogLoaded', { n: list.length });
    } else {
      this.#render();
    }
  }

  // ---------- sharing and files ----------

  #state() {
    const product = this.#product;
    const pristine = this.#pristine.get(product?.id);
    const edited = product && JSON.stringify(product) !== JSON.stringify(pristine);
    return { chosen: product?.id, plan: this.#planForEngine(), lang: this.language, mode: this.mode, target: this.#target || undefined, product: edited ? product : undefined };
  }

  // The address bar follows the scenario, a moment after typing stops.
  #urlTimer = 0;
  #saveUrl() {
    if (!this.hasAttribute('url-state')) return;
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => {
      try { history.replaceState(history.state, '', stateUrl(location.href, this.#state())); } catch { /* sandboxed */ }
    }, 150);
  }

  async #share() {
    const t = translator(this.language);
    const url = stateUrl(location.href, this.#state());
    const status = this.#ui.shareStatus;
    try {
      await navigator.clipboard.writeText(url);
      fill(status, t('shareCopied'));
    } catch {
      fill(status, h('label', { for: 'share-url' }, t('shareManual')), ' ', h('input', { id: 'share-url', type: 'text', readonly: true, value: url }));
      status.querySelector('input')?.select();
    }
    status.dataset.url = url;
  }

  #downloadSchedule() {
    const main = this.#entries[0];
    if (!main?.result) return;
    download(`schedule-${this.#product.id}.csv`, scheduleCsv(main.result, translator(this.language)));
  }

  #downloadComparison() {
    download('comparison.csv', comparisonCsv(this.#entries, translator(this.language)));
  }
}
