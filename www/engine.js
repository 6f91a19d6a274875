// The only import of pkg/: loads the WebAssembly engine, relative to this
// module's own URL (so the component works from any path or a CDN), and
// wraps each entry point so that a thrown engine Error becomes a value.
//
// Three modules built from the same crate (README "Measured"; the whole
// crate in one is over the 100 KB budget), one per view that loads its own:
// the first screen's (calculate, compare, solveInstallment, validateProduct,
// catalog) at once; the statement view's (reconcile) and the advice view's
// (advise, payouts) only when that view first needs them. A new entry point
// belongs to the module of the view that calls it: its feature in
// `#[cfg(feature = …)]` in src/wasm.rs and a line in VIEWS below.
import init, * as first from './pkg/savings_plan_first.js';

/** Where the first screen's .wasm is fetched from (named in the message when it cannot be). */
export const WASM_URL = new URL('./pkg/savings_plan_first_bg.wasm', import.meta.url).href;

// Each view's module: its glue, its .wasm, and the entry points it serves.
const VIEWS = {
  statement: {
    glue: () => import('./pkg/savings_plan_statement.js'),
    wasm: new URL('./pkg/savings_plan_statement_bg.wasm', import.meta.url).href,
    api: (m) => ({ reconcile: (product, statement) => attempt(() => m.reconcile(product, statement)) }),
  },
  advice: {
    glue: () => import('./pkg/savings_plan_advice.js'),
    wasm: new URL('./pkg/savings_plan_advice_bg.wasm', import.meta.url).href,
    api: (m) => ({
      advise: (products, plan, behaviour) => attempt(() => m.advise(products, plan, behaviour)),
      payouts: (product, plans) => attempt(() => m.payouts(product, plans)),
    }),
  },
};

let ready = null;
const viewReady = {};

/** Loads the first screen's engine once; resolves to the API below. A failure may be retried. */
export function loadEngine() {
  ready ??= init({ module_or_path: WASM_URL }).then(() => api(first), (e) => {
    ready = null;
    throw e;
  });
  return ready;
}

/** Loads the statement view's engine once (its own module and instance): `{ reconcile }`. A failure may be retried. */
export const loadStatementEngine = () => loadView('statement');

/** Loads the advice view's engine once (its own module and instance): `{ advise, payouts }`. A failure may be retried. */
export const loadAdviceEngine = () => loadView('advice');

function loadView(name) {
  const view = VIEWS[name];
  viewReady[name] ??= view.glue()
    .then((m) => m.default({ module_or_path: view.wasm }).then(() => view.api(m)))
    .catch((e) => {
      viewReady[name] = null;
      throw e;
    });
  return viewReady[name];
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
