//! Reading JSON text into a `serde_json::Value`, by hand, for the wasm facade.
//!
//! The facade receives `JSON.stringify` output. serde_json's deserializer
//! (with serde's visitor machinery and float parsing) was a large part of
//! the `.wasm`; the engine never needs a float's value (decimals are strings,
//! counts are whole numbers), so this reader keeps whole numbers exactly and
//! records any other number as "a fractional number". Everything else is
//! the JSON grammar, with serde_json's nesting limit of 128. Tests check it
//! against serde_json on random documents.

use serde_json::{Map, Number, Value};

/// Why a text is not usable JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    Syntax,
    TooDeep,
}

const MAX_DEPTH: u32 = 128;

/// Parses JSON text.
///
/// # Errors
/// `Syntax` for anything that is not one JSON value; `TooDeep` past 128 levels.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Reader { text, at: 0, depth: 0 };
    let v = p.value()?;
    p.space();
    if p.at != text.len() {
        return Err(JsonError::Syntax);
    }
    Ok(v)
}

/// Any number that is not a whole number: its value never matters here.
fn fractional() -> Value {
    Number::from_f64(0.5).map(Value::Number).unwrap_or(Value::Null)
}

/// A JSON number as a message writes it, as serde_json's `Display` does:
/// whole numbers exactly; a fraction in its shortest form. In the
/// WebAssembly build every fraction is this reader's `fractional()`, so its
/// text is always "0.5" and serde_json's float writer (its code and tables,
/// ~3 KB of `.wasm`) is left out; natively (tests, corpus) fractions keep
/// their value and their text.
pub fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    #[cfg(target_arch = "wasm32")]
    let text = String::from("0.5");
    #[cfg(not(target_arch = "wasm32"))]
    let text = n.to_string();
    text
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl Reader<'_> {
    /// The text not read yet (`get`, not indexing: no char-boundary panic path).
    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(JsonError::Syntax)
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.rest().starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(JsonError::Syntax)
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.space();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(JsonError::Syntax),
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.at += 1;
        Ok(())
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut map = Map::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                self.space();
                let key = self.string()?;
                self.space();
                self.eat(b':')?;
                let v = self.value()?;
                map.insert(key, v);
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b'}') => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(JsonError::Syntax),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Object(map))
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                items.push(self.value()?);
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b']') => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(JsonError::Syntax),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(JsonError::Syntax)?;
        let code = u32::from_str_radix(digits, 16).map_err(|_| JsonError::Syntax)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(JsonError::Syntax);
        }
        self.at += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte at once.
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).ok_or(JsonError::Syntax)?;
            out.push_str(self.text.get(self.at..self.at + run).ok_or(JsonError::Syntax)?);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek().ok_or(JsonError::Syntax)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) && self.rest().starts_with("\\u") {
                                let save = self.at;
                                self.at += 2;
                                let second = self.hex4()?;
                                if (0xDC00..0xE000).contains(&second) {
                                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                                } else {
                                    self.at = save;
                                    0xFFFD
                                }
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(JsonError::Syntax),
                    };
                    self.at += 1;
                    out.push(c);
                }
                _ => return Err(JsonError::Syntax),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        let int_digits = self.digits();
        if int_digits == 0 || (int_digits > 1 && self.text.as_bytes()[int_start] == b'0') {
            return Err(JsonError::Syntax);
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(JsonError::Syntax);
            }
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(JsonError::Syntax);
            }
            whole = false;
        }
        let text = self.text.get(start..self.at).ok_or(JsonError::Syntax)?;
        // `-0` is negative zero, a float, as serde_json reads it (and as the
        // native API therefore sees it): not a whole number. JSON.stringify
        // never writes it, so only a hand-written document can hold it.
        if whole && text != "-0" {
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Value::Number(u.into()));
            }
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::Number(i.into()));
            }
        }
        Ok(fractional())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_stringify_writes() {
        let text = r#" {"a":[1,-2,3.5,1e30,true,false,null,"x\"y\\z\n\u00e9\ud83d\ude00\ud800"],"b":{}} "#;
        let v = parse(text).unwrap();
        assert_eq!(v["a"][0], 1);
        assert_eq!(v["a"][1], -2);
        assert!(v["a"][2].as_u64().is_none() && v["a"][2].is_number());
        assert_eq!(v["a"][7], "x\"y\\z\né😀\u{FFFD}");
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"\u{1}\"", "tru", "[1] 2", "{\"a\":1,}"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        // Negative zero is a float, as serde_json reads it (proptest found this).
        assert!(parse("-0").unwrap().as_u64().is_none() && parse("-0").unwrap().is_number());
        assert_eq!(parse("[0,-0]").unwrap()[0], 0);
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep), Err(JsonError::TooDeep));
    }
}

/// The reader against serde_json on random documents (moved here from
/// tests/json_text.rs when this module became crate-private).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod reading {
    use proptest::prelude::*;
    use serde_json::Value;

    /// Numbers the engine could ever use are whole; any other number reads as "fractional".
    fn normal(v: &Value) -> Value {
        match v {
            Value::Number(n) if n.as_i64().is_none() && n.as_u64().is_none() => serde_json::json!(0.5),
            Value::Array(a) => Value::Array(a.iter().map(normal).collect()),
            Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), normal(v))).collect()),
            other => other.clone(),
        }
    }

    #[test]
    fn negative_zero_reads_as_serde_json_reads_it() {
        for text in ["-0", "[-0]", "{\"months\":-0}", " -0 ", "[0,-0]"] {
            let ours = super::parse(text).unwrap();
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, normal(&theirs), "{text}");
        }
        assert!(serde_json::from_str::<Value>("-0").unwrap().as_u64().is_none(), "serde_json: a float");
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            any::<u64>().prop_map(|n| serde_json::json!(n)),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| serde_json::json!(f)),
            ".*".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((".{0,8}", inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn reads_json_like_serde_json(v in any_value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
            prop_assert_eq!(super::parse(&text).unwrap(), normal(&v));
        }

        /// `-0` is negative zero, a float, in both readers (the regression
        /// file keeps the seed that found it).
        #[test]
        fn rejects_what_serde_json_rejects(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\]{0,24}") {
            let ours = super::parse(&text).map(|v| normal(&v));
            let theirs = serde_json::from_str::<Value>(&text).map(|v| normal(&v));
            // serde_json refuses lone surrogates; we read them as U+FFFD (JSON.stringify writes them).
            if !text.contains("\\u") {
                prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{}", text);
                if let (Ok(a), Ok(b)) = (ours, theirs) {
                    prop_assert_eq!(a, b);
                }
            }
        }
    }
}
