/** A decimal as a string: "1000", "1.35" (never a JS number). */
export type Decimal = string;
/** An ISO date "YYYY-MM-DD". */
export type IsoDate = string;
/** Text in one language, or per language tag: { "zh-CN": "…", "en": "…" }. */
export type LocalizedText = string | { [lang: string]: string };

/** Exactly one of the keys K, with a value of type V: { unmadeUp: 2 }. */
export type OneOf<K extends string, V> = { [P in K]: { [Q in P]: V } }[K];

// The contract's enums: each union is generated from the engine's table of
// the same name (a test in src/vocabulary.rs checks them word for word).
export type InterestMethod = "monthlyProduct" | "dailyProduct" | "compound" | "annualCredit";
export type DayCount = "30/360" | "ACT/360" | "ACT/365";
export type AccrueTo = "maturity" | "dayBeforeMaturity";
export type Compounding = "monthly" | "quarterly" | "yearly";
export type BrokenPeriod = "compound" | "simple";
export type RoundingMode = "halfUp" | "halfEven" | "down";
export type MakeUpEarnsFrom = "paidMonth" | "dueMonth";
export type BreachTrigger = "unmadeUp" | "total" | "consecutive";
export type OnBreach = "laterAtDemand" | "allAtDemand" | "stopDeposits" | "actualAtContract";
export type EarlyRate = "demand" | "contractMinus" | "lowerOfHeldAndContractMinus";
export type OverdueRate = "demand";
export type OverdueBase = "principal" | "maturityValue";
export type MaturityAction = "payout" | "renew";
export type Carry = "principalAndInterest" | "principalOnly";
export type ValueProtectionKind = "subsidyRate" | "inflation";
export type Status = "paid" | "late" | "missed" | "refused";
export type Closure = "maturity" | "early" | "overdue" | "closedByBank";
export type ExplainKey =
  | "monthUnits" | "dayProduct" | "breach" | "earlyRate" | "interest" | "overdue"
  | "rounding" | "subsidyRate" | "subsidy" | "lateFee" | "tax" | "renewal" | "payout" | "effectiveAnnualYield" | "realPayout"
  | "credit" | "premium" | "withholding";
export type WarningCode = "RATE_BEFORE_EFFECTIVE" | "RATE_OVERRIDE" | "RATE_OVERRIDE_HIGH" | "SUBSIDY_FORFEITED";
export type AssumptionKey = "inflation";
export type AssumptionSource = "plan" | "product";
export type Horizon = "common" | "own";
export type ReconcileProblemCode = "DEPOSIT_BEFORE_START" | "DEPOSIT_AFTER_CLOSE" | "DEPOSIT_NOT_A_MULTIPLE" | "DEPOSIT_NOT_MATCHED";
export type DepositStatus = "paid" | "late" | "ignored";
export type BankCauseKey =
  | "agrees" | "noBreach" | "breach" | "makeUpWindow" | "lateFee" | "tax" | "rounding"
  | "rate" | "demandRate" | "ignoredDeposits" | "unexplained";
export type ErrorCode =
  | "INVALID_DECIMAL" | "MISSING_FIELD" | "UNKNOWN_FIELD" | "INVALID_VALUE" | "INVALID_TYPE"
  | "TERM_NOT_OFFERED" | "BELOW_MINIMUM" | "ABOVE_MAXIMUM" | "NOT_A_STEP_MULTIPLE"
  | "DATE_OUT_OF_RANGE" | "EVENT_OUT_OF_RANGE" | "INVALID_AMOUNT" | "EVENT_CONFLICT"
  | "EARLY_NOT_ALLOWED" | "TARGET_UNREACHABLE" | "OVERFLOW";

