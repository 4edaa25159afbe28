//! SARIF 2.1.0 (`--format sarif`), for code scanning: one result per
//! finding, a physical location for every claim, rule metadata from the
//! YAML, and the finding's fingerprint in `partialFingerprints`. Validated
//! against the official schema in `tests/cli/formats.rs`.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::engine::{fingerprint, Class, Finding};
use crate::rules::{RuleSet, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(f: &Finding) -> &'static str {
    match (f.class, f.severity) {
        (Class::Agree | Class::Difference, _) | (_, Severity::Info) => "note",
        (_, Severity::Warning) => "warning",
        (_, Severity::Error) => "error",
    }
}

/// The SARIF log of `findings`.
pub fn write(out: &mut dyn Write, findings: &[Finding], rules: &RuleSet) -> io::Result<()> {
    let mut ids: Vec<&str> = findings.iter().map(|f| f.metric.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let rule_meta: Vec<Value> = ids
        .iter()
        .map(|id| {
            let (description, link) = rules.describe(id).unwrap_or((id, None));
            let mut rule = json!({
                "id": id,
                "shortDescription": { "text": description },
            });
            if let Some(link) = link {
                rule["helpUri"] = json!(link);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = ids.binary_search(&f.metric.as_str()).unwrap_or(0);
            json!({
                "ruleId": f.metric,
                "ruleIndex": index,
                "kind": if f.class.is_problem() { "fail" } else { "informational" },
                "level": level(f),
                "message": { "text": super::human::finding_summary(f) },
                "locations": super::human::shown_facts(f).into_iter().map(|(_, x)| json!({
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&x.source.path) },
                        "region": {
                            "startLine": x.line,
                            "startColumn": x.column,
                            "snippet": { "text": x.surface() },
                        },
                    },
                })).collect::<Vec<_>>(),
                "partialFingerprints": { "crosscheck/v2": fingerprint(f) },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_meta,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A relative path as a URI reference: forward slashes; `%`, spaces, `#`,
/// `?` and control characters (a newline in a file name) percent-encoded.
fn uri(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '%' | ' ' | '#' | '?') {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
