// The only import of pkg/: loads the WebAssembly engine, relative to this
// module's own URL (so the component works from any path or a CDN), and
// wraps each entry point so that a thrown engine Error becomes a value.
//
// Two modules built from the same crate (README "Measured"): the first
// screen's engine (calculate, compare, solveInstallment, validateProduct,
// catalog) loads at once; the whole engine (the same rules, plus reconcile,
// advise and payouts) only when a view first needs an entry point the first one lacks. A new
// entry point the first screen does not call at once belongs to the whole
// engine: `#[cfg(feature = "full")]` in src/wasm.rs and a line in
// loadFullEngine() below.
import init, * as first from './pkg/savings_plan_first.js';

let ready = null;
let fullReady = null;

/** Where the first screen's .wasm is fetched from (named in the message when it cannot be). */
export const WASM_URL = new URL('./pkg/savings_plan_first_bg.wasm', import.meta.url).href;

/** Where the whole engine's .wasm is fetched from, when a view first needs it. */
export const FULL_WASM_URL = new URL('./pkg/savings_plan_bg.wasm', import.meta.url).href;

/** Loads the first screen's engine once; resolves to the API below. A failure may be retried. */
export function loadEngine() {
  ready ??= init({ module_or_path: WASM_URL }).then(() => api(first), (e) => {
    ready = null;
    throw e;
  });
  return ready;
}

/**
 * Loads the whole engine once (its own module and instance); resolves to
 * the API below with `reconcile` too. A failure may be retried.
 */
export function loadFullEngine() {
  fullReady ??= import('./pkg/savings_plan.js')
    .then((full) => full.default({ module_or_path: FULL_WASM_URL }).then(() => ({
      ...api(full),
      reconcile: (product, statement) => attempt(() => full.reconcile(product, statement)),
      advise: (products, plan, behaviour) => attempt(() => full.advise(products, plan, behaviour)),
      payouts: (product, plans) => attempt(() => full.payouts(product, plans)),
    })))
    .catch((e) => {
      fullReady = null;
      throw e;
    });
  return fullReady;
}

function attempt(fn) {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: { code: e?.code ?? 'INVALID_TYPE', path: e?.path ?? '', message: String(e?.message ?? e) } };
  }
}

function api(wasm) {
  return {
    calculate: (product, plan) => attempt(() => wasm.calculate(product, plan)),
    compare: (products, plan, options) => attempt(() => wasm.compare(products, plan, options)),
    solveInstallment: (product, plan, target) => attempt(() => wasm.solveInstallment(product, plan, target)),
    validateProduct: (product) => attempt(() => wasm.validateProduct(product)),
    catalog: () => wasm.catalog(),
  };
}