export interface Term { months: number; rate: Decimal }
export interface HeldRate { months: number; rate: Decimal }
export interface TaxStep { from: IsoDate; rate: Decimal }
/** A customer category (RULES §8.1): uplift in percentage points on the term's rate. The id "senior" also selects the senior TDS threshold. */
export interface Category { id: string; name?: LocalizedText; uplift: Decimal }
/** TDS thresholds in force for financial years starting on or after `from` (RULES §8.2). */
export interface WithholdingThreshold { from: IsoDate; regular: Decimal; senior: Decimal }
/** Tax deducted at source by financial year (RULES §8.2); yearStart "MM-DD", default "04-01". */
export interface Withholding { rate: Decimal; noPanRate: Decimal; yearStart?: string; thresholds: WithholdingThreshold[] }
/** The premium credited at the end of savings year `year`, percent of that year's installments (RULES §8.3). */
export interface Bonus { year: number; percent: Decimal }

export type Interest =
  | { method: "monthlyProduct" }
  | { method: "dailyProduct"; dayCount?: DayCount; accrueTo?: AccrueTo }
  | { method: "compound"; compounding?: Compounding; brokenPeriod?: BrokenPeriod; dayCount?: DayCount }
  | { method: "annualCredit" };

export interface Renew {
  months: number;
  rate?: Decimal | null;
  times?: number;
  carry?: Carry;
}

/** A product definition, schema 1 (CONTRACT.md §1). Every field but schema, id, currency, terms and demandRate has a default. */
export interface Product {
  schema: 1;
  id: string;
  name?: LocalizedText;
  note?: LocalizedText;
  currency: string;
  terms: Term[];
  ratesEffective?: IsoDate | null;
  demandRate: Decimal;
  /** `plausibleMax`: the largest installment a quote accepts (a catalog's guard against typing slips; not a product rule). */
  installment?: { min?: Decimal; max?: Decimal | null; step?: Decimal; plausibleMax?: Decimal | null };
  interest?: Interest;
  rounding?: { scale?: number; mode?: RoundingMode; payoutScale?: number | null };
  missed?: {
    makeUpWithinMonths?: number | null;
    makeUpEarnsFrom?: MakeUpEarnsFrom;
    breachAfter?: OneOf<BreachTrigger, number> | null;
    onBreach?: OnBreach;
    lateFeePer100PerMonth?: Decimal;
    closeAfterConsecutive?: number | null;
  };
  early?: {
    allowed?: boolean;
    minMonths?: number;
    rate?: EarlyRate;
    penalty?: Decimal;
    heldRates?: HeldRate[];
    savingsRate?: Decimal | null;
  };
  overdue?: { rate?: OverdueRate; base?: OverdueBase };
  maturity?: { action: "payout" } | { action: "renew"; renew: Renew };
  valueProtection?: OneOf<ValueProtectionKind, Decimal> | null;
  tax?: TaxStep[];
  /** The bank's statement printed on a quote of this product; each text at most 600 characters. */
  disclosure?: LocalizedText;
  /** The bank's word for a teller's negotiated rate, and how many percentage points above the highest term rate it may go without RATE_OVERRIDE_HIGH (default 0). */
  rateOverride?: { label?: LocalizedText; margin?: Decimal };
  /** The id of the product this one is a variant of: a teller's plan.rate for that product applies to it too (CONTRACT.md §8.1). */
  variantOf?: string | null;
  /** Customer categories and their uplifts (RULES §8.1); default []. */
  categories?: Category[];
  /** TDS by financial year (RULES §8.2); default null. Not with maturity.action "renew". */
  withholding?: Withholding | null;
  /** The yearly premium of a bonus savings plan, ascending years (RULES §8.3); only with interest.method "annualCredit"; default []. */
  bonus?: Bonus[];
}

/** An exception to paying installment n on its due date. */
export interface PlanEvent { n: number; missed?: boolean; paidOn?: IsoDate; amount?: Decimal }

/** The saver's scenario (CONTRACT.md §2). */
export interface Plan {
  start: IsoDate;
  months: number;
  installment: Decimal;
  rate?: Decimal | null;
  events?: PlanEvent[];
  withdrawOn?: IsoDate | null;
  inflation?: Decimal | null;
  /** One of the product's categories (RULES §8.1); unknown: INVALID_VALUE at plan.category. */
  category?: string | null;
  /** No PAN given: TDS at withholding.noPanRate (RULES §8.2). */
  noPan?: boolean | null;
  /** Form 15G/15H on file: no TDS (not valid without a PAN). */
  exemptionForm?: boolean | null;
}

