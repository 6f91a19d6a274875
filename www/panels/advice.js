// "If I might need it early" (CONTRACT §8.3, issue 14): the saver says how
// likely an early close is and from which month; the engine's advise ranks
// the products by the exact expected payout, with the worst case and the
// payout curve (what each pays if withdrawn in each month). The curve is an
// SVG chart with a table as its text alternative. The teller's view adds
// "for banks": the expected interest cost per saver, and a grid of payouts
// over rates × terms of the quoted product from the engine's payouts.
// Display only: every figure is the engine's; the chart turns the engine's
// strings into coordinates, never into money.
import { h, s, fill } from '../dom.js';
import { money, percent, compact } from '../format.js';
import { errorText } from './field.js';

/** The chances offered, as the probabilities the engine reads (exact strings). */
export const CHANCES = { none: '0', low: '0.2', even: '0.5', high: '0.8' };

/** A percentage as people type it ("30", "30%", "７.５％") → the probability string ("0.30"), or null. */
export function chanceOf(typed) {
  const text = String(typed ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％\s]/g, '');
  const m = /^(\d{1,3})(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (whole.length === 3 && (whole !== '100' || /[1-9]/.test(frac))) return null; // at most 100%
  // x% is x ÷ 100: the point moves two places left, on the digits (no float).
  const digits = whole.padStart(3, '0') + frac;
  return `${digits.slice(0, 1)}.${digits.slice(1)}`;
}

/** The behaviour the engine reads, from the panel's state; null when the chance is none or not a percentage. */
export function behaviourOf(state) {
  const chance = state.chance === 'custom' ? chanceOf(state.percent) : CHANCES[state.chance];
  if (chance == null || /^0(\.0*)?$/.test(chance)) return null;
  return { earlyChance: chance, earlyFrom: state.from, earlyTo: null };
}

/**
 * data: { state: { chance, percent, from }, months, entries: [{ label, advisory, error }] | null,
 *         error, teller, grid: { rates: [text], terms: [months], cells: [[payout|{error}]], currency } | null, product }
 * opts: { t, lang, onState(partial) }
 */
export function render(slot, data, opts) {
  const { t } = opts;
  if (!slot.firstChild) {
    slot.append(h('section', { class: 'advice', 'aria-labelledby': 'advice-title' },
      h('h3', { id: 'advice-title' }, t('adviceHeading')),
      h('p', { class: 'hint' }, t('adviceIntro')),
      h('fieldset', { class: 'advice-chance' },
        h('legend', {}, t('adviceChance')),
        h('div', { class: 'row chips', id: 'advice-chances' },
          ...[...Object.keys(CHANCES), 'custom'].map((k) => h('label', { class: 'chip' },
            h('input', { type: 'radio', name: 'advice-chance', id: `advice-chance-${k}`, value: k,
              onchange: () => opts.onState({ chance: k }) }),
            t(`adviceChance_${k}`)))),
        h('div', { class: 'field advice-percent' },
          h('label', { for: 'advice-percent' }, t('advicePercent')),
          h('input', { id: 'advice-percent', type: 'text', inputmode: 'decimal', autocomplete: 'off', size: '6',
            'aria-describedby': 'advice-percent-error',
            oninput: (e) => opts.onState({ chance: 'custom', percent: e.target.value }) }),
          h('p', { class: 'error-text', id: 'advice-percent-error' }))),
      h('div', { class: 'field' },
        h('label', { for: 'advice-from' }, t('adviceFrom')),
        h('input', { id: 'advice-from', type: 'number', inputmode: 'numeric', min: '1', step: '1',
          'aria-describedby': 'advice-from-hint',
          oninput: (e) => { const n = Number(e.target.value); if (Number.isInteger(n) && n >= 1) opts.onState({ from: n }); } }),
        h('p', { class: 'hint', id: 'advice-from-hint' })),
      h('div', { id: 'advice-result' }),
      h('div', { id: 'advice-banks' })));
  }
  const { state, months } = data;
  for (const k of [...Object.keys(CHANCES), 'custom']) slot.querySelector(`#advice-chance-${k}`).checked = state.chance === k;
  const pct = slot.querySelector('#advice-percent');
  if (pct.value !== state.percent && slot.getRootNode().activeElement !== pct) pct.value = state.percent;
  const bad = state.chance === 'custom' && state.percent.trim() !== '' && chanceOf(state.percent) == null;
  pct.setAttribute('aria-invalid', String(bad));
  slot.querySelector('#advice-percent-error').textContent = bad ? t('advicePercentError') : '';
  const from = slot.querySelector('#advice-from');
  from.max = String(Math.max(1, months - 1));
  if (slot.getRootNode().activeElement !== from) from.value = String(state.from);
  slot.querySelector('#advice-from-hint').textContent = t('adviceFromHint', { last: months - 1 });
  renderResult(slot.querySelector('#advice-result'), data, opts);
  renderBanks(slot.querySelector('#advice-banks'), data, opts);
}

