//! A baseline written again keeps what its user wrote in it: the comments
//! at its top, above each entry and inside it, and a reason that did not
//! change in the lines it was written in (its quotes, a comment after it).
//! Serde drops all of that; this puts it back into what serde writes.

/// What the user wrote around one entry of an old baseline.
#[derive(Default)]
struct Written<'t> {
    /// Comment lines above the entry.
    above: Vec<&'t str>,
    /// Comment lines inside it, by the key of the line they stood above.
    inside: Vec<(&'t str, Vec<&'t str>)>,
    /// The `reason:` line and the lines that continue it.
    reason: Vec<&'t str>,
}

/// The fingerprint of an entry's first line (`- fingerprint: X`).
fn entry_start(line: &str) -> Option<&str> {
    let v = line
        .trim_start()
        .strip_prefix('-')?
        .trim_start()
        .strip_prefix("fingerprint:")?;
    Some(
        v.split('#')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['\'', '"']),
    )
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The key a line sets (`reason` of `  reason: x`), or the line itself.
fn key(line: &str) -> &str {
    let t = line.trim_start().trim_start_matches("- ");
    t.split(':').next().unwrap_or(t)
}

fn push_lines(out: &mut String, lines: &[&str]) {
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
}

/// `body` (a baseline as serde writes it) with the comments of `old` put
/// back, and its reason lines when `reasons`.
pub(super) fn keep(body: &str, old: &str, reasons: bool) -> String {
    let lines: Vec<&str> = old.lines().collect();
    // the file's own header: its comment lines before any key
    let lead = lines
        .iter()
        .take_while(|l| is_comment(l) || l.trim().is_empty())
        .count();
    let head: Vec<&str> = lines[..lead]
        .iter()
        .copied()
        .filter(|l| is_comment(l))
        .collect();
    let mut written: std::collections::BTreeMap<&str, Written> = Default::default();
    let mut pending: Vec<&str> = Vec::new();
    let mut current: Option<&str> = None;
    let mut in_reason: Option<usize> = None;
    for line in lines.iter().copied().skip(lead) {
        if let Some(fp) = entry_start(line) {
            written.entry(fp).or_default().above.append(&mut pending);
            current = Some(fp);
            in_reason = None;
            continue;
        }
        let Some(w) = current.and_then(|fp| written.get_mut(fp)) else {
            if is_comment(line) {
                pending.push(line);
            }
            continue;
        };
        if let Some(at) = in_reason {
            if !line.trim().is_empty() && indent(line) > at && !is_comment(line) {
                w.reason.push(line);
                continue;
            }
            in_reason = None;
        }
        if is_comment(line) {
            pending.push(line);
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if !pending.is_empty() {
            w.inside.push((key(line), std::mem::take(&mut pending)));
        }
        if key(line) == "reason" {
            w.reason.push(line);
            in_reason = Some(indent(line));
        }
    }
    let mut out = String::new();
    if head.is_empty() {
        out.push_str(super::HEADER);
    } else {
        push_lines(&mut out, &head);
    }
    let mut current: Option<&Written> = None;
    // the comment groups of the current entry not yet put back
    let mut left: Vec<usize> = Vec::new();
    let mut skipping = None;
    for line in body.lines() {
        if let Some(at) = skipping {
            if !line.trim().is_empty() && indent(line) > at {
                continue;
            }
            skipping = None;
        }
        if let Some(fp) = entry_start(line) {
            // comments above keys the entry no longer has stay with it
            if let Some(w) = current {
                for i in left.drain(..) {
                    push_lines(&mut out, &w.inside[i].1);
                }
            }
            current = written.get(fp);
            if let Some(w) = current {
                push_lines(&mut out, &w.above);
                left = (0..w.inside.len()).collect();
            }
            push_lines(&mut out, &[line]);
            continue;
        }
        let Some(w) = current else {
            push_lines(&mut out, &[line]);
            continue;
        };
        if let Some(p) = left.iter().position(|&i| w.inside[i].0 == key(line)) {
            push_lines(&mut out, &w.inside[left.remove(p)].1);
        }
        if reasons
            && key(line) == "reason"
            && w.reason.first().is_some_and(|r| indent(r) == indent(line))
        {
            push_lines(&mut out, &w.reason);
            skipping = Some(indent(line));
            continue;
        }
        push_lines(&mut out, &[line]);
    }
    if let Some(w) = current {
        for i in left {
            push_lines(&mut out, &w.inside[i].1);
        }
    }
    out
}
