//! SARIF 2.1.0 (`--format sarif`), for code scanning: one result per
//! finding, a physical location for every claim, rule metadata from the
//! YAML, and the finding's fingerprint in `partialFingerprints`. Validated
//! against the official schema in `tests/cli/formats.rs`.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::notices::Notices;
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

/// The rule of the results for facts never compared.
const NOT_COMPARED: &str = "crosscheck/not-compared";
/// The rule of the results for stale baseline entries.
const STALE: &str = "crosscheck/stale-baseline-entry";

/// The SARIF log of `findings`, with a result for each fact never
/// compared (level `note`) and each stale baseline entry (`warning`, or
/// `error` with `--strict`), at its `path:line`.
pub fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    rules: &RuleSet,
    notices: &Notices,
) -> io::Result<()> {
    let mut ids: Vec<&str> = findings.iter().map(|f| f.metric.as_str()).collect();
    if !notices.not_compared.is_empty() {
        ids.push(NOT_COMPARED);
    }
    if !notices.stale.is_empty() {
        ids.push(STALE);
    }
    ids.sort_unstable();
    ids.dedup();
    let rule_meta: Vec<Value> = ids
        .iter()
        .map(|id| {
            let (description, link) = match *id {
                NOT_COMPARED => ("A fact that is never compared", None),
                STALE => ("A baseline entry that no finding matches any more", None),
                _ => rules.describe(id).unwrap_or((id, None)),
            };
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
    let index = |id: &str| ids.binary_search(&id).unwrap_or(0);
    let place = |uri_: String, line: usize, column: usize| {
        json!([{
            "physicalLocation": {
                "artifactLocation": { "uri": uri_ },
                "region": { "startLine": line.max(1), "startColumn": column.max(1) },
            },
        }])
    };
    let mut results: Vec<Value> = findings
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
    for (f, why) in &notices.not_compared {
        results.push(json!({
            "ruleId": NOT_COMPARED,
            "ruleIndex": index(NOT_COMPARED),
            "kind": "review",
            "level": "note",
            "message": { "text": format!("\"{}\" ({}) is not compared: {why}", f.surface(), f.metric) },
            "locations": place(uri(&f.source.path), f.line as usize, f.column as usize),
        }));
    }
    let baseline = notices
        .baseline
        .unwrap_or(std::path::Path::new(crate::baseline::DEFAULT_FILE));
    for e in &notices.stale {
        results.push(json!({
            "ruleId": STALE,
            "ruleIndex": index(STALE),
            "kind": if notices.strict { "fail" } else { "review" },
            "level": if notices.strict { "error" } else { "warning" },
            "message": { "text": Notices::stale_text(e) },
            "locations": place(uri(baseline), e.line, 1),
            "partialFingerprints": { "crosscheck/v2": e.fingerprint },
        }));
    }
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