/** A problem with the input (CONTRACT.md §5). Thrown as an Error with these fields set. */
export interface Problem { code: ErrorCode; path: string; message: string }
export interface SavingsPlanError extends Error { code: ErrorCode; path: string }

export interface ScheduleRow {
  n: number; due: IsoDate; paidOn: IsoDate | null; amount: Decimal;
  status: Status; balance: Decimal; rate: Decimal; units: Decimal;
}
export interface RenewalRow { start: IsoDate; end: IsoDate; principal: Decimal; rate: Decimal; interest: Decimal; tax: Decimal; value: Decimal }
/** rate: what the breach made the affected deposits earn (demand under laterAtDemand/allAtDemand); null when it changed no rate or an early/bank close priced every deposit at closeRate. */
export interface BreachRow { trigger: BreachTrigger; installment: number; date: IsoDate; effect: OnBreach; rate: Decimal | null }
export interface ExplainStep { key: ExplainKey; formula: string; value: string }
/** What a result rests on that nobody knows today (CONTRACT.md §8.1); source "product": nobody chose it. */
export interface Assumption { key: AssumptionKey; value: Decimal; source: AssumptionSource }
export interface Warning { code: WarningCode; path: string; message: string }

/** What one product pays for one plan (CONTRACT.md §3). */
export interface Result {
  productId: string;
  currency: string;
  contractRate: Decimal;
  maturityDate: IsoDate;
  closeDate: IsoDate;
  closure: Closure;
  /** The rate the closing rule applied instead of the contract rate: the early rate of every deposit (early, closedByBank), the demand rate of the overdue days (overdue) or of a renewal closed early; null on a maturity close. */
  closeRate: Decimal | null;
  principal: Decimal;
  interest: Decimal;
  subsidy: Decimal;
  fees: Decimal;
  tax: Decimal;
  payout: Decimal;
  effectiveAnnualYield: Decimal | null;
  realPayout: Decimal | null;
  breach: BreachRow | null;
  maturityPayout: Decimal | null;
  schedule: ScheduleRow[];
  renewals: RenewalRow[];
  explain: ExplainStep[];
  warnings: Warning[];
  assumptions: Assumption[];
}

/** compare() options: best on one common date (default) or on each entry's own payout. */
export interface CompareOptions { horizon?: Horizon }

/** What compare() decides about each result (CONTRACT.md §8.1). */
export interface CompareFields {
  /** In the quoted product's currency. */
  comparable: boolean;
  /** Largest horizonValue among comparable entries with no product-sourced assumption (ties all best). */
  best: boolean;
  /** Worth on horizonDate if the saver does nothing until then (the payout with horizon "own"); null where the product cannot be cashed then. */
  horizonValue: Decimal | null;
  /** How the account stands on horizonDate. */
  horizonClosure: Closure | null;
  /** horizonValue − the best horizonValue; null when not comparable or nothing is best. */
  differenceToBest: Decimal | null;
}

/** A result in a comparison, with what the engine decided about it. */
export type ComparedResult = Result & CompareFields;
export interface CompareError { productId: string | null; error: Problem }
export type CompareEntry = ComparedResult | CompareError;

/** compare(): the quoted (first) product, its currency, the common date, one entry per product. */
export interface Comparison { quoted: string | null; currency: string | null; horizonDate: IsoDate | null; entries: CompareEntry[] }
export interface Solution { installment: Decimal; result: Result }

/** One row of a statement: a deposit as the bank recorded it (CONTRACT.md §8.2). */
export interface StatementDeposit { date: IsoDate; amount: Decimal; description?: string | null }

/** A real deposit history to check (CONTRACT.md §8.2). */
export interface Statement {
  start: IsoDate;
  months: number;
  /** null: the first deposit's amount. */
  installment?: Decimal | null;
  deposits: StatementDeposit[];
  withdrawOn?: IsoDate | null;
  /** The contract rate on the saver's passbook, when it differs from the product's. */
  rate?: Decimal | null;
  /** What the bank paid. */
  bankPayout?: Decimal | null;
}

