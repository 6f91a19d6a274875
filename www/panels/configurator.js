// The product configurator: a form over every field of a product definition
// (CONTRACT.md §1). Edits change a copy of the product; the engine's
// validateProduct problems are shown at their fields (GOV.UK pattern: label,
// hint, error and input linked by ids, an error summary linking to fields).
import { h, fill, hidden } from '../dom.js';
import { download } from '../csv.js';
import { showFieldError, clearFieldErrors } from './field.js';

// Must equal the engine's defaults (src/product/defaults.rs; a test checks
// them): `interest.<method>.<option>` for a method's options.
const DEFAULTS = {
  'interest.method': 'monthlyProduct', 'interest.dailyProduct.dayCount': 'ACT/360', 'interest.dailyProduct.accrueTo': 'maturity',
  'interest.compound.compounding': 'quarterly', 'interest.compound.brokenPeriod': 'compound', 'interest.compound.dayCount': 'ACT/365',
  'rounding.scale': 2, 'rounding.mode': 'halfUp',
  'missed.makeUpWithinMonths': 1, 'missed.makeUpEarnsFrom': 'paidMonth', 'missed.breachAfter': { unmadeUp: 1 }, 'missed.onBreach': 'laterAtDemand',
  'missed.lateFeePer100PerMonth': '0', 'early.allowed': true, 'early.minMonths': 0, 'early.rate': 'demand',
  'early.penalty': '0', 'overdue.base': 'principal', 'maturity.action': 'payout', 'installment.min': '5',
  'installment.step': '0.01', 'maturity.renew.times': 1, 'maturity.renew.carry': 'principalAndInterest',
};

const method = (p) => p.interest?.method ?? DEFAULTS['interest.method'];
/** The default of a method's option (`interest.dayCount` of the daily product, …). */
const methodDefault = (path) => (p) => DEFAULTS[`interest.${method(p)}.${path.split('.')[1]}`];
const renewing = (p) => p.maturity?.action === 'renew';

