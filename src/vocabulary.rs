//! The contract's enums, each one table.
//!
//! Every closed set of words in the contract (`interest.method`,
//! `missed.onBreach`, a schedule row's `status`, an explain step's `key`, an
//! error `code`, …) is declared once with [`vocabulary!`], next to the code
//! that gives the words their meaning. From that one table come the Rust
//! enum, its spelling (`as_str`), parsing (`parse`), the list of allowed
//! values in error messages, and the TypeScript union of `src/wasm.d.ts`;
//! a test checks the declarations, the configurator's options and the
//! locales' keys against the tables, so a new value cannot be forgotten in
//! one of them.

/// A contract enum: its values and their spelling, in the contract's order.
pub(crate) trait Vocabulary: Copy + PartialEq + 'static {
    /// Every value, in the contract's order.
    const ALL: &'static [Self];
    /// The spelling of each value of [`Vocabulary::ALL`], in the same order.
    const NAMES: &'static [&'static str];

    /// The value spelled `text`, if it is one.
    fn parse(text: &str) -> Option<Self> {
        Self::NAMES.iter().position(|n| *n == text).and_then(|i| Self::ALL.get(i).copied())
    }

    /// The allowed values for an error message: `a, b, c`.
    fn names() -> String {
        Self::NAMES.join(", ")
    }
}

/// Declares a contract enum from its table of `Variant = "spelling"` rows.
///
/// The first string names the TypeScript type in `src/wasm.d.ts` whose union
/// the table generates; the list after it names the locale key prefixes
/// (`opt_`, `status_`, …) whose keys must exist for every value.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident as $ts:literal, locale [$($prefix:literal),*] {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as the contract spells it.
            pub fn as_str(self) -> &'static str {
                // The table, by position: smaller code than a match.
                <$name as $crate::vocabulary::Vocabulary>::NAMES.get(self as usize).copied().unwrap_or_default()
            }

            /// The value spelled `text`, if it is one.
            #[allow(dead_code)]
            pub fn parse(text: &str) -> Option<$name> {
                <$name as $crate::vocabulary::Vocabulary>::parse(text)
            }

            /// This table, for the test that checks the declarations, the
            /// configurator and the locales against it.
            #[cfg(all(test, not(target_arch = "wasm32")))]
            #[allow(dead_code)]
            pub(crate) fn table() -> $crate::vocabulary::Table {
                $crate::vocabulary::Table {
                    ts: $ts,
                    locale: &[$($prefix),*],
                    names: <$name as $crate::vocabulary::Vocabulary>::NAMES,
                }
            }
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const ALL: &'static [$name] = $name::ALL;
            const NAMES: &'static [&'static str] = &[$($text),+];
        }
    };
}

pub(crate) use vocabulary;

/// One table as the checks see it.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[derive(Debug)]
pub(crate) struct Table {
    /// The TypeScript type alias in `src/wasm.d.ts`.
    pub ts: &'static str,
    /// Locale key prefixes every value needs a text under.
    pub locale: &'static [&'static str],
    pub names: &'static [&'static str],
}

/// The tables checked against the declarations, the configurator and the
/// locales: every contract enum of the engine.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn tables() -> Vec<Table> {
    use crate::*;
    vec![
        MethodName::table(),
        DayCount::table(),
        AccrueTo::table(),
        Compounding::table(),
        BrokenPeriod::table(),
        RoundingMode::table(),
        EarnsFrom::table(),
        BreachTrigger::table(),
        OnBreach::table(),
        EarlyRate::table(),
        OverdueRate::table(),
        OverdueBase::table(),
        MaturityAction::table(),
        Carry::table(),
        ProtectionKind::table(),
        Status::table(),
        Closure::table(),
        ExplainKey::table(),
        WarningCode::table(),
        AssumptionKey::table(),
        crate::protection::Source::table(),
        crate::compare::Horizon::table(),
        crate::reconcile::placement::ProblemCode::table(),
        crate::reconcile::placement::DepositStatus::table(),
        crate::reconcile::bank::CauseKey::table(),
        ErrorCode::table(),
    ]
}

