// Reading a bank statement as people copy it: rows pasted from an app or a
// passbook scan, or a CSV/TSV export. Pure functions, no DOM: text in,
// deposits out ({ date: 'YYYY-MM-DD', amount: '1000.00' }, exact decimal
// strings; no float ever touches an amount), plus the rows left out and why.
//
// Dates: 2025-01-15, 2025/1/15, 2025.1.15, 2025年1月15日, 20250115,
// 15/01/2025 and 15-01-2025 (day first, as in India and the UK; month first
// when the reader chose it or the rows prove it), 15 Jan 2025, 15-Jan-25,
// Jan 15, 2025; a time after the date is ignored.
// Amounts: 1000, 1,000.00, ₹1,00,000, ¥1 000, 1.000,50, +1000, 1000 CR;
// negative, debit (DR) or bracketed amounts are withdrawals, not deposits.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Full-width digits and punctuation (１２３，．) as ASCII; non-breaking and thin spaces as spaces. */
function plain(text) {
  return String(text ?? '').normalize('NFKC').replace(/[\u00a0\u2007\u202f\u2009]/g, ' ').trim();
}

function iso(y, m, d) {
  if (y < 100) y += 2000;
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date in any of the forms above, as YYYY-MM-DD, or null.
 * `order`: 'dmy' (default) or 'mdy', for dates with the year last and numbers only.
 */
export function parseDate(text, order = 'dmy') {
  const s = plain(text).toLowerCase();
  let m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?=$|[\sT])/);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = s.match(/^(\d{4})(\d{2})(\d{2})(?=$|[\sT])/);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?=$|[\s,T])/);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    return order === 'mdy' ? iso(+m[3], a, b) : iso(+m[3], b, a);
  }
  m = s.match(/^(\d{1,2})[\s\-/.]*([a-z]{3})[a-z]*\.?[\s\-/.,]*(\d{4}|\d{2})(?=$|[\s,T])/);
  if (m && MONTHS.includes(m[2])) return iso(+m[3], MONTHS.indexOf(m[2]) + 1, +m[1]);
  m = s.match(/^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?=$|[\s,T])/);
  if (m && MONTHS.includes(m[1])) return iso(+m[3], MONTHS.indexOf(m[1]) + 1, +m[2]);
  return null;
}

/**
 * Which order numeric year-last dates are in: 'dmy' or 'mdy' if the rows
 * prove it (a first number above 12, or a second), else null (ambiguous or none).
 */
export function provenOrder(cells) {
  let dmy = false;
  let mdy = false;
  for (const c of cells) {
    const m = plain(c).match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/);
    if (!m) continue;
    if (+m[1] > 12) dmy = true;
    if (+m[2] > 12) mdy = true;
  }
  if (dmy && !mdy) return 'dmy';
  if (mdy && !dmy) return 'mdy';
  return null;
}

/** Whether any cell is a numeric year-last date whose order matters (both numbers ≤ 12, different). */
export function hasAmbiguousDates(cells) {
  return cells.some((c) => {
    const m = plain(c).match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/);
    return m && +m[1] <= 12 && +m[2] <= 12 && m[1] !== m[2];
  });
}

const CURRENCY = /(?:rs\.?|inr|cny|rmb|gbp|usd|eur|元|円|[¥￥₹£$€])/gi;

/**
 * An amount as typed or printed, as { amount: '1000.00', negative } with
 * `amount` an exact decimal string, or null when it is not an amount.
 */