/** Fields in contract order. `path` into the product; `when` shows a field only where it applies. */
const FIELDS = [
  { path: 'id', type: 'text' },
  { path: 'name.zh-CN', type: 'text', label: ['f_name', { lang: '简体中文' }] },
  { path: 'name.en', type: 'text', label: ['f_name', { lang: 'English' }] },
  { path: 'currency', type: 'text' },
  { path: 'terms', type: 'list', columns: [['months', 'int'], ['rate', 'decimal']], blank: { months: 12, rate: '1.00' } },
  { path: 'ratesEffective', type: 'date', nullable: true },
  { path: 'demandRate', type: 'decimal' },
  { path: 'installment.min', type: 'decimal' },
  { path: 'installment.max', type: 'decimal', nullable: true },
  { path: 'installment.step', type: 'decimal' },
  { path: 'installment.plausibleMax', type: 'decimal', nullable: true },
  { path: 'interest.method', type: 'enum', options: ['monthlyProduct', 'dailyProduct', 'compound'], structural: true },
  { path: 'interest.dayCount', type: 'enum', options: ['30/360', 'ACT/360', 'ACT/365'], when: (p) => method(p) !== 'monthlyProduct',
    fallback: methodDefault('interest.dayCount') },
  { path: 'interest.accrueTo', type: 'enum', options: ['maturity', 'dayBeforeMaturity'], when: (p) => method(p) === 'dailyProduct', fallback: methodDefault('interest.accrueTo') },
  { path: 'interest.compounding', type: 'enum', options: ['monthly', 'quarterly', 'yearly'], when: (p) => method(p) === 'compound', fallback: methodDefault('interest.compounding') },
  { path: 'interest.brokenPeriod', type: 'enum', options: ['compound', 'simple'], optionKeys: { compound: 'opt_compoundBroken' },
    when: (p) => method(p) === 'compound', fallback: methodDefault('interest.brokenPeriod') },
  { path: 'rounding.scale', type: 'int' },
  { path: 'rounding.mode', type: 'enum', options: ['halfUp', 'halfEven', 'down'] },
  { path: 'rounding.payoutScale', type: 'int', nullable: true },
  { path: 'missed.makeUpWithinMonths', type: 'int', nullable: true },
  { path: 'missed.makeUpEarnsFrom', type: 'enum', options: ['paidMonth', 'dueMonth'] },
  { path: 'missed.breachKind', type: 'breachKind', options: ['never', 'unmadeUp', 'total', 'consecutive'], structural: true },
  { path: 'missed.breachN', type: 'breachN', when: (p) => p.missed?.breachAfter !== null },
  { path: 'missed.onBreach', type: 'enum', options: ['laterAtDemand', 'allAtDemand', 'stopDeposits', 'actualAtContract'] },
  { path: 'missed.lateFeePer100PerMonth', type: 'decimal' },
  { path: 'missed.closeAfterConsecutive', type: 'int', nullable: true },
  { path: 'early.allowed', type: 'bool', structural: true },
  { path: 'early.minMonths', type: 'int', when: (p) => p.early?.allowed !== false },
  { path: 'early.rate', type: 'enum', options: ['demand', 'contractMinus', 'lowerOfHeldAndContractMinus'], structural: true, when: (p) => p.early?.allowed !== false },
  { path: 'early.penalty', type: 'decimal', when: (p) => p.early?.allowed !== false && (p.early?.rate ?? 'demand') !== 'demand' },
  { path: 'early.heldRates', type: 'list', columns: [['months', 'int'], ['rate', 'decimal']], blank: { months: 0, rate: '0' },
    when: (p) => p.early?.allowed !== false && p.early?.rate === 'lowerOfHeldAndContractMinus' },
  { path: 'early.savingsRate', type: 'decimal', nullable: true, when: (p) => p.early?.allowed !== false },
  { path: 'overdue.base', type: 'enum', options: ['principal', 'maturityValue'] },
  { path: 'maturity.action', type: 'enum', options: ['payout', 'renew'], structural: true },
  { path: 'maturity.renew.months', type: 'int', when: renewing, label: ['f_renew_months'] },
  { path: 'maturity.renew.rate', type: 'decimal', nullable: true, when: renewing, label: ['f_renew_rate'] },
  { path: 'maturity.renew.times', type: 'int', when: renewing, label: ['f_renew_times'] },
  { path: 'maturity.renew.carry', type: 'enum', options: ['principalAndInterest', 'principalOnly'], when: renewing, label: ['f_renew_carry'] },
  { path: 'valueProtection.kind', type: 'vpKind', options: ['none', 'subsidyRate', 'inflation'], structural: true, label: ['f_vp_kind'] },
  { path: 'valueProtection.value', type: 'vpValue', when: (p) => p.valueProtection != null, label: ['f_vp_value'] },
  { path: 'tax', type: 'list', columns: [['from', 'date'], ['rate', 'decimal']], blank: { from: '2000-01-01', rate: '0' } },
  // What the printed quote says (optional: an empty box removes the text).
  { path: 'disclosure.zh-CN', type: 'longtext', optional: true, label: ['f_disclosure', { lang: '简体中文' }] },
  { path: 'disclosure.en', type: 'longtext', optional: true, label: ['f_disclosure', { lang: 'English' }] },
  { path: 'rateOverride.label.zh-CN', type: 'text', optional: true, label: ['f_rateOverride_label', { lang: '简体中文' }] },
  { path: 'rateOverride.label.en', type: 'text', optional: true, label: ['f_rateOverride_label', { lang: 'English' }] },
  { path: 'rateOverride.margin', type: 'decimal', optional: true },
];