/// The configurator's enum fields and the table (with any leading extra
/// choice, such as "never") each one offers.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn configurator_fields() -> Vec<(&'static str, Option<&'static str>, &'static str)> {
    vec![
        ("interest.method", None, "InterestMethod"),
        ("interest.dayCount", None, "DayCount"),
        ("interest.accrueTo", None, "AccrueTo"),
        ("interest.compounding", None, "Compounding"),
        ("interest.brokenPeriod", None, "BrokenPeriod"),
        ("rounding.mode", None, "RoundingMode"),
        ("missed.makeUpEarnsFrom", None, "MakeUpEarnsFrom"),
        ("missed.breachKind", Some("never"), "BreachTrigger"),
        ("missed.onBreach", None, "OnBreach"),
        ("early.rate", None, "EarlyRate"),
        ("overdue.base", None, "OverdueBase"),
        ("maturity.action", None, "MaturityAction"),
        ("maturity.renew.carry", None, "Carry"),
        ("valueProtection.kind", Some("none"), "ValueProtectionKind"),
    ]
}

// They read the repository's files: native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeMap;

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn table(ts: &str) -> Table {
        tables().into_iter().find(|t| t.ts == ts).unwrap()
    }

    /// The quoted words of a text, in order (`"a"` or `'a'`).
    fn quoted(text: &str, quote: char) -> Vec<String> {
        text.split(quote).skip(1).step_by(2).map(str::to_string).collect()
    }

    fn union_line(t: &Table) -> String {
        let words: Vec<String> = t.names.iter().map(|n| format!("\"{n}\"")).collect();
        format!("export type {} = {};", t.ts, words.join(" | "))
    }

    #[test]
    fn every_table_is_a_union_of_the_typescript_declarations() {
        let dts = read("src/wasm.d.ts");
        for t in tables() {
            let head = format!("export type {} =", t.ts);
            let Some(at) = dts.find(&head) else { panic!("src/wasm.d.ts lacks `{}`", union_line(&t)) };
            let body = &dts[at + head.len()..];
            let body = &body[..body.find(';').unwrap()];
            assert_eq!(quoted(body, '"'), t.names, "src/wasm.d.ts must read `{}`", union_line(&t));
        }
        for m in crate::interest::MethodName::ALL {
            assert!(dts.contains(&format!("{{ method: \"{}\"", m.as_str())), "Interest lacks method {}", m.as_str());
        }
        for a in crate::product::MaturityAction::ALL {
            assert!(dts.contains(&format!("{{ action: \"{}\"", a.as_str())), "maturity lacks action {}", a.as_str());
        }
        for k in crate::reconcile::bank::CauseKey::ALL {
            assert!(dts.contains(&format!("{{ key: \"{}\"", k.as_str())), "BankCause lacks key {}", k.as_str());
        }
    }

    /// The configurator's fields: path → (options, option key overrides).
    fn configurator() -> BTreeMap<String, (Vec<String>, BTreeMap<String, String>)> {
        let js = read("www/panels/configurator.js");
        let fields = &js[js.find("const FIELDS = [").unwrap()..];
        let fields = &fields[..fields.find("\n];").unwrap()];
        let mut out = BTreeMap::new();
        for entry in fields.split("{ path: '").skip(1) {
            let path = entry[..entry.find('\'').unwrap()].to_string();
            let Some(at) = entry.find("options: [") else { continue };
            let list = &entry[at..];
            let options = quoted(&list[..list.find(']').unwrap()], '\'');
            let mut keys = BTreeMap::new();
            if let Some(at) = entry.find("optionKeys: {") {
                let map = &entry[at + "optionKeys: {".len()..];
                for pair in map[..map.find('}').unwrap()].split(',') {
                    let (k, v) = pair.split_once(':').unwrap();
                    keys.insert(k.trim().to_string(), quoted(v, '\'')[0].clone());
                }
            }
            out.insert(path, (options, keys));
        }
        out
    }

    #[test]
    fn the_configurator_offers_every_value_of_each_table() {
        let fields = configurator();
        let expected = configurator_fields();
        let mut checked = Vec::new();
        for (path, extra, ts) in &expected {
            let (options, _) = fields.get(*path).unwrap_or_else(|| panic!("www/panels/configurator.js lacks the field {path}"));
            let mut want: Vec<String> = extra.iter().map(|e| e.to_string()).collect();
            want.extend(table(ts).names.iter().map(|n| n.to_string()));
            assert_eq!(options, &want, "www/panels/configurator.js: the options of {path}");
            checked.push(path.to_string());
        }
        let unchecked: Vec<&String> = fields.keys().filter(|k| !checked.contains(k)).collect();
        assert!(unchecked.is_empty(), "configurator fields with options but no table: {unchecked:?}");
    }

    /// A JavaScript literal of the configurator's defaults as JSON.
    fn js_to_json(literal: &str) -> Value {
        let mut text = literal.trim().replace('\'', "\"");
        if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            let pairs: Vec<String> = inner
                .split(',')
                .map(|pair| {
                    let (k, v) = pair.split_once(':').unwrap();
                    format!("\"{}\":{}", k.trim(), v.trim())
                })
                .collect();
            text = format!("{{{}}}", pairs.join(","));
        }
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{literal}: {e}"))
    }

    #[test]
    fn the_configurator_defaults_are_the_engine_defaults() {
        let js = read("www/panels/configurator.js");
        let body = &js[js.find("const DEFAULTS = {").unwrap() + "const DEFAULTS = {".len()..];
        let body = &body[..body.find("\n};").unwrap()];
        let mut shown = BTreeMap::new();
        // Entries are 'path': value, where a value may be a small object literal.
        let mut rest = body;
        while let Some(at) = rest.find('\'') {
            let after = &rest[at + 1..];
            let key = &after[..after.find('\'').unwrap()];
            let value = after[key.len() + 1..].trim_start().strip_prefix(':').unwrap().trim_start();
            let end = if value.starts_with('{') { value.find('}').unwrap() + 1 } else { value.find([',', '\n']).unwrap_or(value.len()) };
            shown.insert(key.to_string(), js_to_json(&value[..end]));
            rest = &value[end..];
        }
        let engine: BTreeMap<&str, Value> =
            crate::product::defaults::table().into_iter().map(|(k, v)| (k, serde_json::from_str(&v).unwrap())).collect();
        for (key, value) in &shown {
            assert_eq!(engine.get(key.as_str()), Some(value), "www/panels/configurator.js DEFAULTS['{key}']");
        }
        // The engine's other defaults are absent values (null, []) or not editable in the configurator.
        let not_editable = ["overdue.rate"];
        for (key, value) in &engine {
            let nothing = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
            assert!(nothing || not_editable.contains(key) || shown.contains_key(*key), "www/panels/configurator.js lacks DEFAULTS['{key}'] = {value}");
        }
    }

    fn locale_keys(path: &str) -> Vec<String> {
        read(path)
            .lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let key = match line.strip_prefix('\'') {
                    Some(quoted) => &quoted[..quoted.find('\'')?],
                    None => &line[..line.find(':')?],
                };
                (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
            })
            .collect()
    }

    #[test]
    fn both_locales_word_every_value() {
        let fields = configurator();
        for file in ["www/locales/en.js", "www/locales/zh-CN.js"] {
            let keys = locale_keys(file);
            let mut missing = Vec::new();
            for t in tables() {
                for prefix in t.locale {
                    missing.extend(t.names.iter().map(|n| format!("{prefix}{n}")).filter(|k| !keys.contains(k)));
                }
            }
            for (options, overrides) in fields.values() {
                for o in options {
                    let key = overrides.get(o).cloned().unwrap_or_else(|| format!("opt_{o}"));
                    if !keys.contains(&key) {
                        missing.push(key);
                    }
                }
            }
            assert!(missing.is_empty(), "{file} lacks {missing:?}");
        }
    }
}
