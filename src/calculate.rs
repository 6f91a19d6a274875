//! Pricing one plan under one product, end to end (ARCHITECTURE.md):
//! calendar → ledger → missed → closure → interest → renewal, protection,
//! tax → settle → quote with explain steps.

use crate::calendar::{actual_days, date_cell, format_date, whole_months, Schedule};
use crate::error::{Error, ErrorCode, Result};
use crate::explain::{self, mode_name, units_formula, with_rounding, Explain};
use crate::interest::{accrue, earn_period, Deposit};
use crate::ledger::{self, Status};
use crate::missed::{self, Breach};
use crate::money::{add, div, fixed, mul, plain, plain_cell, sub};
use crate::plan::{parse_plan, Plan};
use crate::product::{parse_product, Carry, EarlyRate, OnBreach, OverdueBase, Product};
use crate::protection::{self, Source};
use crate::quote::{Assumption, BreachRow, Cell, Quote, RenewalRow, Row, Warning};
use crate::renewal::{chain_end, Chain, Leg};
use crate::settle::{real_payout, Totals};
use crate::tax::tax_on;
use crate::xirr::effective_annual_yield;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// How the account closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    Maturity,
    Early,
    Overdue,
    ClosedByBank,
}

impl Closure {
    pub fn as_str(self) -> &'static str {
        match self {
            Closure::Maturity => "maturity",
            Closure::Early => "early",
            Closure::Overdue => "overdue",
            Closure::ClosedByBank => "closedByBank",
        }
    }
}

/// Prices a plan (JSON) under a product (JSON).
///
/// # Errors
/// The product's first problem, then the plan's (CONTRACT.md §5, §6);
/// `OVERFLOW` when the amounts cannot be computed exactly.
///
/// # Example
/// ```
/// use serde_json::json;
/// let product = &savings_plan::catalog()[0];
/// let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" });
/// let quote = savings_plan::calculate(product, &plan).unwrap();
/// assert_eq!(quote.interest, "87.75");
/// let bad = json!({ "start": "2025-01-15", "months": 12, "installment": "4.99" });
/// assert_eq!(savings_plan::calculate(product, &bad).unwrap_err().code.as_str(), "BELOW_MINIMUM");
/// ```
pub fn calculate(product: &Value, plan: &Value) -> Result<Quote> {
    let product = parse_product(product)?;
    let plan = parse_plan(plan, &product, None)?;
    price(&product, &plan)
}

/// Prices a validated plan.
///
/// # Errors
/// Plan problems that need the calendar (events, early withdrawal) and `OVERFLOW`.
pub fn price(product: &Product, plan: &Plan) -> Result<Quote> {
    let mut quote = price_with(product, plan, true)?;
    if matches!(quote.closure, "early" | "closedByBank") {
        let held = Plan { withdraw_on: None, ..plan.clone() };
        quote.maturity_payout = price_with(product, &held, false).ok().map(|q| q.payout);
    }
    Ok(quote)
}

fn early_rate(product: &Product, contract: Decimal, months_held: u32) -> (Decimal, String) {
    let e = &product.early;
    let demand = e.savings_rate.unwrap_or(product.demand_rate);
    let penalty = e.penalty;
    match e.rate {
        EarlyRate::Demand => (demand, format!("{}%", plain(demand))),
        EarlyRate::ContractMinus => (
            contract.checked_sub(penalty).unwrap_or_default().max(Decimal::ZERO),
            format!("max(0, {}% − {}%)", plain(contract), plain(penalty)),
        ),
        EarlyRate::LowerOfHeldAndContractMinus => {
            let held = if e.held_rates.is_empty() {
                contract
            } else {
                e.held_rates.iter().rev().find(|(m, _)| *m <= months_held).map(|(_, r)| *r).unwrap_or(Decimal::ZERO)
            };
            (
                held.min(contract).checked_sub(penalty).unwrap_or_default().max(Decimal::ZERO),
                // min(rate for the {months_held} whole months held, contract rate) − penalty
                format!("max(0, min({}%, {}%) − {}%)", plain(held), plain(contract), plain(penalty)),
            )
        }
    }
}

/// An assumed figure as it was given (`"2.0"` stays `"2.0"`).
fn as_given(value: Decimal) -> String {
    fixed(value, value.scale())
}

