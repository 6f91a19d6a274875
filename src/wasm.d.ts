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
export type InterestMethod = "monthlyProduct" | "dailyProduct" | "compound";
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
  | "rounding" | "subsidy" | "lateFee" | "tax" | "renewal" | "payout" | "effectiveAnnualYield" | "realPayout";
export type WarningCode = "RATE_BEFORE_EFFECTIVE" | "RATE_OVERRIDE" | "RATE_OVERRIDE_HIGH" | "SUBSIDY_FORFEITED";
export type AssumptionKey = "inflation";
export type AssumptionSource = "plan" | "product";
export type ErrorCode =
  | "INVALID_DECIMAL" | "MISSING_FIELD" | "UNKNOWN_FIELD" | "INVALID_VALUE" | "INVALID_TYPE"
  | "TERM_NOT_OFFERED" | "BELOW_MINIMUM" | "ABOVE_MAXIMUM" | "NOT_A_STEP_MULTIPLE"
  | "DATE_OUT_OF_RANGE" | "EVENT_OUT_OF_RANGE" | "INVALID_AMOUNT" | "EVENT_CONFLICT"
  | "EARLY_NOT_ALLOWED" | "TARGET_UNREACHABLE" | "OVERFLOW";

export interface Term { months: number; rate: Decimal }
export interface HeldRate { months: number; rate: Decimal }
export interface TaxStep { from: IsoDate; rate: Decimal }

export type Interest =
  | { method: "monthlyProduct" }
  | { method: "dailyProduct"; dayCount?: DayCount; accrueTo?: AccrueTo }
  | { method: "compound"; compounding?: Compounding; brokenPeriod?: BrokenPeriod; dayCount?: DayCount };

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
  installment?: { min?: Decimal; max?: Decimal | null; step?: Decimal };
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
}

/** A problem with the input (CONTRACT.md §5). Thrown as an Error with these fields set. */
export interface Problem { code: ErrorCode; path: string; message: string }
export interface SavingsPlanError extends Error { code: ErrorCode; path: string }

export interface ScheduleRow {
  n: number; due: IsoDate; paidOn: IsoDate | null; amount: Decimal;
  status: Status; balance: Decimal; rate: Decimal; units: Decimal;
}
export interface RenewalRow { start: IsoDate; end: IsoDate; principal: Decimal; rate: Decimal; interest: Decimal; tax: Decimal; value: Decimal }
export interface BreachRow { trigger: BreachTrigger; installment: number; date: IsoDate; effect: OnBreach }
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
  /** compare() only */
  best?: boolean;
  /** compare() only: payout minus the best payout in the same currency. */
  differenceToBest?: Decimal;
}

export type CompareEntry = Result | { error: Problem };
export interface Solution { installment: Decimal; result: Result }
