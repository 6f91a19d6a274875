//! Effective annual yield: the XIRR of the cash flows (ACT/365).
//!
//! Different products pay at different dates, so besides the payout the
//! comparison shows the annual rate r that makes
//! `Σ flow × (1 + r)^(−days/365) = 0`, each installment out on its date and
//! the payout in on the closing day. It is an indicator, not money, so an
//! `f64` solver is fine (CONTRACT.md §6); the result is rounded to 2 places.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The yield in percent at 2 places (half-up), or `None` when no root exists.
pub fn effective_annual_yield(flows: &[(NaiveDate, Decimal)]) -> Option<Decimal> {
    let first = flows.iter().map(|f| f.0).min()?;
    // (days from the first flow, amount). Order does not matter: the running
    // factor below is v^day whichever way the days step.
    let points: Vec<(i32, f64)> = flows
        .iter()
        .map(|(d, v)| (i32::try_from((*d - first).num_days()).unwrap_or(i32::MAX), v.to_f64().unwrap_or(0.0)))
        .collect();
    if !points.iter().any(|p| p.1 > 0.0) || !points.iter().any(|p| p.1 < 0.0) {
        return None;
    }
    // Value and slope in one pass with one `powf` per evaluation: the daily
    // discount factor v = (1 + r)^(−1/365) is raised to each gap between
    // flows by multiplication (`powi`), which is far cheaper than a
    // fractional power per flow, in WebAssembly above all.
    let npv_and_slope = |r: f64| {
        let v = (1.0 + r).powf(-1.0 / 365.0);
        let (mut f, mut d, mut factor, mut at) = (0.0, 0.0, 1.0, 0);
        for &(day, amount) in &points {
            factor *= v.powi(day - at);
            at = day;
            let discounted = amount * factor;
            f += discounted;
            d -= f64::from(day) / 365.0 * discounted / (1.0 + r);
        }
        (f, d)
    };
    let npv = |r: f64| npv_and_slope(r).0;
    // Newton from the simple-interest estimate (net gain over money-years); bisection if it strays.
    let horizon = f64::from(points.iter().map(|p| p.0).max().unwrap_or(0)) / 365.0;
    let money_years: f64 = points.iter().filter(|p| p.1 < 0.0).map(|(t, v)| -v * (horizon - f64::from(*t) / 365.0)).sum();
    let gain: f64 = points.iter().map(|p| p.1).sum();
    let mut r = if money_years > 0.0 { (gain / money_years).clamp(-0.9, 10.0) } else { 0.01 };
    let mut solved = None;
    for _ in 0..50 {
        let (f, d) = npv_and_slope(r);
        if !f.is_finite() || !d.is_finite() || d == 0.0 {
            break;
        }
        let next = r - f / d;
        // Written so that NaN also leaves the loop.
        if next.partial_cmp(&-0.999_999) != Some(std::cmp::Ordering::Greater) {
            break;
        }
        if (next - r).abs() < 1e-12 {
            solved = Some(next);
            break;
        }
        r = next;
    }
    let r = match solved {
        Some(r) => r,
        None => bisect(&npv)?,
    };
    let percent = Decimal::from_f64_retain(r * 100.0)?;
    Some(percent.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

fn bisect(npv: &dyn Fn(f64) -> f64) -> Option<f64> {
    let (mut lo, mut hi) = (-0.9999, 100.0);
    let (mut f_lo, f_hi) = (npv(lo), npv(hi));
    if !f_lo.is_finite() || !f_hi.is_finite() || f_lo.signum() == f_hi.signum() {
        return None;
    }
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        let f_mid = npv(mid);
        if f_mid.signum() == f_lo.signum() {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-13 {
            break;
        }
    }
    Some((lo + hi) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{add_months, parse_date};

    #[test]
    fn yield_of_a_regular_plan_in_any_order() {
        let start = parse_date("2025-01-15").unwrap();
        let mut flows: Vec<(NaiveDate, Decimal)> =
            (0..12).map(|k| (add_months(start, k).unwrap(), Decimal::from(-1000))).collect();
        flows.push((add_months(start, 12).unwrap(), "12087.75".parse().unwrap()));
        assert_eq!(effective_annual_yield(&flows).unwrap().to_string(), "1.35");
        flows.reverse();
        assert_eq!(effective_annual_yield(&flows).unwrap().to_string(), "1.35");
        assert_eq!(effective_annual_yield(&flows[..1]), None);
    }
}