function renderResult(box, data, opts) {
  const { t, lang } = opts;
  if (data.error) { fill(box, h('p', { class: 'error-text' }, errorText(data.error, data.product, opts))); return; }
  if (data.loading) { fill(box, h('p', { class: 'hint', id: 'advice-loading' }, t('adviceLoading'))); return; }
  if (!data.entries) { fill(box, h('p', { class: 'hint', id: 'advice-none' }, t('adviceNone'))); return; }
  const rows = [...data.entries].map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.advisory?.rank ?? 1e9) - (b.advisory?.rank ?? 1e9) || a.i - b.i);
  const head = ['adviceRank', 'variant', 'adviceExpected', 'adviceWorst', 'adviceAtMaturity', ...(data.teller ? ['adviceExpectedInterest'] : [])];
  const body = rows.map((e) => {
    if (!e.advisory) {
      return h('tr', { class: 'unavailable' }, h('td', {}, '—'), h('th', { scope: 'row' }, e.label),
        h('td', { colspan: head.length - 2 }, t('cannotTake', { message: e.error ? errorText(e.error, data.product, opts) : '' })));
    }
    const a = e.advisory;
    const c = a.currency;
    const refused = a.refusedMonths.length ? h('span', { class: 'advice-note' }, t('adviceRefused', { from: a.refusedMonths[0], to: a.refusedMonths[a.refusedMonths.length - 1] })) : null;
    const unranked = a.rank == null ? h('span', { class: 'advice-note' }, t(a.comparable ? 'adviceUnrankedAssumption' : 'adviceUnrankedCurrency')) : null;
    return h('tr', { class: a.best ? 'is-best' : '', 'data-product': a.productId, 'data-rank': a.rank ?? '' },
      h('td', { class: 'num' }, a.rank ?? '—'),
      h('th', { scope: 'row' }, e.label, a.best ? h('span', { class: 'badge' }, t('best')) : null, refused, unranked),
      h('td', { 'data-label': t('adviceExpected'), class: 'num strong' }, money(a.expectedPayout, c, lang)),
      h('td', { 'data-label': t('adviceWorst'), class: 'num' }, money(a.worstPayout, c, lang), h('span', { class: 'advice-note' }, t('adviceInMonth', { month: a.worstMonth }))),
      h('td', { 'data-label': t('adviceAtMaturity'), class: 'num' }, money(a.payout, c, lang)),
      data.teller ? h('td', { 'data-label': t('adviceExpectedInterest'), class: 'num' }, money(a.expectedInterest, c, lang)) : null);
  });
  const chance = data.behaviour;
  fill(box,
    h('p', { id: 'advice-summary' }, t('adviceSummary', { chance: percentOf(chance.earlyChance, lang), from: chance.earlyFrom, to: data.months - 1 })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('adviceRanking') }) },
      h('table', { class: 'compare-table responsive', id: 'advice-table' },
        h('caption', { class: 'visually-hidden' }, t('adviceRanking')),
        h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', class: k === 'variant' ? '' : 'num' }, t(k))))),
        h('tbody', {}, body))),
    curveFigure(data.entries.filter((e) => e.advisory && e.advisory.currency === data.entries[0]?.advisory?.currency), data.months, opts));
}

