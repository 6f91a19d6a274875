//! The one error type: a stable `code`, the JSON `path` of the offending
//! field and a readable developer-English `message` (CONTRACT.md §5).
//!
//! Errors are created where input is read; the deeper steps work on
//! validated types and fail only on arithmetic overflow. The page maps each
//! `code` to a localised instruction, so tests assert code and path, never
//! the message text.

use crate::vocabulary::vocabulary;
use serde::Serialize;
use std::fmt;

vocabulary! {
    /// The kinds of problem a product, a plan or a target can have.
    pub enum ErrorCode as "ErrorCode", locale ["err_"] {
        /// A decimal that is not a JSON string of the form `-?digits[.digits]`.
        InvalidDecimal = "INVALID_DECIMAL",
        /// A required field is absent.
        MissingField = "MISSING_FIELD",
        /// A key the contract does not define (a typo must never fall back to a default).
        UnknownField = "UNKNOWN_FIELD",
        /// A bad enum value, an integer out of range, or a value the rules forbid.
        InvalidValue = "INVALID_VALUE",
        /// An object, array, string or boolean field of the wrong JSON type.
        InvalidType = "INVALID_TYPE",
        /// The plan's term is not one of the product's terms.
        TermNotOffered = "TERM_NOT_OFFERED",
        /// The installment is under the product's minimum.
        BelowMinimum = "BELOW_MINIMUM",
        /// The installment is over the product's maximum.
        AboveMaximum = "ABOVE_MAXIMUM",
        /// The installment is not a whole multiple of the product's step.
        NotAStepMultiple = "NOT_A_STEP_MULTIPLE",
        /// A date that does not exist, is not `YYYY-MM-DD`, or lies outside what the plan allows.
        DateOutOfRange = "DATE_OUT_OF_RANGE",
        /// An event names an installment that does not exist, twice, or pays outside its window.
        EventOutOfRange = "EVENT_OUT_OF_RANGE",
        /// An event amount that is not the installment plus whole made-up installments.
        InvalidAmount = "INVALID_AMOUNT",
        /// An event both missed and paid.
        EventConflict = "EVENT_CONFLICT",
        /// The product does not allow early withdrawal on that date.
        EarlyNotAllowed = "EARLY_NOT_ALLOWED",
        /// No installment within the product's limits reaches the target.
        TargetUnreachable = "TARGET_UNREACHABLE",
        /// An amount, rate or term too large to compute exactly.
        Overflow = "OVERFLOW",
    }
}

/// The code as a JSON string (`"BELOW_MINIMUM"`).
impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A problem with the input: what kind, where, and a sentence for developers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Error {
    pub code: ErrorCode,
    pub path: String,
    pub message: String,
}

impl Error {
    #[cold]
    #[inline(never)]
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::from_parts(code, path.into(), message.into())
    }

    #[cold]
    #[inline(never)]
    fn from_parts(code: ErrorCode, path: String, message: String) -> Error {
        Error { code, path, message }
    }

    /// Arithmetic overflow while pricing: the amounts are too large to compute exactly.
    #[cold]
    pub fn overflow() -> Error {
        Error::new(
            ErrorCode::Overflow,
            "plan",
            "the amounts, rates or terms are too large to compute exactly",
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code.as_str(), self.path, self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the engine.
pub type Result<T> = std::result::Result<T, Error>;
