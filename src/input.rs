//! Reading contract JSON: every value is read with its JSON path, so each
//! problem becomes an [`Error`] that names the field (`product.interest.methd`,
//! `plan.events[2].n`).
//!
//! Readers do not stop at the first problem: a [`Problems`] list collects
//! them in field order, so `validateProduct` can show every problem at once
//! while `calculate` reports the first.

use crate::calendar::parse_date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::parse_decimal;
use crate::vocabulary::Vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Problems found while reading a document, in the order the fields are read.
#[derive(Default, Debug)]
pub struct Problems(pub Vec<Error>);

impl Problems {
    /// Keeps the value, or records the problem and gives `None`.
    pub fn take<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    /// The first problem, if any.
    pub fn first(self) -> Option<Error> {
        self.0.into_iter().next()
    }
}

/// User text inside a message: quoted, and cut short if long.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars();
    out.extend(chars.by_ref().take(40));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// A JSON value described for a message, without serde's serializer.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.to_string(),
            (_, Some(u)) => u.to_string(),
            _ => "a fractional number".to_string(),
        },
        Value::String(s) => quoted(s),
        other => type_name(other).to_string(),
    }
}

/// The JSON type name of a value, for messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON object being read, with its path.
pub struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: String,
}

/// Reads `v` as an object.
///
/// # Errors
/// `INVALID_TYPE` when it is not one.
pub fn object<'a>(v: &'a Value, path: &str) -> Result<Obj<'a>> {
    match v {
        Value::Object(map) => Ok(Obj { map, path: path.to_string() }),
        other => Err(Error::new(
            ErrorCode::InvalidType,
            path,
            format!("expected an object, found {}", type_name(other)),
        )),
    }
}

/// Reads a decimal from a JSON value (which must be a string).
pub fn decimal_value(v: &Value, path: &str) -> Result<Decimal> {
    match v {
        Value::String(s) => parse_decimal(s, path),
        Value::Number(n) => Err(Error::new(
            ErrorCode::InvalidDecimal,
            path,
            {
                let n = crate::json_in::number_text(n);
                format!("decimals are strings: write \"{n}\" instead of {n}")
            },
        )),
        other => Err(Error::new(
            ErrorCode::InvalidDecimal,
            path,
            format!("expected a decimal string, found {}", type_name(other)),
        )),
    }
}

/// Reads a `YYYY-MM-DD` date from a JSON value.
pub fn date_value(v: &Value, path: &str) -> Result<NaiveDate> {
    match v {
        Value::String(s) => parse_date(s).ok_or_else(|| {
            Error::new(
                ErrorCode::DateOutOfRange,
                path,
                format!("{} is not an existing date in the form YYYY-MM-DD", quoted(s)),
            )
        }),
        other => Err(Error::new(
            ErrorCode::DateOutOfRange,
            path,
            format!("expected a date string YYYY-MM-DD, found {}", type_name(other)),
        )),
    }
}

/// Reads a whole number in `min..=max` from a JSON value.
pub fn int_value(v: &Value, path: &str, min: u64, max: u64) -> Result<u32> {
    let n = match v {
        Value::Number(n) => n.as_u64(),
        _ => None,
    };
    match n {
        Some(n) if n >= min && n <= max => u32::try_from(n).map_err(|_| Error::overflow()),
        _ => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("expected a whole number from {min} to {max}, found {}", describe(v)),
        )),
    }
}

impl<'a> Obj<'a> {
    /// The path of a field of this object.
    pub fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The field, `None` when absent (JSON `null` is present).
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// The field when present and not null.
    pub fn some(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Rejects keys outside `allowed`, naming the first one.
    pub fn only(&self, allowed: &[&str], problems: &mut Problems) {
        for key in self.map.keys() {
            if !allowed.contains(&key.as_str()) {
                problems.push(Error::new(
                    ErrorCode::UnknownField,
                    self.at(key),
                    format!("unknown field {}; expected one of: {}", quoted(key), allowed.join(", ")),
                ));
            }
        }
    }

    fn missing(&self, key: &str) -> Error {
        Error::new(ErrorCode::MissingField, self.at(key), format!("{key} is required"))
    }

    /// A required decimal.
    pub fn decimal(&self, key: &str) -> Result<Decimal> {
        match self.get(key) {
            None => Err(self.missing(key)),
            Some(v) => decimal_value(v, &self.at(key)),
        }
    }

    /// A decimal that may be absent or null.
    pub fn opt_decimal(&self, key: &str) -> Result<Option<Decimal>> {
        self.some(key).map(|v| decimal_value(v, &self.at(key))).transpose()
    }

    /// A decimal with a default when absent.
    pub fn decimal_or(&self, key: &str, default: Decimal) -> Result<Decimal> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => decimal_value(v, &self.at(key)),
        }
    }

    /// A required date.
    pub fn date(&self, key: &str) -> Result<NaiveDate> {
        match self.get(key) {
            None => Err(self.missing(key)),
            Some(v) => date_value(v, &self.at(key)),
        }
    }

    /// A date that may be absent or null.
    pub fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>> {
        self.some(key).map(|v| date_value(v, &self.at(key))).transpose()
    }

    /// A required whole number in `min..=max`.
    pub fn int(&self, key: &str, min: u64, max: u64) -> Result<u32> {
        match self.get(key) {
            None => Err(self.missing(key)),
            Some(v) => int_value(v, &self.at(key), min, max),
        }
    }

    /// A whole number with a default when absent.
    pub fn int_or(&self, key: &str, default: u32, min: u64, max: u64) -> Result<u32> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => int_value(v, &self.at(key), min, max),
        }
    }

    /// A whole number that may be absent or null (then `default`, itself optional).
    pub fn opt_int(&self, key: &str, default: Option<u32>, min: u64, max: u64) -> Result<Option<u32>> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Null) => Ok(None),
            Some(v) => int_value(v, &self.at(key), min, max).map(Some),
        }
    }

    /// A boolean with a default when absent.
    pub fn bool_or(&self, key: &str, default: bool) -> Result<bool> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(Error::new(
                ErrorCode::InvalidType,
                self.at(key),
                format!("expected true or false, found {}", type_name(other)),
            )),
        }
    }

    /// A value of a contract enum, with a default when absent.
    pub fn choice<T: Vocabulary>(&self, key: &str, default: T) -> Result<T> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => self.choice_index(key, v, T::NAMES).map(|i| T::ALL.get(i).copied().unwrap_or(default)),
        }
    }

    /// The position of `v` in `names` (one function for every enum: smaller code).
    fn choice_index(&self, key: &str, v: &Value, names: &[&str]) -> Result<usize> {
        names.iter().position(|n| v.as_str() == Some(*n)).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                self.at(key),
                format!("{} is not one of: {}", describe(v), names.join(", ")),
            )
        })
    }

    /// A nested object, `None` when absent.
    pub fn opt_object(&self, key: &str) -> Result<Option<Obj<'a>>> {
        self.get(key).map(|v| object(v, &self.at(key))).transpose()
    }

    /// A nested object that may also be null (`None` for absent or null).
    pub fn nullable_object(&self, key: &str) -> Result<Option<Obj<'a>>> {
        self.some(key).map(|v| object(v, &self.at(key))).transpose()
    }

    /// An array field, `None` when absent.
    pub fn opt_array(&self, key: &str) -> Result<Option<&'a Vec<Value>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(other) => Err(Error::new(
                ErrorCode::InvalidType,
                self.at(key),
                format!("expected an array, found {}", type_name(other)),
            )),
        }
    }
}