/** "0.8" → "80%": the probability's digits shifted for display (a string, no float). */
export function percentOf(p, lang) {
  const [w, f = ''] = String(p).split('.');
  const fp = f.padEnd(2, '0');
  const whole = (w + fp.slice(0, 2)).replace(/^0+(?=\d)/, '');
  return percent(fp.length > 2 ? `${whole}.${fp.slice(2)}` : whole, lang);
}

function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

const W = 640;
const H = 260;
const PAD = { left: 56, right: 16, top: 12, bottom: 32 };

/**
 * The curves as an SVG chart: the interest each product pays if withdrawn
 * in each month (a line per product from 0, broken where it refuses; the
 * payouts themselves differ by little more than the interest), and a table
 * with the payout and its interest for every month as the text alternative.
 */
function curveFigure(entries, months, { t, lang }) {
  if (!entries.length) return null;
  const values = entries.flatMap((e) => e.advisory.curve.filter((p) => p.interest != null).map((p) => Number(p.interest)));
  const y0 = 0;
  const y1 = niceMax(Math.max(...values, 0));
  const px = (m) => PAD.left + ((m - 1) / Math.max(1, months - 1)) * (W - PAD.left - PAD.right);
  const py = (v) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const grid = [];
  for (let i = 0; i <= 4; i++) {
    const v = y0 + ((y1 - y0) * i) / 4;
    grid.push(s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: py(v), y2: py(v) }),
      s('text', { class: 'tick', x: PAD.left - 6, y: py(v) + 4, 'text-anchor': 'end' }, compact(v, lang)));
  }
  const step = months > 72 ? 24 : months > 24 ? 12 : months > 12 ? 6 : 3;
  for (let m = step; m <= months; m += step) {
    grid.push(s('text', { class: 'tick', x: px(m), y: H - PAD.bottom + 16, 'text-anchor': 'middle' }, String(m)));
  }
  const lines = entries.map((e, k) => {
    // One polyline per run of months the product pays in (a refused month breaks the line).
    const runs = [[]];
    for (const p of e.advisory.curve) {
      if (p.interest == null) { if (runs[runs.length - 1].length) runs.push([]); continue; }
      runs[runs.length - 1].push(`${px(p.month).toFixed(1)},${py(Number(p.interest)).toFixed(1)}`);
    }
    return s('g', { class: `series series-${k % 8}${e.advisory.best ? ' best' : ''}` },
      runs.filter((r) => r.length).map((r) => (r.length === 1
        ? s('circle', { cx: r[0].split(',')[0], cy: r[0].split(',')[1], r: 2.5 })
        : s('polyline', { points: r.join(' ') }))));
  });
  const last = entries.map((e) => `${e.label}: ${money(e.advisory.payout, e.advisory.currency, lang)}`).join('; ');
  const table = h('table', { class: 'advice-curve-table', id: 'advice-curve-table' },
    h('caption', {}, t('adviceCurveTable')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('adviceMonth')), entries.map((e) => h('th', { scope: 'col', class: 'num' }, e.label)))),
    h('tbody', {}, Array.from({ length: months }, (_, i) => h('tr', {},
      h('th', { scope: 'row' }, String(i + 1)),
      entries.map((e) => {
        const p = e.advisory.curve[i];
        return h('td', { class: 'num' }, p?.payout == null ? t('adviceRefusedCell')
          : [money(p.payout, e.advisory.currency, lang), h('span', { class: 'advice-note' }, t('adviceOfInterest', { interest: money(p.interest, e.advisory.currency, lang) }))]);
      })))));
  return h('figure', { class: 'chart-figure advice-figure', id: 'advice-chart' },
    s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'advice-chart-title advice-chart-desc', class: 'chart', preserveAspectRatio: 'xMidYMid meet' },
      s('title', { id: 'advice-chart-title' }, t('adviceCurveHeading')),
      s('desc', { id: 'advice-chart-desc' }, t('adviceCurveDesc', { values: last })),
      grid,
      s('text', { class: 'axis-label', x: (W + PAD.left) / 2, y: H - 2, 'text-anchor': 'middle' }, t('adviceAxis')),
      lines),
    h('figcaption', {},
      h('ul', { class: 'legend' }, entries.map((e, k) => h('li', { class: `legend-item series-${k % 8}` },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }), e.label))),
      h('details', { class: 'advice-curve-details' }, h('summary', {}, t('adviceCurveTable')),
        h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('adviceCurveTable') }, table))));
}

