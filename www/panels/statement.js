// "对账 / Check my statement": the saver's real deposit history checked
// against the product's rules and the bank's figure (CONTRACT.md §8.2).
// Rows are pasted or read from a dropped CSV/TSV file (statement-parse.js),
// the columns mapped, then the engine's reconcile() places each deposit and
// prices the plan; this panel shows what it found. Everything stays on the
// device: no upload, nothing stored unless the saver saves a file.
import { h, fill } from '../dom.js';
import { money, date, percent } from '../format.js';
import { termText } from '../i18n.js';
import { download } from '../csv.js';
import { readStatement, amountText, rowsText, decodeFile } from '../statement-parse.js';
import { field, showFieldError, clearFieldErrors, errorText } from './field.js';
import { shell } from './statement-shell.js';

/** The panel's state, kept by the element across renders (fields it lacks start so). */
const INITIAL = { open: false, columnsOpen: false, text: '', mapping: null, order: null, start: '', startTyped: false, months: '',
  installment: '', rate: '', withdrawOn: '', bank: '' };

const FIELD_OF = { start: 'stmt-start', months: 'stmt-months', installment: 'stmt-installment', rate: 'stmt-rate',
  withdrawOn: 'stmt-withdraw', bankPayout: 'stmt-bank', deposits: 'stmt-text' };

// The latest data and options per slot: listeners made once call the current ones.
const latest = new WeakMap();

/**
 * data: { product, state, months }: `months` the term to offer first.
 * opts: { t, lang, reconcile(statement) → { ok, value | error }, onUsePlan(plan) }.
 */
export function render(slot, data, opts) {
  for (const [k, v] of Object.entries(INITIAL)) if (!(k in data.state)) data.state[k] = v;
  latest.set(slot, { data, opts });
  if (!slot.querySelector('#stmt-text')) build(slot);
  update(slot);
}

function now(slot) {
  return latest.get(slot);
}

