// Types of the package's entry, `savings-plan-calculator`: importing it
// registers <savings-plan-calculator>; the class and the documents' types are
// in savings-plan-calculator-element.d.ts (`savings-plan-calculator/element`).
import type { SavingsPlanCalculatorElement } from './savings-plan-calculator-element.js';

export type {
  SavingsPlanCalculatorElement, SavingsPlanCalculatorEventMap, SavingsPlanResultDetail, SavingsPlanErrorDetail,
  SavingsPlanLanguage, SavingsPlanMode, SavingsPlanTheme, SavingsPlanHiddenPart, Plan, Product, Problem, CompareEntry,
} from './savings-plan-calculator-element.js';

/** Resolves to the registered class once <savings-plan-calculator> is defined. */
export declare const ready: Promise<typeof SavingsPlanCalculatorElement>;