/** For banks (teller view): payouts over rates × terms of the quoted product, from the engine's payouts. */
function renderBanks(box, data, { t, lang }) {
  const g = data.grid;
  if (!data.teller || !g) { box.replaceChildren(); return; }
  fill(box, h('section', { class: 'advice-banks', 'aria-labelledby': 'advice-banks-title' },
    h('h4', { id: 'advice-banks-title' }, t('adviceBanksHeading')),
    h('p', { class: 'hint' }, t('adviceBanksIntro', { installment: money(g.installment, g.currency, lang) })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tableOf', { name: t('adviceBanksHeading') }) },
      h('table', { class: 'advice-grid', id: 'advice-grid' },
        h('caption', { class: 'visually-hidden' }, t('adviceBanksHeading')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('adviceGridRate')),
          g.terms.map((m) => h('th', { scope: 'col', class: 'num' }, t('months', { n: m }))))),
        h('tbody', {}, g.rates.map((rate, i) => h('tr', { class: rate === g.rate ? 'is-chosen' : '' },
          h('th', { scope: 'row' }, percent(rate, lang)),
          g.cells[i].map((c) => h('td', { class: 'num' }, typeof c === 'string' ? money(c, g.currency, lang) : '—')))))))));
}

/**
 * Rates for the grid: the contract rate and steps around it, in hundredths
 * of a percent on the digits (a rate is not money; still no float).
 */
export function gridRates(rate) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(rate ?? ''));
  if (!m) return [];
  const base = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return [-100, -50, -25, 0, 25, 50, 100].map((d) => base + d).filter((x) => x >= 0)
    .map((x) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`);
}

/** One sentence for the component's live region after the saver changes the chance: what ranks first. */
export function announcement(data, { t, lang }) {
  if (data?.error) return errorText(data.error, data.product, { t, lang });
  if (data?.loading) return null; // said once the whole engine has arrived
  const first = data?.entries?.find((e) => e.advisory?.best);
  if (!first) return data?.entries ? '' : t('adviceNone');
  return t('adviceAnnounce', { name: first.label, payout: money(first.advisory.expectedPayout, first.advisory.currency, lang) });
}

/** The advice's lines for the teller's printed quote (a small block; the quote panel places it). */
export function quoteBlock(data, { t, lang }) {
  if (!data?.entries) return null;
  const rows = data.entries.filter((e) => e.advisory)
    .sort((a, b) => (a.advisory.rank ?? 1e9) - (b.advisory.rank ?? 1e9));
  return h('section', { class: 'qd-advice', 'aria-labelledby': 'qd-advice-title' },
    h('h3', { id: 'qd-advice-title' }, t('adviceHeading')),
    h('p', { class: 'qd-small' }, t('adviceSummary', { chance: percentOf(data.behaviour.earlyChance, lang), from: data.behaviour.earlyFrom, to: data.months - 1 })),
    h('table', { id: 'qd-advice' },
      h('thead', {}, h('tr', {}, ['variant', 'adviceExpected', 'adviceWorst'].map((k) => h('th', { scope: 'col', class: k === 'variant' ? '' : 'num' }, t(k))))),
      h('tbody', {}, rows.map((e) => h('tr', { class: e.advisory.best ? 'is-best' : '' },
        h('th', { scope: 'row' }, e.label, e.advisory.best ? h('span', { class: 'badge' }, t('best')) : null),
        h('td', { class: 'num strong' }, money(e.advisory.expectedPayout, e.advisory.currency, lang)),
        h('td', { class: 'num' }, `${money(e.advisory.worstPayout, e.advisory.currency, lang)} (${t('adviceInMonth', { month: e.advisory.worstMonth })})`))))));
}