const idOf = (path) => `f-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  if (value === undefined) delete o[keys.at(-1)];
  else o[keys.at(-1)] = value;
}

function parseInput(type, raw, nullable) {
  if (raw === '' && nullable) return null;
  if (type === 'int') return /^\d+$/.test(raw) ? Number(raw) : raw;
  return raw;
}

/** The field id that an engine problem path points at. */
export function fieldIdFor(path) {
  const p = path.replace(/^product\.?/, '');
  if (p.startsWith('missed.breachAfter.')) return idOf('missed.breachN');
  if (p === 'missed.breachAfter') return idOf('missed.breachKind');
  if (p.startsWith('valueProtection.')) return idOf('valueProtection.value');
  if (p === 'valueProtection') return idOf('valueProtection.kind');
  if (p === 'maturity.renew') return idOf('maturity.action');
  if (p === 'name') return idOf('name.en');
  if (p === 'disclosure') return idOf('disclosure.zh-CN');
  if (p === 'rateOverride' || p === 'rateOverride.label') return idOf(p === 'rateOverride' ? 'rateOverride.margin' : 'rateOverride.label.zh-CN');
  return idOf(p.replace(/\[(\d+)\]/g, '.$1'));
}

/**
 * Renders the form for `product` into `root`.
 * onEdit(structural) is called after each edit with the product changed in place.
 */
export function renderConfigurator(root, product, { t, onEdit }) {
  const fields = [];
  const label = (f) => (f.label ? t(...f.label) : t(`f_${f.path.replace(/\./g, '_')}`));
  const optionText = (f, o) => t(f.optionKeys?.[o] ?? `opt_${o}`);

  for (const f of FIELDS) {
    if (f.when && !f.when(product)) continue;
    const id = idOf(f.path);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describe = `${hintId} ${errorId}`;
    let control;
    if (f.type === 'list') {
      fields.push(listField(f, id, label(f), product, t, onEdit));
      continue;
    }
    if (f.type === 'bool') {
      const value = getPath(product, f.path) ?? DEFAULTS[f.path];
      control = h('input', { type: 'checkbox', id, checked: value !== false, 'aria-describedby': describe,
        onchange: (e) => { setPath(product, f.path, e.target.checked); onEdit(true, id); } });
      fields.push(h('div', { class: 'field field-check', 'data-field': id }, control, h('label', { for: id }, label(f)),
        h('p', { class: 'error', id: errorId, hidden: true })));
      continue;
    }
    if (f.type === 'enum' || f.type === 'breachKind' || f.type === 'vpKind') {
      const options = f.options;
      let value = getPath(product, f.path) ?? f.fallback?.(product) ?? DEFAULTS[f.path];
      let onchange = (e) => {
        setPath(product, f.path, e.target.value);
        if (f.path === 'interest.method') product.interest = { method: e.target.value };
        if (f.path === 'maturity.action') product.maturity = e.target.value === 'renew'
          ? { action: 'renew', renew: { months: 12, times: 1 } } : { action: 'payout' };
        onEdit(Boolean(f.structural), id);
      };
      if (f.type === 'breachKind') {
        const b = product.missed?.breachAfter;
        const fallback = Object.keys(DEFAULTS['missed.breachAfter'])[0];
        value = b === null ? 'never' : b === undefined ? fallback : Object.keys(b)[0] ?? fallback;
        onchange = (e) => {
          product.missed ??= {};
          const n = Object.values(product.missed.breachAfter ?? {})[0] ?? 1;
          product.missed.breachAfter = e.target.value === 'never' ? null : { [e.target.value]: n };
          onEdit(true, id);
        };
      }
      if (f.type === 'vpKind') {
        value = product.valueProtection ? Object.keys(product.valueProtection)[0] : 'none';
        onchange = (e) => {
          const old = product.valueProtection ? Object.values(product.valueProtection)[0] : '2.0';
          product.valueProtection = e.target.value === 'none' ? null : { [e.target.value]: old };
          onEdit(true, id);
        };
      }
      control = h('select', { id, 'aria-describedby': describe, onchange },
        options.map((o) => h('option', { value: o, selected: o === value }, optionText(f, o))));
    } else {
      let value = getPath(product, f.path);
      let set = (v) => setPath(product, f.path, v);
      if (f.type === 'breachN') {
        value = Object.values(product.missed?.breachAfter ?? DEFAULTS['missed.breachAfter'])[0];
        set = (v) => {
          product.missed ??= {};
          const kind = Object.keys(product.missed.breachAfter ?? DEFAULTS['missed.breachAfter'])[0];
          product.missed.breachAfter = { [kind]: v };
        };
      }
      if (f.type === 'vpValue') {
        value = Object.values(product.valueProtection ?? {})[0];
        set = (v) => { product.valueProtection = { [Object.keys(product.valueProtection)[0]]: v }; };
      }
      if (f.path.startsWith('name.')) {
        set = (v) => {
          if (typeof product.name !== 'object' || product.name === null) product.name = { en: String(product.name ?? product.id) };
          product.name[f.path.slice(5)] = v;
        };
        value = typeof product.name === 'object' ? product.name?.[f.path.slice(5)] : (f.path === 'name.en' ? product.name : '');
      }
      if (f.optional) {
        // A text kept as one string is shown in the English box; an emptied box removes its key.
        const [top, ...rest] = f.path.split('.');
        if (typeof getPath(product, rest.length > 1 ? `${top}.${rest[0]}` : top) === 'string' && f.path.endsWith('.en')) {
          value = getPath(product, rest.length > 1 ? `${top}.${rest[0]}` : top);
        }
        set = (v) => {
          const parent = f.path.split('.').slice(0, -1).join('.');
          if (typeof getPath(product, parent) === 'string') setPath(product, parent, { en: getPath(product, parent) });
          setPath(product, f.path, v === '' ? undefined : v);
          for (let up = parent; up; up = up.split('.').slice(0, -1).join('.')) {
            const o = getPath(product, up);
            if (o && typeof o === 'object' && !Object.keys(o).length) setPath(product, up, undefined);
          }
        };
      }
      if (value === undefined && !f.nullable) value = DEFAULTS[f.path];
      const type = f.type === 'date' ? 'date' : 'text';
      const numeric = ['decimal', 'int', 'breachN', 'vpValue'].includes(f.type);
      control = h(f.type === 'longtext' ? 'textarea' : 'input', { id, type: f.type === 'longtext' ? null : type, rows: f.type === 'longtext' ? 3 : null,
        value: value ?? '', 'aria-describedby': describe,
        inputmode: numeric ? (f.type === 'decimal' || f.type === 'vpValue' ? 'decimal' : 'numeric') : null,
        autocomplete: 'off', spellcheck: 'false',
        oninput: (e) => { set(parseInput(['int', 'breachN'].includes(f.type) ? 'int' : 'text', e.target.value.trim(), f.nullable)); onEdit(false, id); } });
    }
    fields.push(h('div', { class: 'field', 'data-field': id },
      h('label', { for: id }, label(f)),
      h('p', { class: 'hint', id: hintId, hidden: true }),
      h('p', { class: 'error', id: errorId, hidden: true }),
      control));
  }
  root.replaceChildren(...fields);
}

function listField(f, id, title, product, t, onEdit) {
  const list = getPath(product, f.path) ?? [];
  const rows = list.map((item, i) => h('tr', {},
    f.columns.map(([key, type]) => {
      const cid = `${id}-${i}-${key}`;
      return h('td', {},
        h('label', { for: cid, class: 'visually-hidden' }, `${t(`f_${f.path.split('.').pop()}_${key}`) || key} ${i + 1}`),
        h('input', { id: cid, type: type === 'date' ? 'date' : 'text', value: item?.[key] ?? '', inputmode: type === 'date' ? null : (type === 'int' ? 'numeric' : 'decimal'),
          'aria-describedby': `${cid}-error`, autocomplete: 'off',
          oninput: (e) => { item[key] = parseInput(type, e.target.value.trim(), false); onEdit(false, cid); } }),
        h('p', { class: 'error', id: `${cid}-error`, hidden: true }));
    }),
    h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => { list.splice(i, 1); setPath(product, f.path, list); onEdit(true, `${id}-add`); } },
      t('remove'), hidden(` ${i + 1}`))),
  ));
  return h('fieldset', { class: 'field list-field', 'data-field': id, id },
    h('legend', {}, title),
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
    h('table', {},
      h('thead', {}, h('tr', {}, f.columns.map(([key]) => h('th', { scope: 'col' }, t(`f_${f.path.split('.').pop()}_${key}`))), h('td'))),
      h('tbody', {}, rows)),
    h('button', { type: 'button', id: `${id}-add`, class: 'secondary', onclick: () => { setPath(product, f.path, [...list, { ...f.blank }]); onEdit(true, `${id}-add`); } },
      t('add')));
}

/** Shows the engine's problems at their fields; returns the ones no field shows. */
export function showProblems(root, problems, { t }) {
  clearFieldErrors(root);
  const unplaced = [];
  for (const p of problems) {
    if (!showFieldError(root, fieldIdFor(p.path), [t(`err_${p.code}`, {}), ` (${p.message})`], { t })) unplaced.push(p);
  }
  return unplaced;
}

/** The visible label of a configurator field, for the error summary. */
function fieldLabel(form, id) {
  const field = form.querySelector(`#${CSS.escape(id)}`);
  const label = form.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field?.closest('fieldset')?.querySelector('legend');
  return label?.textContent?.trim() || null;
}

