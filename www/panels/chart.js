// Balance over time per variant, as an SVG line chart. Display only: the
// engine's strings are turned into coordinates, never into money figures.
import { h, s, fill } from '../dom.js';
import { compact, money } from '../format.js';

const W = 640;
const H = 260;
const PAD = { left: 56, right: 16, top: 12, bottom: 32 };
const DAY = 86_400_000;

function days(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

/** Points of one result: deposits so far at each due date, renewals, then the payout on the closing day. */
export function balancePoints(result) {
  const points = [];
  for (const row of result.schedule) points.push([days(row.due), Number(row.balance)]);
  for (const r of result.renewals) {
    points.push([days(r.start), Number(r.principal)]);
    points.push([days(r.end), Number(r.value)]);
  }
  points.push([days(result.closeDate), Number(result.payout)]);
  return points.sort((a, b) => a[0] - b[0]);
}

function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

/**
 * series: [{ label, points: [[day, value]…], best }]; title/desc are the
 * accessible name and text alternative.
 */
export function balanceChart(series, { locale, title, desc, axisLabel }) {
  const all = series.flatMap((x) => x.points);
  const x0 = Math.min(...all.map((p) => p[0]));
  const x1 = Math.max(...all.map((p) => p[0]), x0 + 1);
  const yMax = niceMax(Math.max(...all.map((p) => p[1])));
  const px = (d) => PAD.left + ((d - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (v) => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);

  const grid = [];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    grid.push(s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: py(v), y2: py(v) }));
    grid.push(s('text', { class: 'tick', x: PAD.left - 6, y: py(v) + 4, 'text-anchor': 'end' }, compact(v, locale)));
  }
  const spanMonths = Math.round((x1 - x0) / 30.44);
  const step = spanMonths > 72 ? 24 : spanMonths > 24 ? 12 : spanMonths > 12 ? 6 : 3;
  for (let m = 0; m <= spanMonths; m += step) {
    const x = px(x0 + m * 30.44);
    grid.push(s('text', { class: 'tick', x, y: H - PAD.bottom + 16, 'text-anchor': 'middle' }, String(m)));
  }
  const lines = series.map((x, i) =>
    s('polyline', {
      class: `series series-${i % 8}${x.best ? ' best' : ''}`,
      points: x.points.map(([d, v]) => `${px(d).toFixed(1)},${py(v).toFixed(1)}`).join(' '),
    }));
  return s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart', preserveAspectRatio: 'xMidYMid meet' },
    s('title', { id: 'chart-title' }, title),
    s('desc', { id: 'chart-desc' }, desc),
    grid,
    s('text', { class: 'axis-label', x: (W + PAD.left) / 2, y: H - 2, 'text-anchor': 'middle' }, axisLabel),
    lines);
}

/**
 * The chart panel (inside its fold): every comparable entry (same currency
 * as the first) as a line, with a text alternative listing the payouts.
 * data: { entries }.
 */
export function render(slot, { entries }, { t, lang }) {
  if (!slot.firstChild) slot.append(h('figure', { class: 'chart-figure', id: 'chart' }));
  const figure = slot.querySelector('#chart');
  const ok = entries.filter((e) => e.result && e.result.currency === entries[0]?.result?.currency);
  if (!ok.length) { figure.replaceChildren(); return; }
  const series = ok.map((e) => ({ label: e.label, best: e.result.best, points: balancePoints(e.result) }));
  const values = ok.map((e) => `${e.label}: ${money(e.result.payout, e.result.currency, lang)}`).join('; ');
  fill(figure,
    balanceChart(series, { locale: lang, title: t('chartHeading'), desc: t('chartDesc', { values }), axisLabel: t('chartAxisMonths') }),
    h('figcaption', {}, h('ul', { class: 'legend' }, ok.map((e, k) => h('li', { class: `legend-item series-${k % 8}` },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }), e.label)))));
}
