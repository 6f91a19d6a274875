// The whole engine: every entry point of the crate, from the three WebAssembly
// modules it is built into (scripts/build.sh; README "Measured"), each one
// under the 100 KB (gzip -9) budget, which the crate built whole is not:
//   savings_plan_first.js      calculate, compare, solveInstallment, validateProduct, catalog
//   savings_plan_statement.js  reconcile
//   savings_plan_advice.js     advise, payouts
// The same rules are in each (one crate; Cargo features only choose the
// exports). `init()` loads all three, each from beside this file unless given
// (`{ first, statement, advice }`, each what a wasm-bindgen init accepts: a
// URL, a Response, bytes or a WebAssembly.Module). A page that needs only
// some entry points imports those modules alone (www/engine.js does).
import initFirst, { initSync as initFirstSync } from './savings_plan_first.js';
import initStatement, { initSync as initStatementSync } from './savings_plan_statement.js';
import initAdvice, { initSync as initAdviceSync } from './savings_plan_advice.js';

export { calculate, compare, solveInstallment, validateProduct, catalog } from './savings_plan_first.js';
export { reconcile } from './savings_plan_statement.js';
export { advise, payouts } from './savings_plan_advice.js';

/** Loads the three modules; resolves to their instances' exports. */
export default async function init(modules = {}) {
  const [first, statement, advice] = await Promise.all([
    initFirst({ module_or_path: modules.first }),
    initStatement({ module_or_path: modules.statement }),
    initAdvice({ module_or_path: modules.advice }),
  ]);
  return { first, statement, advice };
}

/** The same, synchronously, from compiled modules or bytes (`{ first, statement, advice }`). */
export function initSync(modules) {
  return {
    first: initFirstSync({ module: modules.first }),
    statement: initStatementSync({ module: modules.statement }),
    advice: initAdviceSync({ module: modules.advice }),
  };
}
