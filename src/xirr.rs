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
    let points: Vec<(f64, f64)> = flows
        .iter()
        .map(|(d, v)| ((*d - first).num_days() as f64 / 365.0, v.to_f64().unwrap_or(0.0)))
        .collect();
    if !points.iter().any(|p| p.1 > 0.0) || !points.iter().any(|p| p.1 < 0.0) {
        return None;
    }
    let npv = |r: f64| points.iter().map(|(t, v)| v * (1.0 + r).powf(-t)).sum::<f64>();
    // Value and slope in one pass: one power per flow.
    let npv_and_slope = |r: f64| {
        points.iter().fold((0.0, 0.0), |(f, d), (t, v)| {
            let discounted = v * (1.0 + r).powf(-t);
            (f + discounted, d - t * discounted / (1.0 + r))
        })
    };
    // Newton from the simple-interest estimate (net gain over money-years); bisection if it strays.
    let horizon = points.iter().map(|p| p.0).fold(0.0, f64::max);
    let money_years: f64 = points.iter().filter(|p| p.1 < 0.0).map(|(t, v)| -v * (horizon - t)).sum();
    let gain: f64 = points.iter().map(|p| p.1).sum();
    let mut r = if money_years > 0.0 { (gain / money_years).clamp(-0.9, 10.0) } else { 0.01 };
    let mut solved = None;
    for _ in 0..50 {
        let (f, d) = npv_and_slope(r);
        if !f.is_finite() || !d.is_finite() || d == 0.0 {
            break;
        }
        let next = r - f / d;
        if !(next > -0.999_999) || !next.is_finite() {
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
