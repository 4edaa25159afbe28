//! The width tables are laid out in: `--width`, else `$COLUMNS`, else the
//! terminal's when standard output is one, else 100. Columns that hold an
//! id or a `path:line` are never narrower than their longest cell, so
//! neither is ever cut; the others (quotes, descriptions) wrap.

use std::io::IsTerminal;
use std::sync::OnceLock;

use comfy_table::{ColumnConstraint, Table};

/// The width when nothing says otherwise (a pipe, a file).
pub const DEFAULT: u16 = 100;

static WIDTH: OnceLock<u16> = OnceLock::new();

/// Sets the width of the run's tables to `flag` (`--width`) or, without
/// it, to what `$COLUMNS` or the terminal says. The first call wins.
pub fn set(flag: Option<u16>) {
    let columns = std::env::var("COLUMNS").ok();
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
        .flatten();
    let _ = WIDTH.set(resolve(flag, columns.as_deref(), terminal));
}

/// The width of tables (`DEFAULT` when `set` was not called).
pub fn get() -> u16 {
    WIDTH.get().copied().unwrap_or(DEFAULT)
}

/// `--width`, else `$COLUMNS` (a whole number above 0), else the terminal's
/// width, else `DEFAULT`.
fn resolve(flag: Option<u16>, columns: Option<&str>, terminal: Option<u16>) -> u16 {
    flag.filter(|w| *w > 0)
        .or_else(|| {
            columns
                .and_then(|c| c.trim().parse().ok())
                .filter(|w| *w > 0)
        })
        .or(terminal)
        .unwrap_or(DEFAULT)
}

/// Columns never cut, by header: ids, places and short labels.
const WHOLE: &[&str] = &[
    "metric",
    "source",
    "reading",
    "combination",
    "line:col",
    "period",
];

/// Lays `table` out in the run's width, once its rows are in: a column
/// headed as in `WHOLE` is as wide as its longest cell, every other one at
/// least as wide as its longest word, so that wrapping never cuts a word.
/// A table that cannot fit so is wider than the width.
pub(crate) fn fit(table: &mut Table) {
    table.set_width(get());
    let Some(header) = table.header() else {
        return;
    };
    let names: Vec<String> = header.cell_iter().map(|c| c.content()).collect();
    let mut longest_word: Vec<usize> = names.iter().map(|n| words(n)).collect();
    for row in table.row_iter() {
        for (i, cell) in row.cell_iter().enumerate() {
            if let Some(w) = longest_word.get_mut(i) {
                *w = (*w).max(words(&cell.content()));
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        let constraint = if WHOLE.contains(&name.as_str()) {
            ColumnConstraint::ContentWidth
        } else {
            // the width of a constraint counts the cell's padding
            let w = u16::try_from(longest_word[i] + 2).unwrap_or(u16::MAX);
            ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(w))
        };
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(constraint);
        }
    }
}

/// The width of the longest word of `text`, in characters.
fn words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_columns_then_the_terminal() {
        assert_eq!(resolve(Some(80), Some("120"), Some(200)), 80);
        assert_eq!(resolve(None, Some("120"), Some(200)), 120);
        assert_eq!(resolve(None, Some("wide"), Some(200)), 200);
        assert_eq!(resolve(None, None, None), DEFAULT);
        assert_eq!(resolve(Some(0), Some("0"), None), DEFAULT);
    }

    #[test]
    fn whole_columns_are_never_cut() {
        let id = "trade.china_russia.total";
        let place = "fixtures/004-putin-li-qiang-sco.md:16";
        let mut t = Table::new();
        t.set_header(["metric", "source", "quote"]);
        t.add_row([id, place, &"a long quote that wraps ".repeat(10)]);
        t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        fit(&mut t);
        let text = t.to_string();
        assert!(text.contains(id) && text.contains(place), "{text}");
        assert!(text.contains("wraps"), "{text}");
        assert!(
            text.lines()
                .all(|l| l.chars().count() <= usize::from(get())),
            "{text}"
        );
    }
}