/** A deposit the product's rules could not place (the deposit is "ignored"; the rest is priced). */
export interface ReconcileProblem {
  code: ReconcileProblemCode;
  /** "statement.deposits[3].date", "statement.deposits[3].amount" or "statement.deposits[3]". */
  path: string;
  message: string;
}

/** One statement row, in the statement's order, and the installments it paid. */
export interface DepositMatch {
  index: number;
  date: IsoDate;
  amount: Decimal;
  installments: number[];
  status: DepositStatus;
}

/** A cause that reproduces the bank's figure exactly, or says none does. */
export type BankCause =
  | { key: "agrees"; payout: Decimal; message: string }
  | { key: "noBreach"; installment: number; date: IsoDate; trigger: BreachRow["trigger"]; effect: BreachRow["effect"]; payout: Decimal; message: string }
  | { key: "breach"; installment: number; date: IsoDate; trigger: BreachRow["trigger"]; effect: BreachRow["effect"]; expected: string; payout: Decimal; message: string }
  | { key: "makeUpWindow"; value: string; expected: string; payout: Decimal; message: string }
  | { key: "lateFee"; value: Decimal; expected: Decimal; amount: Decimal; payout: Decimal; message: string }
  | { key: "tax"; value: Decimal; expected: Decimal; amount: Decimal; payout: Decimal; message: string }
  | { key: "rounding"; value: "halfUp" | "halfEven" | "down"; expected: "halfUp" | "halfEven" | "down"; payoutScale?: number; payout: Decimal; message: string }
  | { key: "rate"; value: Decimal; expected: Decimal; payout: Decimal; message: string }
  | { key: "demandRate"; value: Decimal; expected: Decimal; payout: Decimal; message: string }
  | { key: "ignoredDeposits"; amount: Decimal; message: string }
  | { key: "unexplained"; message: string };

export interface BankComparison {
  payout: Decimal;
  /** bankPayout − result.payout */
  difference: Decimal;
  explain: BankCause[];
}

/** The plan a statement amounts to: an ordinary plan, every field written out. */
export interface ReconciledPlan extends Plan {
  events: PlanEvent[];
  rate: Decimal | null;
  withdrawOn: IsoDate | null;
  inflation: null;
}

/** A statement reconciled: the plan it amounts to, what the product's rules pay, each deposit's fate. */
export interface Reconciliation {
  plan: ReconciledPlan;
  result: Result;
  deposits: DepositMatch[];
  problems: ReconcileProblem[];
  bank: BankComparison | null;
}

/** The saver's chance of closing early and when (CONTRACT.md §8.3). */
export interface Behaviour {
  /** Probability from "0" to "1". */
  earlyChance: Decimal;
  /** First month (from the opening) an early close may happen in; default 1. */
  earlyFrom?: number;
  /** Last such month; null: the month before maturity. */
  earlyTo?: number | null;
}

/** The payout if withdrawn at `month`, and the interest in it (null: the product refuses an early close then). */
export interface CurvePoint { month: number; payout: Decimal | null; interest: Decimal | null }

/** One product's advice: expectations for a saver who might close early. */
export interface Advisory {
  productId: string;
  currency: string;
  comparable: boolean;
  /** 1 = best; equal expectations share a rank; null when not ranked (§8.1). */
  rank: number | null;
  best: boolean;
  expectedPayout: Decimal;
  differenceToBest: Decimal | null;
  worstPayout: Decimal;
  worstMonth: number;
  /** The bank's expected interest cost of one such saver. */
  expectedInterest: Decimal;
  /** The plan as given (no early close). */
  payout: Decimal;
  interest: Decimal;
  refusedMonths: number[];
  assumptions: Assumption[];
  curve: CurvePoint[];
}

export type AdviceEntry = Advisory | { productId: string | null; error: Problem };

export interface Advice {
  quoted: string | null;
  currency: string | null;
  /** The behaviour as read, every field written out. */
  behaviour: Required<Behaviour>;
  entries: AdviceEntry[];
}

/** One plan's payout in a batch, or why the product cannot take it (path `plans[i]…`). */
export type PayoutEntry = Decimal | { error: Problem };
