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
  const shaped = Array.isArray(out.value) ? beforeRevision2(engine, items, plan, out.value) : out.value;
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

/**
 * An engine before CONTRACT §8.1 returns one entry per product, all priced
 * at the teller's rate, with "best" per currency and no assumptions. Until
 * it is replaced: the other products are priced at their own rates, only the
 * quoted currency is comparable, and nothing is called best (that needs the
 * engine's assumptions and common date).
 */
function beforeRevision2(engine, items, plan, first) {
  const quoted = first[0];
  const currency = quoted?.currency ?? items[0].product.currency;
  const own = plan.rate == null ? null : engine.compare(items.map((i) => i.product), { ...plan, rate: null });
  const entries = first.map((e, i) => {
    const isVariant = i === 0 || items[i].product.id.startsWith(`${items[0].product.id}#`);
    const r = isVariant || !own?.ok ? e : own.value[i];
    if (r.error) return { error: r.error };
    return { ...r, comparable: r.currency === currency, best: false, differenceToBest: null };
  });
  return { quoted: items[0].product.id, currency, horizonDate: null, entries };
}
