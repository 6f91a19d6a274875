//! The built-in catalog: example products a page shows before a bank loads
//! its own. Each file in `src/catalog/` is one product definition with its
//! rates' effective date and a note that the rates are examples to edit.

use serde_json::Value;

const FILES: [&str; 8] = [
    include_str!("catalog/cn-lczq-standard.json"),
    include_str!("catalog/cn-lczq-daily.json"),
    include_str!("catalog/cn-lczq-auto-renew.json"),
    include_str!("catalog/cn-lczq-value-protected.json"),
    include_str!("catalog/in-bank-rd.json"),
    include_str!("catalog/in-post-office-rd.json"),
    include_str!("catalog/uk-regular-saver.json"),
    include_str!("catalog/de-praemiensparen.json"),
];

/// The catalog as one JSON array text, without parsing it.
pub fn catalog_json() -> String {
    let mut out = String::with_capacity(FILES.iter().map(|f| f.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, f) in FILES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(f.trim());
    }
    out.push(']');
    out
}

/// The built-in example products, in display order.
pub fn catalog() -> Vec<Value> {
    // The files are part of the build and checked by tests; a file that did
    // not parse would be left out rather than take the calculator down.
    FILES.iter().filter_map(|f| serde_json::from_str(f).ok()).collect()
}