fn price_with(product: &Product, plan: &Plan, bank_closure: bool) -> Result<Quote> {
    let rounding = product.rounding;
    let scale = rounding.scale;
    let overflow_months = || Error::new(ErrorCode::Overflow, "plan.months", "the plan runs past the year 9999");
    let schedule = Schedule::new(plan.start, plan.months).ok_or_else(overflow_months)?;
    let maturity = schedule.maturity();
    let term_rate = product.term_rate(plan.months).unwrap_or_default();
    let contract = plan.rate.unwrap_or(term_rate);
    let renew = product.renew.as_ref();
    let last_end = match renew {
        Some(r) => Some(chain_end(&schedule, r).ok_or_else(overflow_months)?),
        None => None,
    };
    let mut explain = Explain::default();
    let mut warnings = Vec::new();

    // Closure: when and how the account ends.
    let (mut closure, mut close) = match plan.withdraw_on {
        None => (Closure::Maturity, last_end.unwrap_or(maturity)),
        Some(w) if w < maturity => (Closure::Early, w),
        Some(w) if w == maturity => (Closure::Maturity, w),
        Some(w) => match last_end {
            Some(end) if w < end => {
                // Inside the chain: at a renewal's end it is a maturity close, else an early one.
                let at_end = renew
                    .map(|r| (1..=r.times).any(|j| crate::renewal::leg_dates(&schedule, r, j).is_some_and(|(_, e)| e == w)))
                    .unwrap_or(false);
                (if at_end { Closure::Maturity } else { Closure::Early }, w)
            }
            Some(end) if w == end => (Closure::Maturity, w),
            _ => (Closure::Overdue, w),
        },
    };
    let early_in_term = plan.withdraw_on.filter(|w| *w < maturity);
    let mut entries = ledger::build(plan, &schedule, product, early_in_term)?;

    let months_held = |date: NaiveDate| whole_months(plan.start, date).0;
    if let Some(w) = early_in_term {
        if !product.early.allowed {
            return Err(Error::new(ErrorCode::EarlyNotAllowed, "plan.withdrawOn", "this product does not allow early withdrawal"));
        }
        if months_held(w) < product.early.min_months {
            return Err(Error::new(
                ErrorCode::EarlyNotAllowed,
                "plan.withdrawOn",
                format!("early withdrawal is allowed after {} months", product.early.min_months),
            ));
        }
    }
    if bank_closure {
        if let Some(d) = missed::bank_closure(&entries, &schedule, product) {
            if d < close && d < maturity {
                closure = Closure::ClosedByBank;
                close = d;
                ledger::cut_at(&mut entries, d);
            }
        }
    }
    // Where the installment term's interest stops.
    let term_end = close.min(maturity);
    let closed_in_term = term_end < maturity;

    let breach = missed::find_breach(&entries, &schedule, product, term_end);
    if let Some(b) = &breach {
        missed::refuse_after(&mut entries, b);
        explain.step(
            "breach",
            format!(
                "{} after installment {} ({}): {}",
                b.trigger.as_str(),
                b.installment,
                format_date(b.date),
                b.effect.as_str()
            ),
            format_date(b.date),
        );
    }

    // Rates: the early rate for every deposit on an early or bank close, else by the breach rule.
    let early = closed_in_term.then(|| early_rate(product, contract, months_held(term_end)));
    if let Some((r, f)) = &early {
        explain.step("earlyRate", f.clone(), plain(*r));
    }
    let rate_for = |paid_on: NaiveDate, breach: Option<&Breach>| -> Decimal {
        if let Some((r, _)) = &early {
            return *r;
        }
        match breach {
            Some(b) if b.effect == OnBreach::AllAtDemand => product.demand_rate,
            Some(b) if b.effect == OnBreach::LaterAtDemand && paid_on >= b.date => product.demand_rate,
            _ => contract,
        }
    };
    let deposits: Vec<Deposit> = entries
        .iter()
        .filter(|e| e.is_deposit())
        .filter_map(|e| {
            let paid_on = e.paid_on?;
            Some(Deposit {
                n: e.n,
                amount: plan.installment,
                paid_on,
                earn_period: earn_period(&schedule, product.missed.earns_from, e.n, paid_on),
                rate: rate_for(paid_on, breach.as_ref()),
            })
        })
        .collect();
    let principal = deposits.iter().try_fold(Decimal::ZERO, |s, d| add(s, d.amount))?;

    let accrued = accrue(product.method, &deposits, &schedule, term_end, !closed_in_term)?;
    if let Some(dp) = accrued.day_product {
        let amounts: Vec<Decimal> = deposits.iter().map(|d| d.amount).collect();
        explain.step("dayProduct", explain::day_product_formula(&amounts, &accrued.days), plain(dp));
    } else if !accrued.thirtieths.is_empty() {
        let total = accrued.thirtieths.iter().sum::<i64>();
        explain.step("monthUnits", units_formula(&accrued.thirtieths), plain(div(Decimal::from(total), Decimal::from(30))?.round_dp(10)));
    }

    // Overdue on the plan itself (no renewals): base × days × demand ÷ denominator.
    let overdue_days = if closure == Closure::Overdue && renew.is_none() { actual_days(maturity, close) } else { 0 };
    let mut overdue = Decimal::ZERO;
    let mut overdue_formula = String::new();
    if overdue_days > 0 {
        let base = match product.overdue_base {
            OverdueBase::Principal => principal,
            OverdueBase::MaturityValue => add(principal, rounding.round(accrued.total))?,
        };
        let denominator = product.method.denominator();
        overdue = div(
            mul(mul(base, Decimal::from(overdue_days))?, product.demand_rate)?,
            mul(denominator, Decimal::ONE_HUNDRED)?,
        )?;
        overdue_formula = format!("{} × {overdue_days} × {}% ÷ {}", plain(base), plain(product.demand_rate), plain(denominator));
    }
    let interest_exact = add(accrued.total, overdue)?;
    let interest = rounding.round(interest_exact);
    let interest_formula = if accrued.formula.is_empty() { "0".to_string() } else { accrued.formula.clone() };
    explain.step("interest", interest_formula, plain(accrued.total.round_dp(10)));
    if overdue_days > 0 {
        explain.step("overdue", overdue_formula, plain(overdue.round_dp(10)));
    }
    explain.rounded("rounding", interest_exact, interest, fixed(interest, scale), &rounding);

    // Value protection: paid on a maturity or overdue close only, an
    // inflation-linked one at the plan's inflation when it gives one.
    let mut subsidy = Decimal::ZERO;
    let mut assumptions = Vec::new();
    if let Some(x) = plan.inflation {
        assumptions.push(Assumption { key: "inflation", value: as_given(x), source: Source::Plan.as_str() });
    }
    if let Some(vp) = product.value_protection {
        let srate = protection::subsidy_rate(vp, contract, plan.inflation);
        let inflation = protection::inflation_used(vp, plan.inflation);
        if let (Some((x, Source::Product)), false) = (inflation, closed_in_term) {
            assumptions.push(Assumption { key: "inflation", value: as_given(x), source: Source::Product.as_str() });
        }
        if let (Some((x, _)), false) = (inflation, closed_in_term) {
            explain.step("subsidyRate", format!("max(0, {}% − {}%)", as_given(x), plain(contract)), plain(srate));
        }
        if closed_in_term {
            warnings.push(Warning {
                code: "SUBSIDY_FORFEITED",
                path: "plan.withdrawOn",
                message: "no value-protection subsidy is paid on an early or bank closure".into(),
            });
        } else {
            let s = protection::subsidy(product.method, &deposits, contract, srate, &schedule, maturity)?;
            subsidy = rounding.round(s.total);
            let formula = if s.formula.is_empty() { "0".into() } else { s.formula };
            explain.step("subsidy", with_rounding(formula, s.total, subsidy, rounding.mode, scale), fixed(subsidy, scale));
        }
    }

    // Late fees for make-ups.
    let late_months = missed::late_months_total(entries.iter().filter(|e| e.is_deposit()), &schedule);
    let fees_exact = missed::late_fee(plan.installment, product, late_months).ok_or_else(Error::overflow)?;
    let fees = rounding.round(fees_exact);
    if late_months > 0 && !product.missed.late_fee_per_100.is_zero() {
        // installment × fee per 100 ÷ 100 × Σ months late
        let formula = format!("{} × {} ÷ 100 × {late_months}", plain(plan.installment), plain(product.missed.late_fee_per_100));
        explain.step("lateFee", with_rounding(formula, fees_exact, fees, rounding.mode, scale), fixed(fees, scale));
    }

    // Tax by accrual period, rounded once for the plan's own term.
    let mut tax_exact = Decimal::ZERO;
    let mut tax_pieces: Vec<(Decimal, Decimal)> = Vec::new();
    if !product.tax.is_empty() {
        // Split over the days the interest accrued: they end where accrual ends.
        let accrued_to = crate::interest::accrual_end(product.method, term_end, !closed_in_term);
        let first_from = accrued.from.iter().min().copied().unwrap_or(plan.start);
        if crate::tax::single_rate(&product.tax, first_from, accrued_to) {
            tax_exact = tax_on(&product.tax, accrued.total, first_from, accrued_to)?;
            tax_pieces = crate::tax::portions(&product.tax, accrued.total, first_from, accrued_to)?;
        } else {
            for i in 0..deposits.len() {
                tax_exact = add(tax_exact, tax_on(&product.tax, accrued.interest_of(i), accrued.from[i], accrued_to)?)?;
                tax_pieces.extend(crate::tax::portions(&product.tax, accrued.interest_of(i), accrued.from[i], accrued_to)?);
            }
        }
        tax_exact = add(tax_exact, tax_on(&product.tax, overdue, maturity, close.max(maturity))?)?;
        tax_pieces.extend(crate::tax::portions(&product.tax, overdue, maturity, close.max(maturity))?);
    }
    let tax = rounding.round(tax_exact);
    if !tax.is_zero() {
        explain.step("tax", crate::tax::formula(&tax_pieces, tax_exact, tax, &rounding)?, fixed(tax, scale));
    }

    let mut totals = Totals { principal, interest, subsidy, fees, tax };

    // Renewals: the maturity value goes on as lump sums.
    let mut legs: Vec<Leg> = Vec::new();
    let mut interim_flows: Vec<(NaiveDate, Decimal)> = Vec::new();
    if let (Some(r), false) = (renew, closed_in_term) {
        if close > maturity {
            let v0 = totals.payout_exact()?;
            let chain = Chain { product, renew: r, schedule: &schedule, contract_rate: contract };
            let withdraw = plan.withdraw_on;
            legs = chain.run(v0, principal, withdraw)?;
            if r.carry == Carry::PrincipalOnly && !legs.is_empty() {
                interim_flows.push((maturity, sub(v0, legs[0].principal)?));
            }
            for leg in &legs {
                totals.interest = add(totals.interest, leg.interest)?;
                totals.tax = add(totals.tax, leg.tax)?;
                if !leg.interim.is_zero() {
                    interim_flows.push((leg.end, leg.interim));
                }
                explain.step("renewal", with_rounding(leg.formula.clone(), leg.exact, leg.interest, rounding.mode, scale), fixed(leg.interest, scale));
                if !leg.tax.is_zero() {
                    explain.step("tax", leg.tax_formula.clone(), fixed(leg.tax, scale));
                }
            }
            if let Some(last) = legs.last() {
                if last.closed_early && closure == Closure::Maturity {
                    closure = Closure::Early;
                }
                if last.overdue_days > 0 {
                    closure = Closure::Overdue;
                }
            }
        }
    }

    let payout = totals.payout(&rounding)?;
    let payout_scale = rounding.payout_display_scale();
    let payout_formula = format!(
        "{} + {} + {} − {} − {}",
        fixed(totals.principal, scale),
        fixed(totals.interest, scale),
        fixed(totals.subsidy, scale),
        fixed(totals.fees, scale),
        fixed(totals.tax, scale)
    );
    explain.step("payout", with_rounding(payout_formula, totals.payout_exact()?, payout, rounding.mode, payout_scale), fixed(payout, payout_scale));

    // Yield over the actual cash flows.
    let mut flows: Vec<(NaiveDate, Decimal)> = deposits.iter().map(|d| (d.paid_on, -d.amount)).collect();
    let interim_total = interim_flows.iter().try_fold(Decimal::ZERO, |s, f| add(s, f.1))?;
    flows.extend(interim_flows.iter().copied());
    flows.push((close, sub(payout, interim_total)?));
    let eay = effective_annual_yield(&flows);
    if let Some(y) = eay {
        explain.step("effectiveAnnualYield", format!("XIRR of {} cash flows, ACT/365", flows.len()), fixed(y, 2));
    }

    let real = match plan.inflation {
        Some(x) => {
            let r = real_payout(payout, x, actual_days(plan.start, close), &rounding)?;
            let formula = format!("{} ÷ (1 + {}%)^({} ÷ 365)", fixed(payout, payout_scale), plain(x), actual_days(plan.start, close));
            explain.step("realPayout", format!("{formula} → {} to {scale} places", mode_name(rounding.mode)), fixed(r, scale));
            Some(fixed(r, scale))
        }
        None => None,
    };

    if let Some(eff) = product.rates_effective {
        if plan.start < eff {
            warnings.insert(
                0,
                Warning {
                    code: "RATE_BEFORE_EFFECTIVE",
                    path: "plan.start",
                    message: format!("the plan starts before the rates' effective date {}", format_date(eff)),
                },
            );
        }
    }
    if plan.rate.is_some_and(|r| r != term_rate) {
        warnings.push(Warning {
            code: "RATE_OVERRIDE",
            path: "plan.rate",
            message: format!("the teller rate {}% replaces the product's {}%", plain(contract), plain(term_rate)),
        });
    }
    warnings.extend(product.rate_override.warning(&product.terms, plan.rate));

    // Schedule rows. Amount and rate repeat from row to row: write each once.
    let mut shown_amount = (Decimal::ZERO, Cell::new("0"));
    let mut shown_rate = (Decimal::ZERO, Cell::new("0"));
    let remember = |cache: &mut (Decimal, Cell), value: Decimal| -> Cell {
        if cache.0 != value {
            *cache = (value, plain_cell(value));
        }
        cache.1
    };
    let mut balance = Decimal::ZERO;
    let mut deposit_iter = deposits.iter().zip(accrued.units.iter()).peekable();
    let mut schedule_rows = Vec::with_capacity(entries.len());
    for e in &entries {
        let (amount, rate, units) = match deposit_iter.peek() {
            Some((d, u)) if d.n == e.n && e.is_deposit() => {
                let row = (d.amount, d.rate, **u);
                deposit_iter.next();
                row
            }
            _ => (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
        };
        balance = add(balance, amount)?;
        schedule_rows.push(Row {
            n: e.n,
            due: date_cell(e.due),
            paid_on: if e.status == Status::Missed || e.status == Status::Refused { None } else { e.paid_on.map(date_cell) },
            amount: remember(&mut shown_amount, amount),
            status: e.status.as_str(),
            balance: plain_cell(balance),
            rate: remember(&mut shown_rate, rate),
            units: plain_cell(units.round_dp(4)),
        });
    }

    Ok(Quote {
        product_id: product.id.clone(),
        currency: product.currency.clone(),
        contract_rate: plain(contract),
        maturity_date: format_date(maturity),
        close_date: format_date(close),
        closure: closure.as_str(),
        close_rate: match closure {
            Closure::Maturity => None,
            Closure::Overdue => Some(plain(product.demand_rate)),
            // The early rate of the term, or demand for a renewal closed early.
            Closure::Early | Closure::ClosedByBank => Some(plain(early.as_ref().map_or(product.demand_rate, |e| e.0))),
        },
        principal: fixed(totals.principal, scale),
        interest: fixed(totals.interest, scale),
        subsidy: fixed(totals.subsidy, scale),
        fees: fixed(totals.fees, scale),
        tax: fixed(totals.tax, scale),
        payout: fixed(payout, payout_scale),
        effective_annual_yield: eay.map(|y| fixed(y, 2)),
        real_payout: real,
        breach: breach.map(|b| BreachRow {
            trigger: b.trigger.as_str(),
            installment: b.installment,
            date: format_date(b.date),
            effect: b.effect.as_str(),
            rate: matches!(b.effect, OnBreach::LaterAtDemand | OnBreach::AllAtDemand)
                .then(|| plain(product.demand_rate))
                .filter(|_| !closed_in_term),
        }),
        maturity_payout: None,
        schedule: schedule_rows,
        renewals: legs
            .iter()
            .map(|l| RenewalRow {
                start: format_date(l.start),
                end: format_date(l.end),
                principal: fixed(l.principal, scale),
                rate: plain(l.rate),
                interest: fixed(l.interest, scale),
                tax: fixed(l.tax, scale),
                value: fixed(l.value, scale),
            })
            .collect(),
        explain: explain.0,
        warnings,
        assumptions,
        payout_value: payout,
        payout_scale,
    })
}
