// CSV files of the schedule and the comparison: engine strings as they are
// (exact decimals, ISO dates), quoted where needed, with a BOM so that
// spreadsheet programs read Chinese text as UTF-8.

function cell(value) {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows) {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function scheduleCsv(result, t) {
  const head = ['col_n', 'col_due', 'col_paidOn', 'col_amount', 'col_status', 'col_balance', 'col_rate', 'col_units'].map((k) => t(k));
  const rows = result.schedule.map((r) => [r.n, r.due, r.paidOn ?? '', r.amount, t(`status_${r.status}`), r.balance, r.rate, r.units]);
  return toCsv([head, ...rows]);
}

/**
 * The comparison as the engine gave it: per row each figure, its close, its
 * worth on the common date and what it rests on (columns after `closeDate`
 * were added with the honest comparison; the first twelve keep their place).
 */
export function comparisonCsv(entries, t, horizonDate = null) {
  const head = [t('variant'), 'currency', t('principal'), t('interest'), t('subsidy'), t('fees'), t('tax'), t('payout'), t('yield'), t('difference'), t('best'), t('closeDate'),
    t('compareRate'), t('horizonValueOn', { date: horizonDate ?? '' }), 'comparable', 'assumptions'];
  const rows = entries.map(({ label, result: r, error }) => (error
    ? [label, '', '', '', '', '', '', '', '', '', '', error.code, '', '', '', '']
    : [label, r.currency, r.principal, r.interest, r.subsidy, r.fees, r.tax, r.payout, r.effectiveAnnualYield ?? '', r.differenceToBest ?? '',
      r.best ? 'yes' : 'no', r.closeDate, r.contractRate, r.horizonValue ?? '', r.comparable === false ? 'no' : 'yes',
      (r.assumptions ?? []).map((a) => `${a.key}=${a.value} (${a.source})`).join('; ')]));
  return toCsv([head, ...rows]);
}

/** Offers text as a file download (a blob: URL, no request to any host). */
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
