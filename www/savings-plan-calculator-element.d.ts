// Types of <savings-plan-calculator> for TypeScript hosts: the class
// (`savings-plan-calculator/element`), its events and the tag. The engine's
// documents (Product, Plan, results) are declared in pkg/savings_plan.d.ts;
// custom-elements.json describes the same API for tools.
import type { Plan, Product, Problem, CompareEntry, ErrorCode, IsoDate } from './pkg/savings_plan.js';

export type { Plan, Product, Problem, CompareEntry };

export type SavingsPlanLanguage = 'zh-CN' | 'en' | 'en-IN';
export type SavingsPlanMode = 'saver' | 'teller' | 'compact';
export type SavingsPlanTheme = 'light' | 'dark' | 'auto';
export type SavingsPlanVariants = 'auto' | 'none';
export type SavingsPlanCurrencies = 'quoted' | 'all';
/** What `hide` can leave out. */
export type SavingsPlanHiddenPart =
  | 'language' | 'view' | 'share' | 'teller' | 'configurator' | 'chart' | 'advice' | 'what-if'
  | 'solve' | 'explain' | 'schedule' | 'statement' | 'csv' | 'title';
/** The parts `hide` can leave out, in this order. */
export declare const HIDEABLE: readonly SavingsPlanHiddenPart[];

/** `savings-plan-result`: after each recompute that changed a figure. */
export interface SavingsPlanResultDetail {
  plan: Plan;
  /** The comparison's entries: the quoted product, then each product and variant chosen to compare, in order (a result with comparable, best, horizonValue, differenceToBest; or { productId, error }). */
  results: CompareEntry[];
  /** The common date best is judged on (null when nothing is comparable). */
  horizonDate: IsoDate | null;
}

/** `savings-plan-error`: LOAD_FAILED when the engine (path `engine`) or the catalog (path `catalog`) could not be fetched. */
export interface SavingsPlanErrorDetail {
  code: ErrorCode | 'LOAD_FAILED';
  path: string;
  message: string;
}

export declare class SavingsPlanCalculatorElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Registers the element (ignores "already defined"); another tag or a scoped registry may be given. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof SavingsPlanCalculatorElement;

  /** URL of a JSON array of product definitions. */
  catalog: string;
  /** The catalog as data (an array of product definitions, or its JSON text); wins over `catalog`. */
  catalogData: Product[] | string | null;
  /** Ids to show, first = chosen; set an array of ids, or of product definitions (which become `catalogData`). */
  get products(): string;
  set products(value: string | string[] | Product[] | null);
  /** The view; `teller` only when the host sets it. */
  get mode(): SavingsPlanMode;
  set mode(value: SavingsPlanMode | null);
  /** The host's plan (the `plan` attribute, parsed); set it as an object or JSON. Missing fields take the defaults. */
  get plan(): Partial<Plan> | null;
  set plan(value: Partial<Plan> | string | null);
  /** YYYY-MM-DD the defaults start from. */
  get today(): IsoDate;
  set today(value: IsoDate | null);
  get theme(): SavingsPlanTheme;
  set theme(value: SavingsPlanTheme | null);
  /** Space-separated parts to leave out. */
  get hide(): string;
  set hide(value: string | SavingsPlanHiddenPart[] | null);
  /** Base URL of share links (the scenario goes in its `s` parameter). */
  get shareUrl(): string;
  set shareUrl(value: string | null);
  /** Keep the scenario in the page's address bar. */
  urlState: boolean;
  /** The bank's name as printed on a teller's quote. */
  get issuer(): string;
  set issuer(value: string | null);
  /** Days a printed teller quote holds (1–365, default 7). */
  get quoteValidDays(): number;
  set quoteValidDays(value: number | string | null);
  /** `auto`: compare the quoted product's derived variants too (auto-renewed, value-protected, daily product); `none`: not. */
  get variants(): SavingsPlanVariants;
  set variants(value: SavingsPlanVariants | null);
  /** `quoted`: only products in the quoted product's currency; `all`: the others too, shown apart and never ranked. */
  get currencies(): SavingsPlanCurrencies;
  set currencies(value: SavingsPlanCurrencies | null);
  /** The language in use. */
  readonly language: SavingsPlanLanguage;

  addEventListener<K extends keyof SavingsPlanCalculatorEventMap>(type: K, listener: (this: SavingsPlanCalculatorElement, ev: SavingsPlanCalculatorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SavingsPlanCalculatorEventMap>(type: K, listener: (this: SavingsPlanCalculatorElement, ev: SavingsPlanCalculatorEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface SavingsPlanCalculatorEventMap extends HTMLElementEventMap {
  'savings-plan-result': CustomEvent<SavingsPlanResultDetail>;
  'savings-plan-error': CustomEvent<SavingsPlanErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'savings-plan-calculator': SavingsPlanCalculatorElement;
  }
  /** The events bubble and are composed: a host can listen on document. */
  interface DocumentEventMap {
    'savings-plan-result': CustomEvent<SavingsPlanResultDetail>;
    'savings-plan-error': CustomEvent<SavingsPlanErrorDetail>;
  }
}
