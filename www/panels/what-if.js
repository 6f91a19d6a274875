// What if (inside its fold): the month grid (mark installments missed or paid late), the
// withdrawal date with quick choices, and what the changed plan pays.
// Due dates are the engine's schedule (data.dues), never computed here.
import { h, fill, hidden } from '../dom.js';
import { money, date, month } from '../format.js';
import { field, syncValue } from './field.js';
import { outcomeTitle, outcomeLines } from '../outcome.js';

/**
 * data: { plan, dues: { due: [iso…], maturityDate } | null, result, onTime, mode }
 * (`onTime`: the same plan paid on time, when it differs from `result`).
 * onCycle(n); onAllOnTime(); onWithdraw(iso | null).
 */
export function render(slot, data, opts) {
  const { t } = opts;
  if (!slot.firstChild) {
    slot.append(
      h('p', { class: 'hint' }, t('whatIfIntro')),
      h('div', { class: 'field', 'data-field': 'grid' },
        h('p', { id: 'grid-label', class: 'label' }, t('gridLabel')),
        h('p', { id: 'grid-hint', class: 'hint' }, t('gridHint')),
        h('p', { class: 'error', id: 'grid-error', hidden: true }),
        h('div', { class: 'grid', id: 'grid', role: 'group', 'aria-labelledby': 'grid-label', 'aria-describedby': 'grid-hint grid-error' })),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'all-on-time', class: 'secondary', onclick: () => opts.onAllOnTime() }, t('allOnTime'))),
      field('withdrawOn', t('withdrawOn'), t('withdrawHint'),
        h('input', { id: 'withdrawOn', type: 'date', value: data.plan.withdrawOn ?? '',
          oninput: (e) => opts.onWithdraw(e.target.value || null) })),
      h('div', { class: 'row quick-dates' },
        h('button', { type: 'button', id: 'w-maturity', class: 'secondary', onclick: () => opts.onWithdraw(null) }, t('atMaturity')),
        h('button', { type: 'button', id: 'w-halfway', class: 'secondary', onclick: () => { const d = halfway(slot); if (d) opts.onWithdraw(d); } }, t('halfway')),
        h('button', { type: 'button', id: 'w-overdue', class: 'secondary', onclick: () => { const d = overdue(slot); if (d) opts.onWithdraw(d); } }, t('overdue45'))),
      // Not a live region: the element announces each change once (the headline's sentence).
      h('div', { class: 'outcome', id: 'outcome' }));
  }
  duesOf.set(slot, data.dues);
  syncValue(slot.querySelector('#withdrawOn'), data.plan.withdrawOn ?? '');
  renderGrid(slot.querySelector('#grid'), data, opts);
  renderOutcome(slot.querySelector('#outcome'), data, opts);
}

const duesOf = new WeakMap(); // slot → the due dates it shows, for the quick-date buttons

/** Withdrawing halfway: the due date of the installment after the first half. */
function halfway(slot) {
  const due = duesOf.get(slot)?.due ?? [];
  return due[Math.floor(due.length / 2)] ?? null;
}

/** 45 days after the engine's maturity date (calendar days, UTC). */
function overdue(slot) {
  const maturity = duesOf.get(slot)?.maturityDate;
  if (!maturity) return null;
  return new Date(Date.parse(`${maturity}T00:00:00Z`) + 45 * 86_400_000).toISOString().slice(0, 10);
}

export function statusOf(plan, n) {
  const ev = plan.events.find((e) => e.n === n);
  return ev?.missed ? 'missed' : ev?.paidOn ? 'late' : 'paid';
}

function renderGrid(grid, { plan, dues }, { t, lang, onCycle }) {
  const due = dues?.due ?? [];
  // Redraw only what changed: a redraw under the pointer would swallow the next tap.
  const key = JSON.stringify([lang, due, plan.events]);
  if (grid.dataset.key === key) return;
  grid.dataset.key = key;
  const months = due.length;
  const focused = grid.getRootNode().activeElement?.closest?.('.grid') === grid ? grid.getRootNode().activeElement.dataset.n : null;
  const cells = due.map((iso, i) => {
    const n = i + 1;
    const status = statusOf(plan, n);
    return h('button', {
      type: 'button', class: `cell cell-${status}`, 'data-n': n, 'data-status': status,
      tabindex: (focused ? Number(focused) === n : n === 1) ? '0' : '-1',
      onclick: () => { roveTo(grid, n); onCycle(n); },
      onkeydown: (e) => gridKey(grid, e, n, months),
    }, h('span', { class: 'cell-n' }, String(n)),
    h('span', { class: 'cell-month' }, month(iso, lang)),
    h('span', { class: 'cell-mark', 'aria-hidden': 'true' }, { paid: '✓', missed: '✗', late: '↻' }[status]),
    hidden(t('cellStatus', { date: date(iso, lang), status: t(`status_${status}`) })));
  });
  grid.replaceChildren(...cells);
  if (focused) grid.querySelector(`[data-n="${focused}"]`)?.focus();
}

/** Roving tabindex: one cell in the tab order, focused. */
function roveTo(grid, n) {
  for (const c of grid.children) c.tabIndex = Number(c.dataset.n) === n ? 0 : -1;
  grid.querySelector(`[data-n="${n}"]`)?.focus();
}

function gridKey(grid, e, n, months) {
  const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 12, ArrowUp: -12, Home: 1 - n, End: months - n };
  if (!(e.key in moves)) return;
  e.preventDefault();
  roveTo(grid, Math.min(months, Math.max(1, n + moves[e.key])));
}

function renderOutcome(outcome, { plan, result: r, onTime }, { t, lang }) {
  if (!r) { outcome.replaceChildren(); return; }
  const c = r.currency;
  // How it closes, on which date, at which rate, and whether a breach happened: the headline's words (outcome.js).
  const said = outcomeLines(r, { t, lang }, { exceptions: plan.events.length > 0 });
  const lines = [h('p', { class: 'outcome-main' }, h('strong', {}, outcomeTitle(r, { t, lang })), lang.startsWith('zh') ? '：' : ': ', money(r.payout, c, lang))];
  for (const line of said) if (line.key !== 'breach') lines.push(h('p', { class: `outcome-${line.key}` }, line.text));
  if (r.maturityPayout) lines.push(h('p', { id: 'holding' }, t('holding', { payout: money(r.maturityPayout, c, lang) })));
  if (onTime) lines.push(h('p', { id: 'on-time' }, t('onTimePayout', { payout: money(onTime.payout, c, lang) })));
  const breach = said.find((line) => line.key === 'breach');
  if (breach) lines.push(h('p', { class: r.breach ? 'breach' : null, id: 'breach' }, breach.text));
  if (Number(r.fees) !== 0) lines.push(h('p', {}, `${t('fees')}: ${money(r.fees, c, lang)}`));
  fill(outcome, lines);
}