function build(slot) {
  const { data: { state }, opts: { t } } = now(slot);
  const change = (key, value) => { now(slot).data.state[key] = value; update(slot); };
  const textarea = h('textarea', { id: 'stmt-text', rows: '8', spellcheck: 'false', autocomplete: 'off', value: state.text,
    oninput: (e) => { const st = now(slot).data.state; st.text = e.target.value; st.mapping = null; update(slot); } });
  const drop = h('div', { class: 'stmt-drop', id: 'stmt-drop' },
    field('stmt-text', t('stmt_rows'), t('stmt_rowsHint'), textarea),
    h('div', { class: 'row' },
      h('label', { for: 'stmt-file', class: 'file-label' }, t('stmt_file')),
      h('input', { type: 'file', id: 'stmt-file', accept: '.csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,text/plain,application/json',
        onchange: (e) => readFile(slot, e.target.files?.[0]) }),
      h('span', { class: 'hint', id: 'stmt-file-name' })));
  // Dropping a file anywhere on the box reads it here; nothing is uploaded.
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    readFile(slot, e.dataTransfer?.files?.[0]);
  });

  // Which column is what: folded away while the guess reads every row, open when it does not.
  const mapping = h('details', { class: 'stmt-columns', id: 'stmt-columns', hidden: true,
    ontoggle: (e) => { now(slot).data.state.columnsOpen = e.target.open; } },
    h('summary', {}, t('stmt_columns')),
    h('p', { class: 'hint', id: 'stmt-columns-hint' }, t('stmt_columnsHint')),
    h('div', { class: 'stmt-grid' },
      ...['date', 'amount', 'description'].map((role) => field(`stmt-col-${role}`, t(`stmt_col_${role}`), null,
        h('select', { id: `stmt-col-${role}`, onchange: (e) => {
          const st = now(slot).data.state;
          const current = readStatement(st.text, { mapping: st.mapping, order: st.order, lang: now(slot).opts.lang }).mapping;
          st.mapping = { ...current, [role]: e.target.value === '' ? null : Number(e.target.value) };
          update(slot);
        } }))),
      h('div', { id: 'stmt-order-field', hidden: true }, field('stmt-order', t('stmt_order'), t('stmt_orderHint'),
        h('select', { id: 'stmt-order', onchange: (e) => change('order', e.target.value) },
          h('option', { value: 'dmy' }, t('stmt_order_dmy')), h('option', { value: 'mdy' }, t('stmt_order_mdy')))))));

  const account = h('fieldset', { class: 'stmt-account' },
    h('legend', {}, t('stmt_account')),
    h('div', { class: 'stmt-grid' },
      field('stmt-start', t('stmt_start'), t('stmt_startHint'),
        h('input', { id: 'stmt-start', type: 'date', value: state.start, oninput: (e) => { const st = now(slot).data.state; st.start = e.target.value; st.startTyped = e.target.value !== ''; update(slot); } })),
      field('stmt-months', t('term'), null, h('select', { id: 'stmt-months', onchange: (e) => change('months', e.target.value) })),
      field('stmt-installment', t('stmt_installment'), t('stmt_installmentHint'),
        h('input', { id: 'stmt-installment', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: state.installment, oninput: (e) => change('installment', e.target.value) })),
      field('stmt-bank', t('stmt_bank'), t('stmt_bankHint'),
        h('input', { id: 'stmt-bank', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: state.bank, oninput: (e) => change('bank', e.target.value) })),
      field('stmt-withdraw', t('stmt_withdraw'), t('stmt_withdrawHint'),
        h('input', { id: 'stmt-withdraw', type: 'date', value: state.withdrawOn, oninput: (e) => change('withdrawOn', e.target.value) })),
      field('stmt-rate', t('stmt_rate'), t('stmt_rateHint'),
        h('input', { id: 'stmt-rate', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: state.rate, oninput: (e) => change('rate', e.target.value) }))));

  // Into the folded view the element drew (or a new one), keeping its summary and focus.
  const details = slot.querySelector('#statement') ?? shell(slot, state, { t, onToggle: (open) => { now(slot).data.state.open = open; } });
  details.append(
    h('p', { class: 'hint' }, t('stmt_intro')),
    drop,
    h('div', { id: 'stmt-read', role: 'status' }),
    mapping,
    account,
    h('div', { id: 'stmt-result', 'aria-live': 'polite' }));
}

async function readFile(slot, file) {
  if (!file) return;
  const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
  const st = now(slot).data.state;
  st.mapping = null;
  st.order = null;
  fill(slot.querySelector('#stmt-file-name'), file.name);
  const saved = savedStatement(text);
  if (saved) {
    Object.assign(st, saved);
  } else {
    st.text = text;
  }
  const area = slot.querySelector('#stmt-text');
  area.value = st.text;
  for (const [id, key] of [['stmt-start', 'start'], ['stmt-installment', 'installment'], ['stmt-bank', 'bank'], ['stmt-withdraw', 'withdrawOn'], ['stmt-rate', 'rate']]) {
    slot.querySelector(`#${id}`).value = st[key] ?? '';
  }
  update(slot);
}

/** A statement file this panel saved: { kind, statement } → the state's fields, or null. */
function savedStatement(text) {
  let doc;
  try { doc = JSON.parse(text); } catch { return null; }
  const s = doc?.kind === 'savings-plan-statement' ? doc.statement : null;
  if (!s || !Array.isArray(s.deposits)) return null;
  const str = (v) => (typeof v === 'string' ? v : '');
  return { text: rowsText(s.deposits.map((d) => ({ date: str(d?.date), amount: str(d?.amount), description: str(d?.description) }))),
    start: str(s.start), startTyped: Boolean(s.start), months: String(s.months ?? ''), installment: str(s.installment),
    rate: str(s.rate), withdrawOn: str(s.withdrawOn), bank: str(s.bankPayout) };
}

/** The statement document from the state and the rows read. */
function statementOf(state, read, product) {
  const terms = (product.terms ?? []).map((x) => Number(x.months));
  const opt = (v) => (v.trim() === '' ? null : amountText(v));
  return {
    start: state.start,
    months: Number(state.months) || terms[0] || 12,
    installment: opt(state.installment),
    deposits: read.deposits.map((d) => (d.description ? { date: d.date, amount: d.amount, description: d.description } : { date: d.date, amount: d.amount })),
    withdrawOn: state.withdrawOn || null,
    rate: opt(state.rate),
    bankPayout: opt(state.bank),
  };
}

