// The only import of pkg/: loads the WebAssembly engine once, relative to
// this module's own URL (so the component works from any path or a CDN),
// and wraps each entry point so that a thrown engine Error becomes a value.
import init, * as wasm from './pkg/savings_plan.js';

let ready = null;

/** Where the engine's .wasm is fetched from (named in the message when it cannot be). */
export const WASM_URL = new URL('./pkg/savings_plan_bg.wasm', import.meta.url).href;

/** Loads the engine once; resolves to the API below. A failure may be retried. */
export function loadEngine() {
  ready ??= init({ module_or_path: WASM_URL }).then(() => api, (e) => {
    ready = null;
    throw e;
  });
  return ready;
}

function attempt(fn) {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: { code: e?.code ?? 'INVALID_TYPE', path: e?.path ?? '', message: String(e?.message ?? e) } };
  }
}

const api = {
  calculate: (product, plan) => attempt(() => wasm.calculate(product, plan)),
  compare: (products, plan, options) => attempt(() => wasm.compare(products, plan, options)),
  solveInstallment: (product, plan, target) => attempt(() => wasm.solveInstallment(product, plan, target)),
  reconcile: (product, statement) => attempt(() => wasm.reconcile(product, statement)),
  advise: (products, plan, behaviour) => attempt(() => wasm.advise(products, plan, behaviour)),
  payouts: (product, plans) => attempt(() => wasm.payouts(product, plans)),
  validateProduct: (product) => attempt(() => wasm.validateProduct(product)),
  catalog: () => wasm.catalog(),
};