/**
 * The "product settings" panel, drawn inside its <details> (panels/fold.js)
 * once that is open: catalog file load/save, undo, the form and its error
 * summary. data: { product, products, problems, status, rebuild, focusId }:
 * `rebuild` redraws the form (a structural edit), `focusId` refocuses a field.
 * onEdit(structural) after each edit; onLoadFile(file); onReset().
 */
const latest = new WeakMap(); // slot → the data of its last render, for the panel's own handlers

export function render(slot, data, opts) {
  const { status = null, rebuild = false, focusId = null } = data;
  const { t } = opts;
  latest.set(slot, { data, opts });
  if (!slot.firstChild) {
    slot.append(
      h('p', { class: 'hint' }, t('configIntro')),
      h('div', { class: 'row' },
        h('label', { for: 'catalog-file', class: 'file-label' }, t('loadCatalog')),
        h('input', { type: 'file', id: 'catalog-file', accept: 'application/json,.json', onchange: (e) => latest.get(slot).opts.onLoadFile(e.target.files?.[0]) }),
        h('button', { type: 'button', id: 'save-catalog', class: 'secondary',
          onclick: () => download('savings-catalog.json', `${JSON.stringify(latest.get(slot).data.products, null, 2)}\n`, 'application/json') }, t('saveCatalog')),
        h('button', { type: 'button', id: 'reset-product', class: 'secondary', onclick: () => latest.get(slot).opts.onReset() }, t('resetProduct'))),
      h('p', { role: 'status', id: 'config-status' }),
      h('div', { id: 'config-summary' }),
      h('div', { class: 'config-form', id: 'config-form' }));
  }
  if (status != null) slot.querySelector('#config-status').textContent = status;
  if (rebuild || !slot.querySelector('#config-form').firstChild) drawForm(slot, data, opts);
  else showSummary(slot, data.problems ?? [], opts);
  if (focusId) slot.querySelector(`#${CSS.escape(focusId)}`)?.focus({ preventScroll: true });
}