export function parseAmount(text) {
  let s = plain(text);
  if (!s) return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1).trim(); }
  const mark = s.match(/\s*\b(cr|dr)\.?$/i);
  if (mark) { negative = mark[1].toLowerCase() === 'dr'; s = s.slice(0, mark.index).trim(); }
  s = s.replace(CURRENCY, '').trim();
  if (/^[-−]/.test(s)) { negative = true; s = s.slice(1).trim(); } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(CURRENCY, '').replace(/\s+/g, ' ').trim();
  if (/[-−]$/.test(s)) { negative = true; s = s.slice(0, -1).trim(); }
  let whole;
  let fraction = '';
  // A decimal comma: 1.000,50 or 1 000,50 (groups of three), or 1000,5 / 12,50 (no groups).
  const comma = s.match(/^(\d{1,3}(?:[. '’]\d{3})+),(\d{1,2})$/) ?? s.match(/^(\d+),(\d{1,2})$/);
  if (comma) {
    whole = comma[1].replace(/[. '’]/g, '');
    fraction = comma[2];
  } else {
    // 1,000.00, 1,00,000.50 (lakh), 1 000.00, 1'000.00, or plain digits.
    const m = s.match(/^(\d{1,3}(?:[, '’]\d{2,3})*|\d+)(?:\.(\d+))?$/);
    if (!m) return null;
    const groups = m[1].split(/[, '’]/);
    // Grouping must be thousands (or Indian lakhs: 2-digit groups, then a final 3).
    if (groups.length > 1) {
      const last = groups.at(-1);
      const middle = groups.slice(1, -1);
      const thousands = groups.slice(1).every((g) => g.length === 3);
      const lakhs = last.length === 3 && middle.every((g) => g.length === 2);
      if (!thousands && !lakhs) return null;
    }
    whole = groups.join('');
    fraction = m[2] ?? '';
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  const amount = fraction ? `${whole}.${fraction}` : whole;
  if (!/^\d+(\.\d+)?$/.test(amount)) return null;
  return { amount, negative };
}

/** A decimal string the engine reads, from an amount as people type it ('¥11,039.54' → '11039.54'), or the text as it was. */
export function amountText(text) {
  const a = parseAmount(text);
  return a && !a.negative ? a.amount : plain(text);
}

/** Splits one CSV line by `sep`, honouring double quotes. */
function splitQuoted(line, sep) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell.trim() === '') { quoted = true; cell = ''; } else if (c === sep) { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out.map((x) => x.trim());
}

/**
 * Joins cells that an unquoted grouping comma cut apart: "1", "000.00" →
 * "1,000.00"; "1", "00", "000" → "1,00,000" (lakh).
 */
function rejoinGroups(cells) {
  const out = [];
  for (let i = 0; i < cells.length; i++) {
    let cell = cells[i];
    if (/^[^\d]{0,4}\d{1,3}$/.test(cell)) {
      while (i + 1 < cells.length && (/^\d{3}(\.\d+)?(\s*(cr|dr))?$/i.test(cells[i + 1]) || (/^\d{2}$/.test(cells[i + 1]) && /^\d{2,3}/.test(cells[i + 2] ?? '')))) {
        cell += `,${cells[++i]}`;
      }
    }
    out.push(cell);
  }
  return out;
}

const SPLITTERS = {
  tab: (l) => l.split('\t').map((x) => x.trim()),
  comma: (l) => rejoinGroups(splitQuoted(l, ',')),
  semicolon: (l) => splitQuoted(l, ';'),
  pipe: (l) => l.split('|').map((x) => x.trim()),
  // Two or more spaces (columns copied from a fixed-width passbook print).
  spaces: (l) => l.trim().split(/\s{2,}/),
  // Single spaces: a date, an amount and words (the words are joined again).
  words: (l) => {
    const parts = l.trim().split(/\s+/);
    return parts.length > 3 ? [...parts.slice(0, 2), parts.slice(2).join(' ')] : parts;
  },
};

/** Lines that carry something (BOM and blank lines dropped). */
function lines(text) {
  return String(text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
}

/** A cell that is a date and nothing else (a time may follow), not a piece of a row cut the wrong way. */
function isDateCell(c) {
  return c.length <= 24 && !/\t|\s{2}/.test(c) && parseDate(c) != null;
}

function isAmountCell(c) {
  const a = parseAmount(c);
  return a != null && !/^0+(\.0+)?$/.test(a.amount);
}

/** Scores a way of cutting the rows into columns: rows with a date cell and an amount cell, with equal cell counts. */
function score(rows) {
  let good = 0;
  const counts = new Map();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const mode = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  for (const r of rows) {
    if (r.length !== mode || r.length < 2) continue;
    const d = r.findIndex(isDateCell);
    if (d >= 0 && r.some((c, i) => i !== d && isAmountCell(c))) good++;
  }
  return { good, columns: mode };
}

/** The rows of a text cut into cells, the way that finds most rows with a date and an amount. */
export function splitRows(text) {
  const ls = lines(text);
  let best = { name: 'tab', rows: ls.map(SPLITTERS.tab), good: -1, columns: 0 };
  for (const [name, split] of Object.entries(SPLITTERS)) {
    if (name === 'tab' && !ls.some((l) => l.includes('\t'))) continue;
    const rows = ls.map(split);
    const s = score(rows);
    // The most rows with a date and an amount; on a tie the first way in the list above.
    if (s.good > best.good) best = { name, rows, ...s };
  }
  return { delimiter: best.name, rows: best.rows };
}

const HEADS = {
  date: /date|日期|时间|交易日|记账日|value\s*dt|txn\s*dt|posted/i,
  amount: /credit|deposit|amount|存入|收入|金额|发生额|贷方|\bcr\b/i,
  description: /desc|narration|particular|remark|memo|detail|摘要|备注|用途|说明|附言|交易类型/i,
  not: /balance|余额|debit|withdraw|支出|借方|\bdr\b|ref|chq|cheque|流水号|序号/i,
};

/**
 * Guesses which column holds the date, the amount and the description,
 * and whether the first row is a header. Returns indexes (description may be null).
 */
export function detectColumns(rows, order = 'dmy') {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const head = rows[0] ?? [];
  const header = head.length > 1 && !head.some((c) => parseDate(c, order)) && !head.some((c) => parseAmount(c)) && head.some((c) => /\p{L}/u.test(c));
  const body = header ? rows.slice(1) : rows;
  const share = (i, test) => body.filter((r) => test(r[i] ?? '')).length / Math.max(1, body.length);
  const named = (i, kind) => header && HEADS[kind].test(head[i] ?? '') && !(kind !== 'date' && HEADS.not.test(head[i] ?? ''));
  const cols = [...Array(width).keys()];
  // The data decide; a column's name only breaks ties (a "Credit" column beside a "Balance" one).
  const rank = (kind, test, skip) => cols
    .filter((i) => !skip.includes(i))
    .map((i) => ({ i, share: share(i, test) }))
    .filter((c) => c.share > 0)
    .map((c) => ({ ...c, s: c.share + (named(c.i, kind) ? 0.5 : 0) - (kind !== 'date' && header && HEADS.not.test(head[c.i] ?? '') ? 0.5 : 0) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)[0];
  const date = rank('date', (c) => parseDate(c, order), [])?.i ?? null;
  const amount = rank('amount', (c) => { const x = parseAmount(c); return x && !x.negative; }, [date])?.i ?? null;
  const text = rank('description', (c) => /\p{L}/u.test(c) && !parseDate(c, order) && !parseAmount(c), [date, amount]);
  const description = text && text.share > 0.3 ? text.i : null;
  return { header, date, amount, description };
}

/**
 * Reads a statement text. `mapping` ({ date, amount, description } column
 * indexes, description may be null) overrides the guess; `order` the day order.
 * Returns the columns (name and a sample, for the mapping controls), the
 * mapping used, the deposits (each with its source `line`, 1-based) and the
 * rows left out with a reason: 'date', 'amount', 'withdrawal' or 'header'.
 */
export function readStatement(text, { mapping = null, order = null, lang = 'zh-CN' } = {}) {
  const { delimiter, rows } = splitRows(text);
  const cellsForOrder = rows.flat();
  const proven = provenOrder(cellsForOrder);
  const dayOrder = order ?? proven ?? (lang === 'en' ? 'mdy' : 'dmy');
  const guess = detectColumns(rows, dayOrder);
  const use = { ...guess, ...(mapping ?? {}) };
  const width = Math.max(0, ...rows.map((r) => r.length));
  const firstData = rows[guess.header ? 1 : 0] ?? [];
  const columns = [...Array(width).keys()].map((i) => ({ index: i, name: guess.header ? rows[0][i] ?? '' : '', sample: firstData[i] ?? '' }));
  const deposits = [];
  const skipped = [];
  rows.forEach((r, k) => {
    const line = k + 1;
    if (k === 0 && guess.header) return;
    const source = r.filter((c) => c !== '').join(' · ');
    const date = use.date == null ? null : parseDate(r[use.date] ?? '', dayOrder);
    if (!date) { skipped.push({ line, reason: 'date', text: source }); return; }
    const amount = use.amount == null ? null : parseAmount(r[use.amount] ?? '');
    if (!amount) { skipped.push({ line, reason: 'amount', text: source }); return; }
    if (amount.negative || /^0+(\.0+)?$/.test(amount.amount)) { skipped.push({ line, reason: 'withdrawal', text: source }); return; }
    const description = use.description == null ? '' : (r[use.description] ?? '');
    deposits.push({ line, date, amount: amount.amount, description });
  });
  return {
    delimiter,
    header: guess.header,
    columns,
    mapping: { date: use.date, amount: use.amount, description: use.description },
    guessed: { date: guess.date, amount: guess.amount, description: guess.description },
    dayOrder,
    orderProven: proven != null,
    ambiguousDates: proven == null && hasAmbiguousDates(cellsForOrder),
    deposits,
    skipped,
  };
}

/** A saved statement file's text for the textarea (tab-separated: date, amount, description). */
export function rowsText(deposits) {
  return deposits.map((d) => [d.date, d.amount, d.description ?? ''].join('\t').trimEnd()).join('\n');
}

/** File bytes as text: UTF-8 when they are, else GB 18030 (Chinese banks' exports). */
export function decodeFile(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
