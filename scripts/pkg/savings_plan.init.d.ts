/** What each module's own init accepts: a URL or path, a Response, bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The three modules of the whole engine (savings_plan_first, _statement, _advice). */
export interface EngineModules<T> {
  first?: T;
  statement?: T;
  advice?: T;
}

/**
 * Loads the three modules, each from beside this file unless given.
 */
export default function init(modules?: EngineModules<InitInput | Promise<InitInput>>): Promise<{ first: WebAssembly.Exports; statement: WebAssembly.Exports; advice: WebAssembly.Exports }>;

/**
 * The same, synchronously, from compiled modules or bytes (all three required).
 */
export function initSync(modules: Required<EngineModules<SyncInitInput>>): { first: WebAssembly.Exports; statement: WebAssembly.Exports; advice: WebAssembly.Exports };