function drawForm(slot, data, opts) {
  const form = slot.querySelector('#config-form');
  renderConfigurator(form, data.product, {
    t: opts.t,
    onEdit: (structural, id) => {
      const now = latest.get(slot);
      if (structural) {
        drawForm(slot, now.data, now.opts);
        slot.querySelector(`#${CSS.escape(id)}`)?.focus({ preventScroll: true });
      }
      now.opts.onEdit(structural);
    },
  });
  showSummary(slot, data.problems ?? [], opts);
}

function showSummary(slot, problems, { t }) {
  const form = slot.querySelector('#config-form');
  const summary = slot.querySelector('#config-summary');
  showProblems(form, problems, { t });
  if (!problems.length) { summary.replaceChildren(); return; }
  fill(summary, h('div', { class: 'error-summary', id: 'config-errors' },
    h('h4', {}, t('errorSummary')),
    h('ul', {}, problems.map((p) => {
      const id = fieldIdFor(p.path);
      return h('li', {}, h('a', { href: `#${id}`, onclick: (e) => {
        e.preventDefault();
        const el = form.querySelector(`#${CSS.escape(id)}`);
        el?.scrollIntoView({ block: 'center' });
        el?.focus({ preventScroll: true });
      } }, `${fieldLabel(form, id) ?? (p.path.replace(/^product\.?/, '') || 'product')}: ${t(`err_${p.code}`)}`));
    }))));
}