function update(slot) {
  const { data: { product, state, months }, opts } = now(slot);
  const { t, lang } = opts;
  const read = readStatement(state.text, { mapping: state.mapping, order: state.order, lang });

  // Opening date: the first deposit's date until the saver types one.
  if (!state.startTyped) {
    state.start = read.deposits.map((d) => d.date).sort()[0] ?? '';
    const input = slot.querySelector('#stmt-start');
    if (input.getRootNode().activeElement !== input) input.value = state.start;
  }
  const terms = (product.terms ?? []).map((x) => String(x.months));
  if (!terms.includes(state.months)) state.months = terms.includes(String(months)) ? String(months) : terms[0] ?? '12';
  const monthsSelect = slot.querySelector('#stmt-months');
  fill(monthsSelect, terms.map((m) => h('option', { value: m, selected: m === state.months }, termText(m, t))));

  drawRead(slot, read, opts);
  clearFieldErrors(slot);
  const out = slot.querySelector('#stmt-result');
  if (!read.deposits.length) {
    fill(out, h('p', { class: 'hint', id: 'stmt-empty' }, t('stmt_empty')));
    return;
  }
  const statement = statementOf(state, read, product);
  const r = opts.reconcile(statement);
  if (!r.ok) {
    const key = r.error.path.replace(/^statement\.?/, '').replace(/[[.].*$/, '');
    const id = FIELD_OF[key] ?? 'stmt-text';
    const row = r.error.path.match(/deposits\[(\d+)\]/);
    const where = row ? t('stmt_onLine', { line: read.deposits[Number(row[1])]?.line ?? '?' }) : '';
    showFieldError(slot, id, `${errorText(r.error, product, opts)}${where}`, opts);
    fill(out, h('p', { class: 'error-text', id: 'stmt-error' }, t('stmt_fix')));
    return;
  }
  drawResult(slot, out, { product, statement, read, r: r.value }, opts);
}

function drawRead(slot, read, { t }) {
  const status = slot.querySelector('#stmt-read');
  const mapping = slot.querySelector('#stmt-columns');
  if (!read.columns.length) {
    status.replaceChildren();
    mapping.hidden = true;
    return;
  }
  const reasons = read.skipped.map((s) => h('li', {}, t('stmt_skipped', { line: s.line, text: s.text }), ' — ', t(`stmt_skip_${s.reason}`)));
  fill(status, h('p', { id: 'stmt-read-summary' }, t('stmt_read', { n: read.deposits.length, rows: read.deposits.length + read.skipped.length })),
    reasons.length ? h('ul', { class: 'stmt-skipped', id: 'stmt-skipped' }, reasons) : null);
  mapping.hidden = false;
  const unsure = !read.deposits.length || read.ambiguousDates || read.skipped.some((x) => x.reason !== 'withdrawal');
  mapping.open = now(slot).data.state.columnsOpen || unsure;
  fill(mapping.querySelector('summary'), t('stmt_columns'), ' ', h('span', { class: 'hint' }, t('stmt_columnsNow', {
    date: read.mapping.date == null ? '—' : read.mapping.date + 1, amount: read.mapping.amount == null ? '—' : read.mapping.amount + 1 })));
  for (const role of ['date', 'amount', 'description']) {
    const select = slot.querySelector(`#stmt-col-${role}`);
    const options = read.columns.map((c) => h('option', { value: String(c.index), selected: read.mapping[role] === c.index },
      t('stmt_column', { n: c.index + 1, name: c.name ? ` ${c.name}` : '', sample: c.sample ? ` (${c.sample})` : '' })));
    if (role === 'description') options.unshift(h('option', { value: '', selected: read.mapping.description == null }, t('stmt_col_none')));
    fill(select, options);
  }
  const orderField = slot.querySelector('#stmt-order-field');
  orderField.hidden = !read.ambiguousDates && !read.orderProven;
  slot.querySelector('#stmt-order').value = read.dayOrder;
  slot.querySelector('#stmt-order').disabled = read.orderProven;
}

/** Days from one ISO date to another (calendar days, not money). */
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

function drawResult(slot, out, { product, statement, read, r }, opts) {
  const { t, lang } = opts;
  const res = r.result;
  const c = res.currency;
  const m = (v) => money(v, c, lang);
  const rows = res.schedule;
  const due = (n) => rows[n - 1]?.due;
  const end = (n) => rows[n]?.due ?? res.maturityDate;
  const problemOf = new Map(r.problems.map((p) => [Number(p.path.match(/deposits\[(\d+)\]/)?.[1]), p]));

  // What each deposit paid, and why.
  const why = (d) => {
    if (d.status === 'ignored') {
      const p = problemOf.get(d.index);
      return [h('span', { class: 'stmt-ignored' }, t('stmt_status_ignored')), ': ',
        t(`stmt_why_${p?.code ?? 'DEPOSIT_NOT_MATCHED'}`, {
          start: date(statement.start, lang), close: date(statement.withdrawOn && statement.withdrawOn < res.maturityDate ? statement.withdrawOn : res.maturityDate, lang),
          installment: m(r.plan.installment), date: date(d.date, lang) })];
    }
    return d.installments.map((n, i) => {
      const row = rows[n - 1];
      let text;
      if (d.date >= end(n)) text = t('stmt_madeUp', { n, due: date(due(n), lang) });
      else if (d.date === due(n)) text = t('stmt_onTime', { n });
      else {
        const days = daysBetween(due(n), d.date);
        text = t(days === 1 ? 'stmt_inMonth_one' : 'stmt_inMonth', { n, days, due: date(due(n), lang) });
      }
      if (row?.status === 'refused') text += ` ${t('stmt_refused')}`;
      if (row?.status === 'missed') text += ` ${t('stmt_cut')}`;
      return [i ? h('br', {}) : null, text];
    });
  };
  const tableRows = r.deposits.map((d) => h('tr', { class: `stmt-${d.status}`, 'data-index': String(d.index) },
    h('th', { scope: 'row', 'data-label': t('stmt_th_line') }, String(read.deposits[d.index]?.line ?? d.index + 1)),
    h('td', { 'data-label': t('stmt_th_date') }, date(d.date, lang)),
    h('td', { 'data-label': t('stmt_th_amount'), class: 'num' }, m(read.deposits[d.index]?.amount ?? d.amount)),
    h('td', { 'data-label': t('stmt_th_description') }, read.deposits[d.index]?.description || '—'),
    h('td', { 'data-label': t('stmt_th_installments') }, d.installments.length ? d.installments.join(', ') : '—'),
    h('td', { 'data-label': t('stmt_th_status'), class: 'stmt-why' }, why(d))));

  const missed = rows.filter((x) => x.status === 'missed' && !r.deposits.some((d) => d.installments.includes(x.n)));
  const b = res.breach;
  const parts = [];
  parts.push(h('h4', { id: 'stmt-rules-heading' }, t('stmt_rulesGive')),
    h('p', { class: 'payout', id: 'stmt-payout' }, m(res.payout)),
    h('p', { id: 'stmt-close' }, t('stmt_paidOn', { date: date(res.closeDate, lang), closure: t(`closure_${res.closure}`) })),
    h('dl', { class: 'parts' },
      h('dt', {}, t('principal')), h('dd', {}, m(res.principal)),
      h('dt', {}, t('interest')), h('dd', {}, m(res.interest)),
      !/^0(\.0+)?$/.test(res.fees) ? [h('dt', {}, t('fees')), h('dd', {}, m(res.fees))] : null,
      !/^0(\.0+)?$/.test(res.tax) ? [h('dt', {}, t('tax')), h('dd', {}, m(res.tax))] : null,
      h('dt', {}, t('stmt_rate_used')), h('dd', {}, percent(res.contractRate, lang))));
  if (r.bank) parts.push(bankPart(r.bank, res, opts));
  parts.push(h('p', { id: 'stmt-breach', class: b ? 'warning' : null },
    b ? t('stmt_breach', { n: b.installment, date: date(b.date, lang), trigger: t(`trigger_${b.trigger}`), effect: t(`effect_${b.effect}`) }) : t('stmt_noBreach')));
  parts.push(h('p', { id: 'stmt-missed' }, missed.length
    ? t('stmt_missed', { list: missed.map((x) => t('stmt_missedItem', { n: x.n, due: date(x.due, lang) })).join(t('stmt_listSeparator')) })
    : t('stmt_noneMissed')));
  if (r.problems.length) parts.push(h('p', { id: 'stmt-problems', class: 'warning' }, t('stmt_problems', { n: r.problems.length })));
  parts.push(h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('stmt_tableCaption') }) },
    h('table', { class: 'responsive stmt-table', id: 'stmt-table' },
      h('caption', { class: 'visually-hidden' }, t('stmt_tableCaption')),
      h('thead', {}, h('tr', {}, ['line', 'date', 'amount', 'description', 'installments', 'status'].map((k) => h('th', { scope: 'col' }, t(`stmt_th_${k}`))))),
      h('tbody', {}, tableRows))));
  parts.push(h('div', { class: 'row' },
    h('button', { type: 'button', id: 'stmt-use', class: 'secondary', onclick: () => opts.onUsePlan(structuredClone(r.plan)) }, t('stmt_use')),
    h('button', { type: 'button', id: 'stmt-save', class: 'secondary', onclick: () => save(product, statement) }, t('stmt_save'))),
  h('p', { class: 'hint' }, t('stmt_private')));
  fill(out, parts);
}

