// The comparison a printed quote carries: the quoted product and only the
// products the teller chose, priced together by the engine's compare
// (CONTRACT §8.1), so that "best" and the differences refer to what is on
// the paper. Only entries the engine marks comparable (the quoted currency)
// are kept; the page decides nothing about money.

/**
 * items: [{ label, product }] with the quoted product first; plan: the engine plan.
 * Returns { quoted, currency, horizonDate, entries: [{ label, result, error }], products } or { error }.
 */
export function quoteComparison(engine, items, plan) {
  const out = engine.compare(items.map((i) => i.product), plan);
  if (!out.ok) return { error: out.error };
  const shaped = out.value;
  const entries = [];
  const products = [];
  shaped.entries.forEach((e, i) => {
    const error = e.error ?? null;
    // The quoted product always prints; another only when comparable (same currency).
    if (i > 0 && (error || e.comparable === false)) return;
    entries.push({ label: items[i].label, result: error ? null : e, error });
    products.push(items[i].product);
  });
  return { quoted: shaped.quoted, currency: shaped.currency, horizonDate: shaped.horizonDate ?? null, entries, products };
}