function bankPart(bank, res, { t, lang }) {
  const c = res.currency;
  const m = (v) => money(v, c, lang);
  const diff = bank.difference;
  const zero = /^-?0(\.0+)?$/.test(diff);
  const signed = zero ? m(diff.replace(/^-/, '')) : diff.startsWith('-') ? m(diff) : `+${m(diff)}`;
  const cause = (k) => {
    const vars = {
      n: k.installment, date: k.date ? date(k.date, lang) : '', effect: k.effect ? t(`effect_${k.effect}`) : '',
      trigger: k.trigger ? t(`trigger_${k.trigger}`) : '', amount: k.amount ? m(k.amount) : '',
      value: k.value ?? '', expected: k.expected ?? '',
    };
    if (k.key === 'makeUpWindow') {
      vars.value = k.value === 'untilMaturity' ? t('stmt_untilMaturity') : t('months', { n: k.value });
      vars.expected = k.expected === 'untilMaturity' ? t('stmt_untilMaturity') : t('months', { n: k.expected });
    }
    if (k.key === 'rounding') {
      vars.value = t(`opt_${k.value}`);
      vars.expected = t(`opt_${k.expected}`);
      return t(k.payoutScale === 0 ? (k.value === k.expected ? 'stmt_cause_wholeUnits' : 'stmt_cause_roundingWhole') : 'stmt_cause_rounding', vars);
    }
    return t(`stmt_cause_${k.key}`, vars);
  };
  const [first, ...others] = bank.explain;
  return h('div', { class: 'stmt-bank', id: 'stmt-bank-result' },
    h('dl', { class: 'parts' },
      h('dt', {}, t('stmt_bankFigure')), h('dd', { id: 'stmt-bank-figure' }, m(bank.payout)),
      h('dt', {}, t('stmt_difference')), h('dd', { id: 'stmt-difference', class: zero ? null : 'strong' }, signed)),
    h('p', { id: 'stmt-cause', 'data-key': first?.key ?? '' }, first ? cause(first) : ''),
    others.length ? h('ul', { id: 'stmt-other-causes' }, others.map((k) => h('li', { 'data-key': k.key }, t('stmt_alsoPossible'), ' ', cause(k)))) : null);
}

function save(product, statement) {
  const doc = { kind: 'savings-plan-statement', product: product.id, statement };
  download(`statement-${statement.start || 'undated'}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
}
