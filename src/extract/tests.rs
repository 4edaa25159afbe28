//! Extraction cases: every row of DESIGN's interval table and every wording
//! the extractor promises, as input -> expected tables.

use super::*;
use crate::period::Date;

/// Quantities of `text` published on 2025-11-18, each shown as
/// `kind value unit interval qualifier period forecast`.
fn show(text: &str) -> Vec<String> {
    show_at(text, "2025-11-18")
}

fn show_at(text: &str, published: &str) -> Vec<String> {
    let date: Date = published.parse().unwrap();
    let doc = Document::from_body("t.md", text, Some(date));
    extract(&doc).iter().map(|q| describe(&doc, q)).collect()
}

fn describe(doc: &Document, q: &Quantity) -> String {
    let kind = serde_json::to_string(&q.kind)
        .unwrap()
        .trim_matches('"')
        .to_string();
    let mut parts = vec![kind, doc.text[q.start..q.end].to_string()];
    if q.kind.is_metric() {
        parts.push(q.value.map_or("-".into(), |v| v.normalize().to_string()));
        parts.push(q.unit.to_string());
        parts.push(q.interval(DEFAULT_SLACK).to_string());
    }
    if let Some(w) = &q.qualifier_text {
        parts.push(format!("q={w}"));
    }
    if let Some(p) = q.period {
        parts.push(format!("p={p}"));
    }
    if q.role != super::Role::Actual {
        parts.push(q.role.as_str().into());
    }
    if q.period_basis != super::PeriodBasis::Stated {
        parts.push(q.period_basis.as_str().into());
    }
    parts.join(" | ")
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        assert_eq!(show(text), *expected, "input: {text}");
    }
}

#[test]
fn design_interval_table() {
    check(&[
        ("It was US$244.8 billion.", &["money | US$244.8 billion | 244800000000 | USD | [244750000000, 244850000000]"]),
        ("It was $245 billion.", &["money | $245 billion | 245000000000 | dollar | [244500000000, 245500000000]"]),
        ("We counted 223,000 visitors.", &["number | 223,000 | 223000 | count | [222500, 223500]"]),
        (
            "It was about 218 billion dollars.",
            &["money | 218 billion dollars | 218000000000 | dollar | [207100000000, 228900000000] | q=about"],
        ),
        ("Nearly fifteen documents were signed.", &["number | fifteen | 15 | count | [14.25, 15] | q=Nearly"]),
        ("Trips surpassed a million.", &["number | a million | 1000000 | count | (1000000, ∞) | q=surpassed"]),
        ("Sales were less than 300.", &["number | 300 | 300 | count | [0, 300) | q=less than"]),
        ("Up to 300 people came.", &["number | 300 | 300 | count | [0, 300] | q=Up to"]),
        (
            "Trade was between 200 and 250 billion dollars.",
            &["money | 200 and 250 billion dollars | - | dollar | [200000000000, 250000000000] | q=between"],
        ),
    ]);
}

#[test]
fn digits_scales_and_number_words() {
    check(&[
        (
            "1,234.5 tonnes",
            &["number | 1,234.5 | 1234.5 | count | [1234.45, 1234.55]"],
        ),
        (
            "$245bn",
            &["money | $245bn | 245000000000 | dollar | [244500000000, 245500000000]"],
        ),
        (
            "$ 3 thousand",
            &["money | $ 3 thousand | 3000 | dollar | [2500, 3500]"],
        ),
        (
            "€2 million",
            &["money | €2 million | 2000000 | EUR | [1500000, 2500000]"],
        ),
        (
            "₽1.2 trillion",
            &["money | ₽1.2 trillion | 1200000000000 | RUB | [1150000000000, 1250000000000]"],
        ),
        ("5k", &["number | 5k | 5000 | count | [4500, 5500]"]),
        (
            "USD 20 mn",
            &["money | USD 20 mn | 20000000 | USD | [15000000, 25000000]"],
        ),
        (
            "RMB 3 mln",
            &["money | RMB 3 mln | 3000000 | CNY | [2500000, 3500000]"],
        ),
        (
            "US$1.5tn",
            &["money | US$1.5tn | 1500000000000 | USD | [1450000000000, 1550000000000]"],
        ),
        (
            "$2 trn",
            &["money | $2 trn | 2000000000000 | dollar | [1500000000000, 2500000000000]"],
        ),
        (
            "$3.5m",
            &["money | $3.5m | 3500000 | dollar | [3450000, 3550000]"],
        ),
        (
            "twenty-three people",
            &["number | twenty-three | 23 | count | [22.5, 23.5]"],
        ),
        (
            "two hundred people",
            &["number | two hundred | 200 | count | [150, 250]"],
        ),
        (
            "two hundred and five people",
            &["number | two hundred and five | 205 | count | [204.5, 205.5]"],
        ),
        (
            "a million people",
            &["number | a million | 1000000 | count | [500000, 1500000]"],
        ),
        (
            "fifteen million people",
            &["number | fifteen million | 15000000 | count | [14500000, 15500000]"],
        ),
        (
            "three hundred thousand people",
            &["number | three hundred thousand | 300000 | count | [250000, 350000]"],
        ),
    ]);
}

#[test]
fn currencies_normalize_to_iso_codes() {
    check(&[
        ("240.1 billion US dollars", &["money | 240.1 billion US dollars | 240100000000 | USD | [240050000000, 240150000000]"]),
        ("5 U.S. dollars", &["money | 5 U.S. dollars | 5 | USD | [4.5, 5.5]"]),
        ("5 dollars", &["money | 5 dollars | 5 | dollar | [4.5, 5.5]"]),
        ("5 USD", &["money | 5 USD | 5 | USD | [4.5, 5.5]"]),
        ("7 billion yuan", &["money | 7 billion yuan | 7000000000 | CNY | [6500000000, 7500000000]"]),
        ("7 RMB", &["money | 7 RMB | 7 | CNY | [6.5, 7.5]"]),
        ("CNY 7", &["money | CNY 7 | 7 | CNY | [6.5, 7.5]"]),
        ("7 rubles", &["money | 7 rubles | 7 | RUB | [6.5, 7.5]"]),
        ("7 roubles", &["money | 7 roubles | 7 | RUB | [6.5, 7.5]"]),
        ("RUB 7", &["money | RUB 7 | 7 | RUB | [6.5, 7.5]"]),
        ("EUR 7", &["money | EUR 7 | 7 | EUR | [6.5, 7.5]"]),
        ("7 euros", &["money | 7 euros | 7 | EUR | [6.5, 7.5]"]),
    ]);
}

#[test]
fn percentages() {
    check(&[
        (
            "a 12.5% share",
            &["percent | 12.5% | 12.5 | percent | [12.45, 12.55]"],
        ),
        (
            "a 3 percent stake",
            &["percent | 3 percent | 3 | percent | [2.5, 3.5]"],
        ),
        (
            "a 3 per cent stake",
            &["percent | 3 per cent | 3 | percent | [2.5, 3.5]"],
        ),
    ]);
}

#[test]
fn qualifiers() {
    let cases: &[(&str, &str)] = &[
        ("about 100 people", "[95, 105] | q=about"),
        ("around 100 people", "[95, 105] | q=around"),
        ("approximately 100 people", "[95, 105] | q=approximately"),
        ("roughly 100 people", "[95, 105] | q=roughly"),
        ("some 100 people", "[95, 105] | q=some"),
        ("nearly 100 people", "[95, 100] | q=nearly"),
        ("almost 100 people", "[95, 100] | q=almost"),
        ("close to 100 people", "[95, 100] | q=close to"),
        ("more than 100 people", "(100, ∞) | q=more than"),
        ("over 100 people", "(100, ∞) | q=over"),
        ("above 100 people", "(100, ∞) | q=above"),
        ("it exceeded 100 people", "(100, ∞) | q=exceeded"),
        ("it surpassed 100 people", "(100, ∞) | q=surpassed"),
        ("at least 100 people", "[100, ∞) | q=at least"),
        ("less than 100 people", "[0, 100) | q=less than"),
        ("under 100 people", "[0, 100) | q=under"),
        ("below 100 people", "[0, 100) | q=below"),
        ("up to 100 people", "[0, 100] | q=up to"),
        ("fewer than 100 people", "[0, 100) | q=fewer than"),
    ];
    for (text, expected) in cases {
        let got = show(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!(got[0].ends_with(expected), "{text}: {got:?}");
    }
}

#[test]
fn periods_stated_in_the_sentence() {
    check(&[
        ("Trade was $5 billion in 2024.", &["money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2024", "year | 2024"]),
        ("2024 bilateral trade reached $5 billion.", &["year | 2024", "money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2024"]),
        (
            "2025 figures are expected to be about $5 billion.",
            &["year | 2025", "money | $5 billion | 5000000000 | dollar | [4750000000, 5250000000] | q=about | p=2025 | forecast"],
        ),
        ("Last year trade hit $5 billion.", &["money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2024"]),
        ("This year trade hit $5 billion.", &["money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2025"]),
        ("Next year trade could reach $5 billion.", &["money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2026 | forecast"]),
        (
            "Trade was $5 billion in January–October 2025.",
            &["money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2025-01..2025-10", "date | January–October 2025"],
        ),
        (
            "In the first ten months of 2025 trade was $5 billion.",
            &["other | ten", "year | 2025", "money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000] | p=2025-01..2025-10"],
        ),
        ("Since 2022 trade has reached $5 billion.", &["year | 2022", "money | $5 billion | 5000000000 | dollar | [4500000000, 5500000000]"]),
    ]);
    // "last year" resolves against the publication date
    assert_eq!(
        show_at("Last year trips surpassed a million.", "2024-08-21"),
        ["number | a million | 1000000 | count | (1000000, ∞) | q=surpassed | p=2023"]
    );
}

#[test]
fn forecast_wording() {
    for text in [
        "Trade is expected to reach $5 billion.",
        "Trade is forecast to reach $5 billion.",
        "Trade is projected at $5 billion.",
        "Trade is set to hit $5 billion.",
        "Trade could reach $5 billion.",
    ] {
        let got = show(text);
        assert!(
            got.len() == 1 && got[0].ends_with("forecast"),
            "{text}: {got:?}"
        );
    }
    // a forecast word before an earlier figure does not carry past it
    let got = show("Expected growth aside, trade was $4 billion, or $5 billion.");
    assert!(
        got[0].ends_with("forecast") && !got[1].ends_with("forecast"),
        "{got:?}"
    );
}

#[test]
fn an_estimate_of_months_already_over_is_a_count_of_them() {
    let role = |text: &str, published: &str| {
        let got = show_at(text, published);
        let last = got.last().cloned().unwrap_or_default();
        last.ends_with("forecast")
    };
    // told after the months: a preliminary count
    assert!(!role(
        "The estimate for January-March came to 4.2 million cars.",
        "2025-04-20"
    ));
    assert!(!role(
        "Harvests in 2024 were estimated at 61 million tonnes.",
        "2025-02-01"
    ));
    // told before they end, or with a forecast word besides: a forecast
    assert!(role(
        "The estimate for January-June 2025 came to 8.5 million cars.",
        "2025-04-20"
    ));
    assert!(role(
        "The estimate for 2024 is that sales will reach 17 million cars.",
        "2025-02-01"
    ));
}

#[test]
fn a_quarter_or_half_named_by_its_ordinal_alone_after_one_named_in_full() {
    let periods = |text: &str| -> Vec<String> {
        show_at(text, "2025-08-01")
            .iter()
            .filter_map(|d| d.split(" | p=").nth(1).map(str::to_owned))
            .collect()
    };
    assert_eq!(
        periods("Sales were 4.1 million in the first quarter and 3.9 million in the second."),
        ["2025-01..2025-03", "2025-04..2025-06"]
    );
    assert_eq!(
        periods("Exports reached $12 billion in the third quarter of 2024, after $11 billion in the second, and $10 billion in the first half."),
        ["2024-07..2024-09", "2024-04..2024-06", "2025-01..2025-06"]
    );
    assert_eq!(
        periods(
            "Output was 2 million tonnes in the first half of 2024 and 2.2 million in the second."
        ),
        ["2024-01..2024-06", "2024-07..2024-12"]
    );
    // an ordinal before a noun of its own is no part of the year
    let got = periods("Sales were 4.1 million in the first quarter, and 3.9 million in the second round of the fair.");
    assert_eq!(got.first().map(String::as_str), Some("2025-01..2025-03"));
    assert_ne!(got.get(1).map(String::as_str), Some("2025-04..2025-06"));
}

#[test]
fn years_dates_ordinals_are_not_amounts() {
    check(&[
        ("In February 2022, he visited.", &["date | February 2022"]),
        (
            "On January 21, 2025 he spoke.",
            &["date | January 21, 2025"],
        ),
        ("On 21 January he spoke.", &["date | 21 January"]),
        ("Published 2025-11-18.", &["date | 2025-11-18"]),
        ("The 30th session was held.", &["ordinal | 30th"]),
        ("Trump, the 47th president, spoke.", &["ordinal | 47th"]),
        (
            "Russia is China's fifth largest trading partner.",
            &["rank | fifth largest | 5 | rank | [5, 5]"],
        ),
        (
            "China is Russia's largest trading partner.",
            &["rank | largest | 1 | rank | [1, 1]"],
        ),
        (
            "It is the second-largest economy.",
            &["rank | second-largest | 2 | rank | [2, 2]"],
        ),
        (
            "The 2026–2027 Years of Education.",
            &["year_range | 2026–2027"],
        ),
        ("In fiscal 2024/25 it grew.", &["year_range | 2024/25"]),
        (
            "The G20 met after COVID-19 at 10:30.",
            &["other | 20", "other | 19", "time | 10:30"],
        ),
        (
            "in the next five years, to 2030",
            &["other | five", "year | 2030"],
        ),
    ]);
}

#[test]
fn references_and_pronouns_are_not_counts() {
    check(&[
        ("The two nations agreed.", &[]),
        ("Both sides met; one of them left.", &[]),
        (
            "Two nations agreed.",
            &["number | Two | 2 | count | [1.5, 2.5]"],
        ),
        // a number of places in a ranking
        ("India and Russia complete the top five.", &["other | five"]),
        ("The top 10 exporters met.", &["other | 10"]),
    ]);
}

#[test]
fn malformed_or_huge_figures_are_skipped_not_wrapped() {
    let huge = format!("It cost ${} trillion.", "9".repeat(27));
    let digits = "9".repeat(27);
    assert_eq!(show(&huge), [format!("unparsed | {digits} trillion")]);
    let long = "1".repeat(40);
    assert_eq!(
        show(&format!("Code {long} here.")),
        [format!("unparsed | {long}")]
    );
    // a comma that is no thousands separator never makes a thousands number
    let got = show("Codes 12,3456 and 1,2,3.");
    assert!(
        got.iter()
            .all(|q| !q.contains("123456") && !q.contains("| 123 |")),
        "{got:?}"
    );
}

#[test]
fn offsets_point_into_the_file() {
    let text = "---\nid: a\n---\nTrade hit $5 billion.\n".to_string();
    let doc = Document::parse("a.md", text).unwrap();
    let q = extract(&doc);
    assert_eq!(&doc.text[q[0].start..q[0].end], "$5 billion");
    assert_eq!(doc.locate(q[0].start), (4, 11));
}

#[test]
fn max_value_is_ten_to_the_24th() {
    assert_eq!(MAX_VALUE, number::pow10(24));
    // the largest read figure, and one just past it
    assert_eq!(
        show("It cost $5,000,000,000,000 trillion."),
        ["unparsed | 5,000,000,000,000 trillion"]
    );
    assert_eq!(show("It cost $999,999,999,999 trillion.").len(), 1);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn all_of(text: &str) -> Vec<Quantity> {
        let doc = Document::from_body(
            "p.md",
            text,
            Some(Date {
                year: 2025,
                month: 1,
                day: 1,
            }),
        );
        extract(&doc)
    }

    /// "1234567" -> "1,234,567".
    fn with_separators(digits: &str) -> String {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,200}") {
            let _ = all_of(&text);
        }

        #[test]
        fn never_panics_on_figure_soup(text in "[0-9$€.,% bnmkiltrhoudsaotf-]{0,80}") {
            let _ = all_of(&text);
        }

        #[test]
        fn every_unit_read_is_one_unit_named_knows(
            text in "[0-9$€£¥₽₹.,% bnmkiltrhoudsaotfcepxyUSDEURCNY-]{0,80}"
        ) {
            for q in all_of(&text) {
                prop_assert_eq!(unit_named(q.unit), Some(q.unit));
            }
        }

        #[test]
        fn never_panics_on_any_file(text in "\\PC{0,120}") {
            let file = format!("---\n{text}\n---\n{text}");
            if let Ok(doc) = Document::parse("p.md", file) {
                let _ = extract(&doc);
            }
        }

        #[test]
        fn a_written_decimal_reads_back_equal(int in 1u64..10_000_000_000, frac in 0u32..1000, scale in 0usize..3) {
            let words = ["", " million", " billion"];
            let text = format!("Trade was US${}.{frac:03}{} in 2024.", with_separators(&int.to_string()), words[scale]);
            let found = all_of(&text);
            let money: Vec<&Quantity> = found.iter().filter(|q| q.kind == Kind::Money).collect();
            prop_assert_eq!(money.len(), 1, "{}", text);
            let expected = (Decimal::from(int) + Decimal::new(i64::from(frac), 3))
                * number::pow10([0, 6, 9][scale]);
            prop_assert_eq!(money[0].value, Some(expected));
        }

        #[test]
        fn every_interval_holds_its_stated_value(
            n in 1u64..1_000_000_000,
            q in prop::sample::select(vec!["", "about ", "nearly ", "at least ", "up to ", "roughly "]),
        ) {
            let text = format!("Exports were {q}{} tonnes.", with_separators(&n.to_string()));
            for quantity in all_of(&text) {
                let v = quantity.value.unwrap();
                prop_assert!(quantity.interval(DEFAULT_SLACK).contains(v), "{}", text);
            }
        }

        #[test]
        fn trailing_zeros_widen_the_interval(n in 1u64..1000, zeros in 0u32..6) {
            let digits = format!("{n}{}", "0".repeat(zeros as usize));
            let found = all_of(&format!("They counted {} visitors.", with_separators(&digits)));
            prop_assert_eq!(found.len(), 1);
            let step = found[0].step;
            let trailing = digits.len() - digits.trim_end_matches('0').len();
            prop_assert_eq!(step, number::pow10(trailing as u32));
        }
    }
}

#[test]
fn each_figure_takes_the_period_stated_with_it() {
    check(&[
        (
            "In 2024, trade grew to $245bn from $240bn in 2023.",
            &[
                "year | 2024",
                "money | $245bn | 245000000000 | dollar | [244500000000, 245500000000] | p=2024",
                "money | $240bn | 240000000000 | dollar | [235000000000, 245000000000] | p=2023",
                "year | 2023",
            ],
        ),
        (
            "Trade was $240bn last year and $250bn this year.",
            &[
                "money | $240bn | 240000000000 | dollar | [235000000000, 245000000000] | p=2024",
                "money | $250bn | 250000000000 | dollar | [245000000000, 255000000000] | p=2025",
            ],
        ),
    ]);
}

#[test]
fn changes_are_not_levels() {
    let kinds = |text: &str| -> Vec<(String, Option<Direction>, &'static str)> {
        let doc = Document::from_body("t.md", text, None);
        extract(&doc)
            .into_iter()
            .filter(|q| q.kind.is_metric())
            .map(|q| {
                let unit = if q.kind == Kind::Change {
                    q.unit
                } else {
                    "level"
                };
                (doc.text[q.start..q.end].to_string(), q.direction, unit)
            })
            .collect()
    };
    use Direction::{Down, Up};
    type Case<'a> = (&'a str, &'a [(&'a str, Option<Direction>, &'a str)]);
    let cases: &[Case] = &[
        (
            "Trade rose 5% to $240 billion.",
            &[("5%", Some(Up), "percent"), ("$240 billion", None, "level")],
        ),
        (
            "Exports fell by a third.",
            &[("a third", Some(Down), "fraction")],
        ),
        (
            "It was down 9.5% year on year.",
            &[("9.5% year on year", Some(Down), "percent")],
        ),
        (
            "Imports grew 2.5 times.",
            &[("2.5 times", Some(Up), "times")],
        ),
        (
            "A 9.5 percent drop followed.",
            &[("9.5 percent drop", Some(Down), "percent")],
        ),
        (
            "Rates were cut by 0.25 percentage points.",
            &[("0.25 percentage points", Some(Down), "percentage_point")],
        ),
        (
            "Trade increased by $5 billion.",
            &[("$5 billion", Some(Up), "dollar")],
        ),
        ("Trade doubled.", &[("doubled", Some(Up), "times")]),
        ("It has a 12.5% share.", &[("12.5%", None, "level")]),
        (
            "Trade rose to $240 billion.",
            &[("$240 billion", None, "level")],
        ),
        // differences: a verb far before "by", a verb of difference with
        // "by", a bound on a difference, "above" after a unit
        (
            "The EU trimmed its trade gap with China by €106 billion.",
            &[("€106 billion", Some(Down), "EUR")],
        ),
        (
            "Output slumped by 604,000 barrels per day.",
            &[("604,000", Some(Down), "count")],
        ),
        (
            "Revenue missed the target by over 400 billion baht.",
            &[("400 billion baht", Some(Down), "THB")],
        ),
        (
            "Exports exceeded imports by $3 billion.",
            &[("$3 billion", Some(Up), "dollar")],
        ),
        (
            "Output was more than 100,000 bpd above the pledge.",
            &[("100,000 bpd above", Some(Up), "count")],
        ),
        (
            "Trade in July exceeded trade between the U.S. and the EU by 800 million euros.",
            &[("800 million euros", Some(Up), "EUR")],
        ),
        // "by" in another clause than the verb
        (
            "Exports rose in March to $5bn, driven by $2bn of car sales.",
            &[("$5bn", None, "level"), ("$2bn", None, "level")],
        ),
        // but a verb of difference without "by" reaches a level
        (
            "Exports exceeded $3 billion.",
            &[("$3 billion", None, "level")],
        ),
        (
            "Output fell below 1,000 tonnes.",
            &[("1,000", None, "level")],
        ),
    ];
    for (text, expected) in cases {
        let want: Vec<(String, Option<Direction>, &str)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), *b, *c))
            .collect();
        assert_eq!(kinds(text), want, "{text}");
    }
}

#[test]
fn quarters_halves_and_months_without_a_year() {
    check(&[
        ("Exports rose 5% in the third quarter.", &["change | 5% | 5 | percent | [4.5, 5.5] | p=2025-07..2025-09"]),
        ("Sales were $2bn in Q2 2024.", &["money | $2bn | 2000000000 | dollar | [1500000000, 2500000000] | p=2024-04..2024-06", "other | 2", "year | 2024"]),
        ("In H1 2025 trade was $100bn.", &["other | 1", "year | 2025", "money | $100bn | 100000000000 | dollar | [50000000000, 150000000000] | p=2025-01..2025-06"]),
        ("In October trade was $20bn.", &["money | $20bn | 20000000000 | dollar | [15000000000, 25000000000] | p=2025-10"]),
        ("In December trade was $20bn.", &["money | $20bn | 20000000000 | dollar | [15000000000, 25000000000] | p=2024-12"]),
        (
            "In January–September output was 5 million tonnes.",
            &["number | 5 million | 5000000 | count | [4500000, 5500000] | p=2025-01..2025-09"],
        ),
    ]);
}

/// The labelled sets of tests/extract, one sentence a line.
const LABELLED: [&str; 11] = [
    include_str!("../../tests/extract/change.txt"),
    include_str!("../../tests/extract/count.txt"),
    include_str!("../../tests/extract/fraction.txt"),
    include_str!("../../tests/extract/mixed.txt"),
    include_str!("../../tests/extract/money.txt"),
    include_str!("../../tests/extract/negation.txt"),
    include_str!("../../tests/extract/non_metric.txt"),
    include_str!("../../tests/extract/percent.txt"),
    include_str!("../../tests/extract/period.txt"),
    include_str!("../../tests/extract/range.txt"),
    include_str!("../../tests/extract/vague.txt"),
];

/// Reading a long body in paragraph chunks (in parallel) gives exactly what
/// one pass gives: every labelled sentence, as paragraphs and as runs of
/// lines, cut into chunks of many sizes.
#[test]
fn chunked_reading_equals_one_pass() {
    let labelled = LABELLED;
    let mut body = String::new();
    for (n, line) in labelled.iter().flat_map(|f| f.lines()).enumerate() {
        let Some((text, _)) = line.split_once(" => ") else {
            continue;
        };
        body.push_str(
            text.trim_start_matches(|c: char| c == '@' || c.is_ascii_digit() || c == '-'),
        );
        body.push_str(if n % 3 == 0 { "\n\n" } else { "\n" });
    }
    // with front matter, so offsets are file offsets past the body start,
    // and a publication date, so relative periods are resolved
    let text = format!("---\npublished: 2025-11-18\n---\n{body}");
    let doc = Document::parse("t.md", text).unwrap();
    let show = |quantities: Vec<Quantity>| -> Vec<String> {
        quantities.iter().map(|q| format!("{q:?}")).collect()
    };
    let whole = show(extract_in_chunks(&doc, usize::MAX));
    assert!(whole.len() > 400, "{}", whole.len());
    let periods = whole.iter().filter(|q| q.contains("period: Some")).count();
    assert!(periods > 50, "{periods}");
    for chunk in [1, 50, 333, 4096] {
        assert!(crate::documents::paragraph_chunks(&body, chunk).len() > 1);
        assert_eq!(
            show(extract_in_chunks(&doc, chunk)),
            whole,
            "chunks of {chunk}"
        );
    }
}

/// What a chunk reads stops at its paragraphs' starts, wherever the chunks
/// end: a list does not run across a blank line (else "11,000 bpd" became
/// a change in one chunk and stayed a number across two), nor does the
/// look back for a base of comparison.
#[test]
fn nothing_is_read_across_a_paragraph_break_whatever_the_chunks() {
    let text = "Exports fell by 23,000 bpd.\n\nIn Iraq, 11,000 bpd were pumped.\n\n\
                Trade rose from\n\n$5 billion in 2024.\n";
    let doc = Document::from_body("t.md", text, None);
    let kinds = |chunk: usize| -> Vec<String> {
        extract_in_chunks(&doc, chunk)
            .iter()
            .map(|q| {
                format!(
                    "{} {:?} {:?}",
                    &text[q.start..q.end],
                    q.kind,
                    q.period_basis
                )
            })
            .collect()
    };
    let whole = kinds(usize::MAX);
    assert!(
        whole.contains(&"11,000 Number Stated".to_string()),
        "{whole:?}"
    );
    assert!(
        whole.contains(&"$5 billion Money Stated".to_string()),
        "{whole:?}"
    );
    for chunk in [1, 20, 40] {
        assert_eq!(kinds(chunk), whole, "chunks of {chunk}");
    }
}

/// Issue 14: "a." after a blank line is a list item, not the "a.m." of a
/// time that makes the figure before it no amount; so the figure is a
/// count whether or not a chunk ends on that blank line.
#[test]
fn a_word_after_a_paragraph_break_does_not_make_a_figure_no_amount() {
    let text = "Chinese tourists to Russia numbered 223,000\n\na. Next\n";
    let doc = Document::from_body("t.md", text, None);
    let kinds = |chunk: usize| -> Vec<(Kind, &str)> {
        extract_in_chunks(&doc, chunk)
            .iter()
            .map(|q| (q.kind, &text[q.start..q.end]))
            .collect()
    };
    assert_eq!(kinds(usize::MAX), [(Kind::Number, "223,000")]);
    for chunk in [1, 20, 45] {
        assert_eq!(kinds(chunk), kinds(usize::MAX), "chunks of {chunk}");
    }
}

/// Every labelled sentence of tests/extract, one a line with no blank line
/// (a dump), repeated to `bytes`, with front matter and a publication date:
/// long enough that the paragraph is cut at line ends (every 64 KiB).
pub(crate) fn dump(bytes: usize) -> Document {
    let lines: Vec<&str> = [
        include_str!("../../tests/extract/change.txt"),
        include_str!("../../tests/extract/count.txt"),
        include_str!("../../tests/extract/mixed.txt"),
        include_str!("../../tests/extract/money.txt"),
        include_str!("../../tests/extract/negation.txt"),
        include_str!("../../tests/extract/percent.txt"),
        include_str!("../../tests/extract/period.txt"),
        include_str!("../../tests/extract/range.txt"),
    ]
    .iter()
    .flat_map(|f| f.lines())
    .filter_map(|l| l.split_once(" => ").map(|(t, _)| t))
    .map(|t| t.trim_start_matches(|c: char| c == '@' || c.is_ascii_digit() || c == '-'))
    .collect();
    let mut body = String::new();
    // a different order each round, so sentences meet other neighbours
    let mut n = 0usize;
    while body.len() < bytes {
        let line = lines[(n * 7 + n / lines.len()) % lines.len()];
        body.push_str(line);
        body.push('\n');
        n += 1;
    }
    let text = format!("---\npublished: 2025-11-18\n---\n{body}");
    Document::parse("t.md", text).unwrap()
}

/// A dump of 200 kB read whole, one chunk on one thread, as each figure's
/// Debug line.
static DUMP: std::sync::LazyLock<(Document, Vec<String>)> = std::sync::LazyLock::new(|| {
    let doc = dump(200_000);
    let whole = one_thread(|| extract_in_chunks(&doc, usize::MAX));
    (doc, show_all(whole))
});

fn show_all(quantities: Vec<Quantity>) -> Vec<String> {
    quantities.iter().map(|q| format!("{q:?}")).collect()
}

/// `f` run on a pool of `n` threads.
fn on_threads<T: Send>(n: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("a thread pool")
        .install(f)
}

fn one_thread<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    on_threads(1, f)
}

mod dumps {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10))]

        /// Text with no blank line gives the same figures in chunks of any
        /// size, on any number of threads, as read whole: where a chunk
        /// may end is decided by the text, not by the chunk size.
        #[test]
        fn a_dump_in_chunks_of_any_size_equals_one_pass(chunk in 1usize..250_000, threads in 1usize..4) {
            let (doc, whole) = &*DUMP;
            prop_assert!(crate::documents::paragraph_chunks(doc.body(), 1).len() >= 3);
            let got = on_threads(threads, || extract_in_chunks(doc, chunk));
            prop_assert_eq!(&show_all(got), whole);
        }
    }

    /// The facts of a dump (figures claimed by the bundled rules, with the
    /// previous sentence as context and story periods) are the same for
    /// figures read in chunks of any size: facts are claimed on the whole
    /// document, and its figures do not change with the chunks.
    #[test]
    fn a_dumps_facts_do_not_change_with_chunks() {
        let (doc, _) = &*DUMP;
        let rules = crate::rules::load(&[std::path::PathBuf::from("rules")]).expect("rules load");
        let facts = |chunk: usize| -> Vec<String> {
            let quantities = extract_in_chunks(doc, chunk);
            crate::facts::claim(doc, &quantities, &rules)
                .iter()
                .map(|f| format!("{f:?}"))
                .collect()
        };
        let whole = one_thread(|| facts(usize::MAX));
        assert!(whole.len() > 20, "{}", whole.len());
        for chunk in [1, 4096, 65_536, 100_000] {
            assert_eq!(on_threads(2, || facts(chunk)), whole, "chunks of {chunk}");
        }
    }
}

/// The sentences split around the figures of a chunk are the whole text's
/// sentences that hold a metric figure: the period pass finds the same
/// sentence for every metric figure as with every sentence split.
#[test]
fn sentences_around_figures_are_the_whole_texts() {
    let body = [
        include_str!("../../tests/extract/period.txt"),
        include_str!("../../tests/extract/money.txt"),
        include_str!("../../tests/extract/non_metric.txt"),
    ]
    .iter()
    .flat_map(|f| f.lines())
    .filter_map(|l| l.split_once(" => ").map(|(t, _)| t))
    .enumerate()
    // and a paragraph with no figure after every fourth
    .map(|(n, t)| match n % 4 {
        0 => format!("{t}\n\nOfficials met in the capital. They spoke at length.\n\n"),
        _ => format!("{t} "),
    })
    .collect::<String>();
    let offset = 17;
    let tokens = tokens::tokenize(&body);
    let mut found = parse::parse(&body, &tokens);
    for f in &mut found {
        *f += offset;
    }
    assert!(found.len() > 100, "{}", found.len());
    let pieces = crate::documents::paragraph_chunks(&body, 1);
    let around = sentences_around(&body, offset, &found, &pieces);
    let all: Vec<std::ops::Range<usize>> = crate::documents::sentences::split_one(&body)
        .into_iter()
        .map(|s| s.start + offset..s.end + offset)
        .collect();
    let sentence_of = |sentences: &[std::ops::Range<usize>], at: usize| {
        sentences
            .iter()
            .find(|s| s.start <= at && at < s.end)
            .cloned()
    };
    // every metric figure has its sentence, as in the whole text (the
    // others need none)
    for f in found.iter().filter(|f| f.quantity.kind.is_metric()) {
        let at = f.quantity.start;
        assert_eq!(
            sentence_of(&around, at),
            sentence_of(&all, at),
            "figure at {at}"
        );
        assert!(sentence_of(&all, at).is_some(), "figure at {at}");
    }
    assert!(around.iter().all(|s| all.contains(s)));
    assert!(around.len() < all.len());
}

#[test]
fn nothing_in_web_addresses_is_a_figure() {
    check(&[
        (
            "The report is at https://www.example.com/trade/2024/245-billion today.",
            &[],
        ),
        ("See ftp://data.example.org/5-percent now.", &[]),
        (
            "Write to trade2024@ministry.example.org before Friday.",
            &[],
        ),
        // the two cases apart: one finding the other's would hide a miss
        ("See WWW.EXAMPLE.COM/5-percent for the tables.", &[]),
        ("See www.example.ru/300-million for more.", &[]),
        // a colon, slash or full stop alone is no address
        (
            "Trade rose to 5 percent: see the site/page at www.",
            &["percent | 5 percent | 5 | percent | [4.5, 5.5]"],
        ),
    ]);
}

#[test]
fn digits_before_a_scale_word_and_more_words() {
    // words after "digits scale" are read on only when the grammar can
    // read the word after the scale: each case as the full grammar reads it
    check(&[
        (
            "Some 4 thousand 3 hundred and 21 people came.",
            &["number | 4 thousand 3 hundred and 21 | 4321 | count | [4104.95, 4537.05] | q=Some"],
        ),
        (
            "It cost 3 million and a half dollars.",
            &["money | 3 million and a half dollars | 3500000 | dollar | [3450000, 3550000]"],
        ),
        (
            "Trade was 245 billion according to data.",
            &["number | 245 billion | 245000000000 | count | [244500000000, 245500000000]"],
        ),
        (
            "Exports hit 12 billion, up 5%.",
            &[
                "number | 12 billion | 12000000000 | count | [11500000000, 12500000000]",
                "change | 5% | 5 | percent | [4.5, 5.5]",
            ],
        ),
        (
            "Imports were 7 million in 2023.",
            &[
                "number | 7 million | 7000000 | count | [6500000, 7500000] | p=2023",
                "year | 2023",
            ],
        ),
        (
            "A deal for 6 thousand 2 hundred jobs.",
            &["number | 6 thousand 2 hundred | 6200 | count | [6150, 6250]"],
        ),
    ]);
}

/// The figure of `text` (published 2025-11-18) written `surface`.
fn figure(text: &str, surface: &str) -> Quantity {
    let date: Date = "2025-11-18".parse().unwrap();
    let doc = Document::from_body("t.md", text, Some(date));
    let all = extract(&doc);
    all.iter()
        .find(|q| &doc.text[q.start..q.end] == surface)
        .cloned()
        .unwrap_or_else(|| panic!("no figure {surface:?} in {text:?}: {:?}", show(text)))
}

fn period_of(text: &str, surface: &str) -> Option<String> {
    figure(text, surface).period.map(|p| p.to_string())
}

// See: issue #12 (each figure's own period)
#[test]
fn a_figure_takes_the_period_of_its_own_clause() {
    let s = "German exports to France fell to €118.2 billion in 2024, down 3.1 percent from 2023, while the surplus grew to €42 billion.";
    assert_eq!(period_of(s, "€118.2 billion").as_deref(), Some("2024"));
    assert_eq!(period_of(s, "€42 billion").as_deref(), Some("2024"));
    assert_eq!(period_of(s, "3.1 percent").as_deref(), Some("2024"));
    // a year, then "to" and an amount: a change and a level, both 2023
    let s = "Shipments rose 12% in 2023 to $88.1 billion.";
    assert_eq!(figure(s, "$88.1 billion").kind, Kind::Money);
    assert_eq!(period_of(s, "$88.1 billion").as_deref(), Some("2023"));
    assert_eq!(period_of(s, "12%").as_deref(), Some("2023"));
    // the base of a comparison is no period
    assert_eq!(
        period_of("Visitor numbers were up 47% from 2023.", "47%"),
        None
    );
    assert_eq!(
        period_of("Arrivals were 21% higher than in 2019.", "21% higher"),
        None
    );
    assert_eq!(
        period_of("Imports were $9 billion, compared with 2022.", "$9 billion"),
        None
    );
    assert_eq!(
        period_of(
            "Trade reached $245 billion in 2024, up from $240 billion.",
            "$240 billion"
        ),
        None
    );
}

#[test]
fn part_years_are_never_whole_years() {
    let p = |s: &str, f: &str| period_of(s, f);
    assert_eq!(
        p(
            "In the first nine months of this year exports reached €150 billion.",
            "€150 billion"
        )
        .as_deref(),
        Some("2025-01..2025-09")
    );
    assert_eq!(
        p(
            "In the first nine months of last year exports reached €150 billion.",
            "€150 billion"
        )
        .as_deref(),
        Some("2024-01..2024-09")
    );
    assert_eq!(
        p(
            "January-September imports were €300 billion.",
            "€300 billion"
        )
        .as_deref(),
        Some("2025-01..2025-09")
    );
    assert_eq!(
        p(
            "In the first half, the deficit was €80 billion.",
            "€80 billion"
        )
        .as_deref(),
        Some("2025-01..2025-06")
    );
}

#[test]
fn spans_of_days_with_abbreviated_months_are_no_period() {
    let s = "Some 30.2 million people visited from Jan 1 to Nov 10 and spent 1.4 trillion baht.";
    for f in ["30.2 million", "1.4 trillion baht"] {
        let q = figure(s, f);
        assert_eq!(
            (q.period, q.period_basis),
            (None, PeriodBasis::Short),
            "{f}"
        );
    }
    // the next sentence is of the same days: no period either, not the
    // year stated before them
    let s = "Arrivals rose in 2024. Some 30.2 million people visited from Jan 1 to Nov 10. Chinese visitors numbered 6.7 million.";
    assert_eq!(figure(s, "6.7 million").period, None);
}

#[test]
fn a_period_carries_over_within_its_paragraph_only() {
    let s = "In 2023 imports rose again. The result was a $61 billion deficit.";
    let q = figure(s, "$61 billion");
    assert_eq!(q.period.map(|p| p.to_string()).as_deref(), Some("2023"));
    assert_eq!(q.period_basis, PeriodBasis::Carried);
    let s = "In 2023 imports rose again.\n\nThe result was a $61 billion deficit.";
    assert_eq!(figure(s, "$61 billion").period, None);
    // a base of comparison takes nothing
    let s = "In 2023 imports rose. That was up from $40 billion.";
    assert_eq!(figure(s, "$40 billion").period, None);
    let q = figure(
        "Before the pandemic, arrivals were 31.9 million.",
        "31.9 million",
    );
    assert_eq!(q.period.map(|p| p.to_string()).as_deref(), Some("2019"));
    assert_eq!(q.period_basis, PeriodBasis::Assumed);
}

// Seen on NewsQuant, a public benchmark of news sentences (see README):
// wrong values where the words say more
#[test]
fn ranges_share_their_scale_and_currency_and_points_lead_decimals() {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let q = figure(
        "Four to five thousand people came.",
        "Four to five thousand",
    );
    assert_eq!(q.range(), Some((d("4000"), d("5000"))));
    let q = figure(
        "Sales will be US$89 to $93 billion.",
        "US$89 to $93 billion",
    );
    assert_eq!(
        (q.range(), q.unit),
        (Some((d("89000000000"), d("93000000000"))), "USD")
    );
    // another currency is two figures
    let s = "Sales will be US$89 to €93 billion.";
    assert_eq!(figure(s, "US$89").value, Some(d("89")));
    let q = figure("The rate was .001 per cent.", ".001 per cent");
    assert_eq!((q.kind, q.value), (Kind::Percent, Some(d("0.001"))));
    // a point that ends a sentence is no decimal point
    assert_eq!(figure("It ended.5 more came.", "5").value, Some(d("5")));
    // "minus" hyphenated keeps its sign
    assert_eq!(
        figure("Sales fell to minus-130 units.", "minus-130").value,
        Some(d("-130"))
    );
    let q = figure("The balance was $-50.8bn.", "$-50.8bn");
    assert_eq!((q.kind, q.value), (Kind::Money, Some(d("-50800000000"))));
}

// See: issue #12 (periods said relative to another, or to publication)
#[test]
fn periods_relative_to_a_stated_one() {
    let p = |s: &str, f: &str| period_of(s, f);
    // "the year before" counts back from the year stated before it, and a
    // base's own period is no other figure's
    let s = "Visitors numbered 42.7 million in 2023, up from 36.9 million the year before and above 40 million for the first time.";
    assert_eq!(p(s, "42.7 million").as_deref(), Some("2023"));
    assert_eq!(p(s, "36.9 million").as_deref(), Some("2022"));
    assert_eq!(p(s, "40 million").as_deref(), Some("2023"));
    // with no year before it, the year before publication
    assert_eq!(
        p(
            "Exports were $5 billion in the previous year.",
            "$5 billion"
        )
        .as_deref(),
        Some("2024")
    );
    // "the same period last year": the months stated before it, a year back
    let s = "Arrivals were 26.3 million from January to October 2025, down from 28.3 million in the same period last year.";
    assert_eq!(p(s, "26.3 million").as_deref(), Some("2025-01..2025-10"));
    assert_eq!(p(s, "28.3 million").as_deref(), Some("2024-01..2024-10"));
    // with no months before it, no period
    assert_eq!(
        p(
            "Sales were down from 9 million in the same period last year.",
            "9 million"
        ),
        None
    );
    // a month that opens the sentence is the most recent such month
    assert_eq!(
        p(
            "October on its own brought 2,734,000 visitors.",
            "2,734,000"
        )
        .as_deref(),
        Some("2025-10")
    );
    assert_eq!(
        p(
            "December on its own brought 2,734,000 visitors.",
            "2,734,000"
        )
        .as_deref(),
        Some("2024-12")
    );
    // "May" opening a sentence is a verb as often as a month
    assert_eq!(p("May figures show 3 million visitors.", "3 million"), None);
    // "currently": the month of publication
    assert_eq!(
        p(
            "Russia is currently pumping about 9.5 million barrels a day.",
            "9.5 million"
        )
        .as_deref(),
        Some("2025-11")
    );
    // "annual" after months carried from the sentence before: their whole year
    let s = "China led arrivals in January-November. The annual number of visitors from China rose to some 9.1 million.";
    assert_eq!(p(s, "9.1 million").as_deref(), Some("2025"));
    let s = "China led arrivals in January-November. Visitors from China numbered 8.3 million.";
    assert_eq!(p(s, "8.3 million").as_deref(), Some("2025-01..2025-11"));
    // a period said relative to another is not carried: its anchor is
    let s = "Arrivals were 24.1 million in the first nine months of 2025, down from the same period last year. Revenue was 1.1 trillion baht.";
    assert_eq!(
        p(s, "1.1 trillion baht").as_deref(),
        Some("2025-01..2025-09")
    );
    // a target takes no period from the base after it
    let s = "The agency aims to raise revenue to 1.84 trillion baht, compared with 1.67 trillion baht in 2024.";
    assert_eq!(p(s, "1.67 trillion baht").as_deref(), Some("2024"));
    assert_eq!(p(s, "1.84 trillion baht"), None);
    // "last year's figures" is a reference, no period; "last year's record
    // of" states one
    let s = "The forecast of 35.5 million for 2026 is below the earlier target of 39 million but close to last year's figures.";
    assert_eq!(p(s, "39 million").as_deref(), Some("2026"));
    let s = "Last year's record of 9 million visitors stands.";
    assert_eq!(p(s, "9 million").as_deref(), Some("2024"));
    // "the year before" with no year to count from names none
    assert_eq!(
        p(
            "Arrivals were 30 million, against 28 million the year before.",
            "28 million"
        ),
        None
    );
}

#[test]
fn the_past_twelve_months_are_a_calendar_year_only_in_january() {
    let at = |published: &str, text: &str, surface: &str| {
        let doc = Document::from_body("t.md", text, Some(published.parse().unwrap()));
        extract(&doc)
            .into_iter()
            .find(|q| &doc.text[q.start..q.end] == surface)
            .and_then(|q| q.period)
            .map(|p| p.to_string())
    };
    let s = "Thailand drew 35.54 million visitors over the past twelve months, against 28.15 million the year before.";
    assert_eq!(
        at("2025-01-06", s, "35.54 million").as_deref(),
        Some("2024")
    );
    assert_eq!(
        at("2025-01-06", s, "28.15 million").as_deref(),
        Some("2023")
    );
    // in June, twelve months that are no calendar year: no period
    assert_eq!(at("2025-06-06", s, "35.54 million"), None);
    assert_eq!(at("2025-06-06", s, "28.15 million"), None);
}

// See: issue #12 (the base of a revised forecast or target)
#[test]
fn the_base_of_a_revision_is_the_same_periods_figure() {
    let s =
        "The council lowered its forecast for arrivals this year to 33 million from 37 million.";
    for f in ["33 million", "37 million"] {
        let q = figure(s, f);
        assert_eq!(q.role, Role::Forecast, "{f}");
        assert_eq!(
            q.period.map(|p| p.to_string()).as_deref(),
            Some("2025"),
            "{f}"
        );
    }
    let s = "The agency has recalibrated its 2026 target to 33 million arrivals (down from 40 million).";
    let q = figure(s, "40 million");
    assert_eq!(q.role, Role::Target);
    assert_eq!(q.period.map(|p| p.to_string()).as_deref(), Some("2026"));
    // a rise is no revision: the base stays a base
    let s = "Arrivals are expected to rise to 40 million from 35 million.";
    assert_eq!(figure(s, "35 million").period, None);
}

// See: issue #12 (roles)
#[test]
fn roles_of_figures() {
    let role = |s: &str, f: &str| figure(s, f).role;
    assert_eq!(
        role(
            "The government aims to attract 60 million visitors by 2030.",
            "60 million"
        ),
        Role::Target
    );
    assert_eq!(
        role("The €500 billion target was missed.", "€500 billion"),
        Role::Target
    );
    assert_eq!(
        role("They set the goal of 60 million visitors.", "60 million"),
        Role::Target
    );
    assert_eq!(
        role(
            "Iraq's quota is 4.4 million barrels per day.",
            "4.4 million"
        ),
        Role::Target
    );
    assert_eq!(
        role("Revenue could reach 3 trillion baht.", "3 trillion baht"),
        Role::Forecast
    );
    assert_eq!(
        role("Arrivals will be 40 million this year.", "40 million"),
        Role::Forecast
    );
    assert_eq!(
        role("Output is set to hit 10 million bpd.", "10 million"),
        Role::Forecast
    );
    assert_eq!(
        role(
            "Visitors numbered 30 million, and are expected to rise.",
            "30 million"
        ),
        Role::Actual
    );
    let s = "India's trade was 820 billion rupees ($9.9 billion) last year.";
    assert_eq!(role(s, "$9.9 billion"), Role::Conversion);
    assert_eq!(role(s, "820 billion rupees"), Role::Actual);
    assert_eq!(
        role(
            "Spending hit ¥8.1 trillion, or about $53 billion.",
            "$53 billion"
        ),
        Role::Conversion
    );
    let s = "He said exports were $50 billion, but customs data show only $38 billion.";
    assert_eq!(role(s, "$50 billion"), Role::Claim);
    assert_eq!(role(s, "$38 billion"), Role::Actual);
    assert_eq!(
        role("The minister said exports were $50 billion.", "$50 billion"),
        Role::Actual
    );
    // what a forecast figure brings is forecast with it
    let s = "She expects arrivals to reach 35 million, generating 2.9 trillion baht.";
    assert_eq!(role(s, "2.9 trillion baht"), Role::Forecast);
    let s = "Arrivals are forecast to hit 40 million, bringing in 3 trillion baht.";
    assert_eq!(role(s, "3 trillion baht"), Role::Forecast);
    // but not what an actual figure brings
    let s = "The country drew 28 million visitors, generating 1.2 trillion baht.";
    assert_eq!(role(s, "1.2 trillion baht"), Role::Actual);
}

#[test]
fn negation_stays_in_its_clause() {
    let s = "Exports did not reach $40 billion — imports rose to $60 billion.";
    assert!(figure(s, "$40 billion").negated);
    assert!(!figure(s, "$60 billion").negated);
    let s = "Officials would not comment, but exports reached $60 billion.";
    assert!(!figure(s, "$60 billion").negated);
}

// See: issue #12 (money on unseen news)
#[test]
fn money_as_news_writes_it() {
    check(&[
        (
            "Sales hit $US12.4 million.",
            &["money | $US12.4 million | 12400000 | USD | [12350000, 12450000]"],
        ),
        (
            "Sales hit A$3.1bn.",
            &["money | A$3.1bn | 3100000000 | AUD | [3050000000, 3150000000]"],
        ),
        (
            "Sales hit HK$8.9m.",
            &["money | HK$8.9m | 8900000 | HKD | [8850000, 8950000]"],
        ),
        (
            "It costs RM45.20.",
            &["money | RM45.20 | 45.2 | MYR | [45.195, 45.205]"],
        ),
        (
            "It costs 15 sen.",
            &["money | 15 sen | 0.15 | MYR | [0.145, 0.155]"],
        ),
        (
            "Sales hit $2.7b.",
            &["money | $2.7b | 2700000000 | dollar | [2650000000, 2750000000]"],
        ),
        (
            "Sales hit $75 [billion].",
            &["money | $75 [billion] | 75000000000 | dollar | [74500000000, 75500000000]"],
        ),
        (
            "Trade was closer to $5 billion.",
            &["money | $5 billion | 5000000000 | dollar | [4750000000, 5250000000] | q=closer to"],
        ),
        (
            "Some $7 billion was spent.",
            &["money | $7 billion | 7000000000 | dollar | [6650000000, 7350000000] | q=Some"],
        ),
        (
            "An additional 20 to 30 people came.",
            &["number | 20 to 30 | - | count | [20, 30]"],
        ),
        (
            "Altogether 500 tourists arrived.",
            &["number | 500 | 500 | count | [450, 550]"],
        ),
        (
            "Prices fell from $52 to $48.",
            &[
                "money | $52 | 52 | dollar | [51.5, 52.5] | base",
                "money | $48 | 48 | dollar | [47.5, 48.5]",
            ],
        ),
    ]);
    // "bn." ends a sentence: the next one keeps its own period
    let s = "The deficit was €5 bn. Exports rose to €9 bn in 2024.";
    assert_eq!(figure(s, "€5 bn").period, None);
}

// See: issue #12 (changes and ranks)
#[test]
fn ranks_as_news_states_them() {
    check(&[
        (
            "Japan ranks fifth among sources.",
            &["rank | fifth | 5 | rank | [5, 5]"],
        ),
        (
            "China took fourth place.",
            &["rank | fourth | 4 | rank | [4, 4]"],
        ),
        (
            "It came in 2nd position.",
            &["rank | 2nd | 2 | rank | [2, 2]"],
        ),
        (
            "It is the fifth-largest market.",
            &["rank | fifth-largest | 5 | rank | [5, 5]"],
        ),
        // an ordinal that names no place stays an ordinal
        ("The fifth meeting was held.", &[]),
        // "the largest" of a thing is first place; an adverb may stand
        // between a rank verb and its ordinal
        (
            "China was the largest partner for EU imports.",
            &["rank | largest | 1 | rank | [1, 1]"],
        ),
        (
            "China ranked only third as a destination.",
            &["rank | third | 3 | rank | [3, 3]"],
        ),
        // one of several, a record, a comparison: no place
        ("It is one of the largest markets.", &[]),
        ("Japan is among the biggest buyers.", &[]),
        ("The fine was the largest ever.", &[]),
        ("The drop was the largest since 2019.", &["year | 2019"]),
        // "top" before a thing is first place; "the top five" counts places
        (
            "Norway kept the top spot among its suppliers.",
            &["rank | top | 1 | rank | [1, 1]"],
        ),
        (
            "It is the union's top gas supplier.",
            &["rank | top | 1 | rank | [1, 1]"],
        ),
        ("The top five markets grew.", &["other | five"]),
        ("He reached the top of the list.", &[]),
        // a place listed after another may leave its article out
        (
            "Canada is its biggest customer, largest source of timber and fourth largest lender.",
            &[
                "rank | biggest | 1 | rank | [1, 1]",
                "rank | largest | 1 | rank | [1, 1]",
                "rank | fourth largest | 4 | rank | [4, 4]",
            ],
        ),
        // not after a list of places
        ("Prices rose, largest gains came in May.", &[]),
    ]);
}

#[test]
fn the_base_of_a_comparison_has_the_year_of_all_of_it() {
    let s = "Visitors numbered 2.1 million in May, against about 1.9 million in all of 2023.";
    assert_eq!(figure(s, "1.9 million").period, Some(Period::year(2023)));
    let s = "Sales were $40 million, against $35 million for the whole of 2022.";
    assert_eq!(figure(s, "$35 million").period, Some(Period::year(2022)));
}

#[test]
fn a_period_in_parentheses_after_a_figure_is_that_figure_s_own() {
    let s = "Norway sent 3.8 million tonnes and Peru over 5 million (through September).";
    assert_eq!(figure(s, "3.8 million").period, None);
    assert!(figure(s, "5 million").period.is_some());
    let s = "Sales reached $40 million (2023), the firm said.";
    assert_eq!(figure(s, "$40 million").period, Some(Period::year(2023)));
}

#[test]
fn a_verdict_in_the_next_sentence_makes_a_speaker_s_figure_a_claim() {
    let s =
        "A senator said that imports topped $900 billion. Fact-checkers rated the statement false.";
    assert_eq!(figure(s, "$900 billion").role, Role::Claim);
    // no verdict after it: what was said stays a report
    let s = "A senator said that imports were $900 billion. Exports rose.";
    assert_eq!(figure(s, "$900 billion").role, Role::Actual);
    // a verdict in the next paragraph is not this one's
    let s = "A senator said that imports were $900 billion.\n\nFact-checkers rated another statement false.";
    assert_eq!(figure(s, "$900 billion").role, Role::Actual);
}

#[test]
fn a_possessive_year_in_a_comparison_is_the_base_figure_s_own() {
    // published 2025-11-18: last year is 2024
    let s =
        "Sales will top $9 billion in 2026, far more than last year's total of some $7 billion.";
    assert_eq!(period_of(s, "$7 billion").as_deref(), Some("2024"));
    assert_eq!(period_of(s, "$9 billion").as_deref(), Some("2026"));
    // and no other figure's
    let s = "Exports rose to $50 billion, higher than last year's $45 billion.";
    assert_eq!(period_of(s, "$45 billion").as_deref(), Some("2024"));
    assert_eq!(period_of(s, "$50 billion"), None);
    // a year written out, before the base's own noun and "of"
    let s = "Output will average 13.2 million in 2024, more than the 2023 annual average of 12.9 million.";
    assert_eq!(period_of(s, "12.9 million").as_deref(), Some("2023"));
    assert_eq!(period_of(s, "13.2 million").as_deref(), Some("2024"));
    // "six times the 2022 figure" names no figure of its own
    let s = "Visitors reached 6.9 million, six times the 2022 figure.";
    assert_eq!(period_of(s, "6.9 million"), None);
}

#[test]
fn a_period_after_the_figure_s_unit_is_its_own() {
    let s = "Output may reach 9 million bpd, compared with about 10.5 million bpd in 2019.";
    assert_eq!(period_of(s, "10.5 million").as_deref(), Some("2019"));
    let s = "Russia pumped 9.5 million barrels a day in 2023 and more later.";
    assert_eq!(period_of(s, "9.5 million").as_deref(), Some("2023"));
}

#[test]
fn a_line_crossed_is_a_lower_bound() {
    for (s, surface) in [
        ("Sales went past $4 billion.", "$4 billion"),
        ("Sales rose, passing the $4 billion mark.", "$4 billion"),
        ("Output grew, crossing 2 million tonnes.", "2 million"),
    ] {
        assert_eq!(figure(s, surface).qualifier, Qualifier::MoreThan, "{s}");
    }
}

#[test]
fn a_second_conversion_in_the_parenthesis_of_the_first_is_one_too() {
    let s = "The surplus reached €90bn ($97bn; £76bn) last year.";
    assert_eq!(figure(s, "$97bn").role, Role::Conversion);
    assert_eq!(figure(s, "£76bn").role, Role::Conversion);
    // a list of amounts in several currencies is no conversion
    let s = "Sales were $5bn, £4bn and €3bn.";
    assert_eq!(figure(s, "£4bn").role, Role::Actual);
}

#[test]
fn the_year_a_series_began_is_no_period() {
    let s = "Sales passed $9 billion for the first time since records began in 1995.";
    assert_eq!(figure(s, "$9 billion").period, None);
    let s =
        "Output topped 2 million tonnes, the most since the agency started compiling data in 2001.";
    assert_eq!(figure(s, "2 million").period, None);
    // the "since" of a reason keeps its year
    let s = "Prices matter, since in 2023 exports were $9 billion.";
    assert_eq!(figure(s, "$9 billion").period, Some(Period::year(2023)));
}

#[test]
fn basis_points_are_hundredths_of_a_percentage_point() {
    let q = figure(
        "The bank cut its rate by 75 basis points.",
        "75 basis points",
    );
    assert_eq!(
        (q.kind, q.unit, q.value),
        (Kind::Change, "percentage_point", Some(Decimal::new(75, 2)))
    );
    let q = figure("Spreads narrowed by 30 bps.", "30 bps");
    assert_eq!(
        (q.unit, q.value),
        ("percentage_point", Some(Decimal::new(30, 2)))
    );
}

#[test]
fn money_raised_is_a_level_and_products_named_with_numbers_are_names() {
    let q = figure(
        "The start-up raised $40 million from investors.",
        "$40 million",
    );
    assert_eq!((q.kind, q.direction), (Kind::Money, None));
    let q = figure("The club raised fees by $10.", "$10");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Up)));
    assert_eq!(
        figure("Staff moved to Android 14 last year.", "14").kind,
        Kind::Other
    );
}

#[test]
fn a_change_verb_in_ing_form_and_the_same_change_in_other_terms() {
    let q = figure(
        "Output declined, dropping by 121,000 barrels per day (bpd), or 0.4%, to 26.68 million.",
        "121,000",
    );
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure(
        "Output declined, dropping by 121,000 barrels per day (bpd), or 0.4%, to 26.68 million.",
        "0.4%",
    );
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure(
        "Production fell by 2.1%, or 604,000 barrels per day, in September.",
        "604,000",
    );
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure("Sales rose 5%, or $3 billion, last year.", "$3 billion");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Up)));
    // ", or" after a level is a level again
    let q = figure(
        "Output rose to 26.04 million bpd, or 30% of the world.",
        "30%",
    );
    assert_eq!(q.kind, Kind::Percent);
}

#[test]
fn made_up_of_a_total_is_a_share_not_a_change() {
    let q = figure("Cars made up 12.5% of all exports.", "12.5%");
    assert_eq!((q.kind, q.direction), (Kind::Percent, None));
    let q = figure("Tourism takes up 9% of output.", "9%");
    assert_eq!(q.kind, Kind::Percent);
    // "was up 5%" is still a rise
    let q = figure("Output was up 5% on the year.", "5%");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Up)));
}

#[test]
fn comparatives_after_a_percentage_are_changes() {
    let q = figure("Arrivals were 21% higher than in 2019.", "21% higher");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Up)));
    let q = figure("Spending was 30% more than a year earlier.", "30% more");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Up)));
    let q = figure("Output was 12% lower than in March.", "12% lower");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure("Arrivals grew 2.5 times.", "2.5 times");
    assert_eq!((q.kind, q.unit), (Kind::Change, "times"));
}

// See: issue #12 (oil reporting: units with their scale, lists)
#[test]
fn barrels_a_day_and_lists() {
    check(&[
        (
            "Output was 9.02 mbpd in July.",
            &["number | 9.02 mbpd | 9020000 | count | [9015000, 9025000] | p=2025-07"],
        ),
        (
            "Russia pumped 9.0 mb/d.",
            &["number | 9.0 mb/d | 9000000 | count | [8950000, 9050000]"],
        ),
        (
            "Iraq pumped 900 kb/d.",
            &["number | 900 kb/d | 900000 | count | [850000, 950000]"],
        ),
        (
            "Output stood at 9.13 and 8.9 mbpd, respectively.",
            &[
                "number | 9.13 | 9130000 | count | [9125000, 9135000]",
                "number | 8.9 mbpd | 8900000 | count | [8850000, 8950000]",
            ],
        ),
    ]);
    let q = figure("They had declines of 114,000 and 76,000 bpd.", "76,000");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure(
        "Output recorded a drop of 70,000 barrels per day.",
        "70,000",
    );
    assert_eq!(q.kind, Kind::Change);
    // a count that is a count in its own right keeps its own value
    let q = figure("It had 300 and 2 million.", "300");
    assert_eq!(q.value, Some(Decimal::from(300)));
}

#[test]
fn months_referred_back_to_and_short_spans() {
    // published 2025-11-18
    let p = |s: &str, f: &str| period_of(s, f);
    assert_eq!(
        p(
            "Arrivals totalled 2.69 million over the seven-month period.",
            "2.69 million"
        )
        .as_deref(),
        Some("2025-01..2025-07")
    );
    assert_eq!(
        p(
            "Revenue was 895 billion baht over the seven months.",
            "895 billion baht"
        )
        .as_deref(),
        Some("2025-01..2025-07")
    );
    assert_eq!(
        p(
            "Arrivals through September stood at 24.2 million.",
            "24.2 million"
        )
        .as_deref(),
        Some("2025-01..2025-09")
    );
    // January to December is the year
    assert_eq!(
        p(
            "Thailand received 32.02 million travellers from January to December 2024.",
            "32.02 million"
        )
        .as_deref(),
        Some("2024")
    );
    let q = figure(
        "In the past week 943,269 people visited Thailand in 2025.",
        "943,269",
    );
    assert_eq!((q.period, q.period_basis), (None, PeriodBasis::Short));
}

#[test]
fn targets_that_news_states_a_clause_away() {
    let role = |s: &str, f: &str| figure(s, f).role;
    let s = "The prime minister said the goal of attracting 60 million visitors, with total spending of 15 trillion yen, in 2030 was within sight.";
    assert_eq!(role(s, "15 trillion yen"), Role::Target);
    let s = "Japan wants to attract 60 million visitors a year and to raise their spending to 15 trillion yen by 2030.";
    assert_eq!(role(s, "15 trillion yen"), Role::Target);
    assert_eq!(
        role(
            "The government had hoped for 35 million visitors in 2024.",
            "35 million"
        ),
        Role::Target
    );
    assert_eq!(
        role(
            "It kept its promise to hold output at around 9 million bpd.",
            "9 million"
        ),
        Role::Target
    );
    // a stated change does not end the clause of the level it leads to
    assert_eq!(
        role(
            "TAT aims to raise revenue by 10% to 1.84 trillion baht.",
            "1.84 trillion baht"
        ),
        Role::Target
    );
    // a later year with no goal named is a forecast
    assert_eq!(
        role(
            "Spending should reach 15 trillion yen by 2030.",
            "15 trillion yen"
        ),
        Role::Forecast
    );
    assert_eq!(
        role("Visitors spent 15 trillion yen by 2030.", "15 trillion yen"),
        Role::Forecast
    );
}

#[test]
fn days_possessive_months_and_the_same_period_last_year() {
    let q = figure(
        "Arrivals fell to 20.81 million between January 1 and August 17, 2025.",
        "20.81 million",
    );
    assert_eq!((q.period, q.period_basis), (None, PeriodBasis::Short));
    let p = |s: &str, f: &str| period_of(s, f);
    assert_eq!(
        p(
            "A total of 28.042 million arrived from January 1 to December 31, 2023.",
            "28.042 million"
        )
        .as_deref(),
        Some("2023")
    );
    assert_eq!(
        p(
            "Output was 40.654 million bpd in October, lower than September's 40.669 million bpd.",
            "40.669 million"
        )
        .as_deref(),
        Some("2025-09")
    );
    // "the same period last year" is the base, not the period
    let s = "In 2025 revenue was 1.1 trillion baht, down 5% from the same period last year.";
    assert_eq!(p(s, "1.1 trillion baht").as_deref(), Some("2025"));
}

#[test]
fn rates_per_day_and_lists_of_changes() {
    let q = figure(
        "That comes to 1.3 billion euro (USD 1.33 billion) of imports per day in 2021.",
        "1.3 billion euro",
    );
    assert_eq!((q.period, q.period_basis), (None, PeriodBasis::Short));
    // a daily figure of another phrase leaves the total alone
    let q = figure(
        "The deficit was €359.8 billion in 2025, which amounts to a daily deficit of €1 billion.",
        "€359.8 billion",
    );
    assert_eq!(q.period.map(|p| p.to_string()).as_deref(), Some("2025"));
    let q = figure(
        "Output fell by 23,000 bpd, 11,000 bpd and 12,000 bpd.",
        "12,000",
    );
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure("Prices were down 3%, 4% and 5%.", "5%");
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
    let q = figure(
        "Saudi Arabia produced 88,000 fewer barrels per day than in July.",
        "88,000 fewer",
    );
    assert_eq!((q.kind, q.direction), (Kind::Change, Some(Direction::Down)));
}

#[test]
fn a_conversion_and_the_figure_it_restates_share_one_period() {
    let s = "Imports were 363 billion euro (USD 371 billion) in 2019 and 472 billion euro (USD 483 billion) in 2021.";
    for (surface, year) in [
        ("363 billion euro", "2019"),
        ("USD 371 billion", "2019"),
        ("472 billion euro", "2021"),
        ("USD 483 billion", "2021"),
    ] {
        assert_eq!(period_of(s, surface).as_deref(), Some(year), "{surface}");
    }
    assert_eq!(figure(s, "USD 483 billion").role, Role::Conversion);
}

/// Every unit a figure of the labelled sets and the public suites is read
/// in is one `unit_named` gives back as the extractor's own string (facts
/// read back from JSON take their units from it).
#[test]
fn every_unit_read_is_named() {
    let conformance = [
        include_str!("../../tests/conformance/ms-currency.jsonl"),
        include_str!("../../tests/conformance/ms-number.jsonl"),
        include_str!("../../tests/conformance/ms-numberrange.jsonl"),
        include_str!("../../tests/conformance/ms-percent.jsonl"),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for text in LABELLED.iter().chain(&conformance) {
        let doc = Document::from_body("t.txt", &text.replace(" => ", "\n\n"), None);
        for q in extract(&doc) {
            assert_eq!(unit_named(q.unit), Some(q.unit), "{q:?}");
            seen.insert(q.unit);
        }
    }
    // the sets read figures of every kind, in many currencies
    assert!(seen.len() > 30, "{seen:?}");
    assert_eq!(unit_named("no such unit"), None);
}

// Classes of NewsQuant failures (issue 12), each with sentences of our own.

/// A pound or yen sign lost in a copy: "PS" for £, "Y=" for ¥; never a
/// console's name or an equation.
#[test]
fn lost_pound_and_yen_signs() {
    check(&[
        (
            "The club paid PS4.2m for the striker.",
            &["money | PS4.2m | 4200000 | GBP | [4150000, 4250000]"],
        ),
        (
            "Each winner gets a PS12,500 prize.",
            &["money | PS12,500 | 12500 | GBP | [12450, 12550]"],
        ),
        (
            "The insurer booked Y=12 billion of losses.",
            &["money | Y=12 billion | 12000000000 | yen_yuan | [11500000000, 12500000000]"],
        ),
        (
            "Shares of the Japanese carmaker closed at Y=3,415.",
            &["money | Y=3,415 | 3415 | JPY | [3414.5, 3415.5]"],
        ),
        ("He queued all night for a PS5.", &["other | 5"]),
        ("Solve Y=2 for x.", &["number | 2 | 2 | count | [1.5, 2.5]"]),
    ]);
}

/// "pc" glued to a figure is British papers' per cent; a plus sign before a
/// percentage is its sign, not a phone number's.
#[test]
fn per_cent_as_pc_and_signed_percentages() {
    check(&[
        (
            "Gilt yields reached 4.12pc on Monday.",
            &["percent | 4.12pc | 4.12 | percent | [4.115, 4.125]"],
        ),
        (
            "The office ordered 3 PCs.",
            &["number | 3 | 3 | count | [2.5, 3.5]"],
        ),
        (
            "Markets: Nikkei +1.4% Hang Seng -0.7%.",
            &[
                "percent | 1.4% | 1.4 | percent | [1.35, 1.45]",
                "percent | -0.7% | -0.7 | percent | [-0.75, -0.65]",
            ],
        ),
        ("Ring +44 20 7946 0000 today.", &["other | 44 20 7946 0000"]),
    ]);
}

/// A bare first figure joined by "to" or "or" to one that states the unit
/// (and makes no range with it) takes that unit: the writer elided it.
#[test]
fn a_unit_written_once_for_two_levels() {
    check(&[
        (
            "Inflation eased from 3.1 to 2.9 percent.",
            &[
                "percent | 3.1 | 3.1 | percent | [3.05, 3.15] | base",
                "percent | 2.9 percent | 2.9 | percent | [2.85, 2.95]",
            ],
        ),
        (
            "A coffee there costs two or three euros.",
            &[
                "money | two | 2 | EUR | [1.5, 2.5]",
                "money | three euros | 3 | EUR | [2.5, 3.5]",
            ],
        ),
        (
            "Tickets cost 6 or $7.",
            &[
                "money | 6 | 6 | dollar | [5.5, 6.5]",
                "money | $7 | 7 | dollar | [6.5, 7.5]",
            ],
        ),
        (
            "Membership fell from 12 to 9 million.",
            &[
                "number | 12 | 12000000 | count | [11500000, 12500000] | base",
                "number | 9 million | 9000000 | count | [8500000, 9500000]",
            ],
        ),
        (
            "The fare went from 90 to 85 cents.",
            &[
                "money | 90 | 0.9 | currency | [0.85, 0.95] | base",
                "money | 85 cents | 0.85 | currency | [0.845, 0.855]",
            ],
        ),
        (
            "We waited two or three weeks.",
            &["other | two", "other | three"],
        ),
        (
            "The gap widened from 4.5 to 5.0 mm.",
            &["other | 4.5", "other | 5.0"],
        ),
    ]);
}

/// Scale letters news writes beside counts: a capital "M" glued ("4.3M")
/// is never metres, a spaced capital "B" before a noun is billions, and a
/// glued "m" before "of" and an owner is millions of things owned.
#[test]
fn scale_letters_beside_counts() {
    check(&[
        (
            "The single sold 2.6M copies.",
            &["number | 2.6M | 2600000 | count | [2550000, 2650000]"],
        ),
        ("Shares of 3M slipped.", &["other | 3M"]),
        (
            "The app has 1.2 B users.",
            &["number | 1.2 B | 1200000000 | count | [1150000000, 1250000000]"],
        ),
        ("Meet me in Room 4 B today.", &["other | 4"]),
        (
            "The carrier has 12m of its phones in use.",
            &["number | 12m | 12000000 | count | [11500000, 12500000]"],
        ),
        ("She swam the last 50m of the lap.", &["other | 50m"]),
    ]);
}

/// Powers of ten whose superscript was kept ("10⁻¹⁹") or lost ("10−19"),
/// and fractions written with the fraction slash ("1⁄64").
#[test]
fn lost_superscripts_and_the_fraction_slash() {
    check(&[
        (
            "A grain weighs 6.5×10−5 tonnes.",
            &["number | 6.5×10−5 | 0.000065 | count | [0.0000645, 0.0000655]"],
        ),
        (
            "The cluster holds 2.1×10⁶ cells.",
            &["number | 2.1×10⁶ | 2100000 | count | [2050000, 2150000]"],
        ),
        (
            "The tolerance is 1⁄64 of the span.",
            &["number | 1⁄64 | 0.015625 | count | [0.015625, 0.015625]"],
        ),
    ]);
}

/// Digits glued to a unit after number words start a quantity of their
/// own: "three million 330ml cans" is three million cans of 330 ml.
#[test]
fn number_words_stop_before_digits_with_a_unit() {
    check(&[
        (
            "The brewery filled three million 330ml cans.",
            &[
                "number | three million | 3000000 | count | [2500000, 3500000]",
                "other | 330ml",
            ],
        ),
        (
            "They stacked 4 thousand 3 hundred and 21 crates.",
            &["number | 4 thousand 3 hundred and 21 | 4321 | count | [4320.5, 4321.5]"],
        ),
    ]);
}

/// A span of days after a month is one date: "Nov. 3-7" has no count 7.
#[test]
fn spans_of_days_are_dates() {
    check(&[
        ("The fair runs Nov. 3-7 in Lyon.", &["date | Nov. 3-7"]),
        ("Voting is on May 12-14, 2026.", &["date | May 12-14, 2026"]),
    ]);
}

/// Numbers of models and stock indexes are names: "the 320 Max", "the
/// Nikkei 225", "the sp 500" (its ampersand lost).
#[test]
fn model_lines_and_stock_indexes_are_names() {
    check(&[
        ("The airline parked its 320 Max fleet.", &["other | 320"]),
        (
            "Asia: Nikkei 225 +0.5%.",
            &[
                "other | 225",
                "percent | 0.5% | 0.5 | percent | [0.45, 0.55]",
            ],
        ),
        (
            "the sp 500 slid 1.4%.",
            &[
                "other | 500",
                "change | 1.4% | 1.4 | percent | [1.35, 1.45]",
            ],
        ),
    ]);
}

/// The quantities of `text` that are metrics (money, counts, percentages,
/// changes), each as (kind, unit, value).
fn metrics(text: &str) -> Vec<(Kind, &'static str, Option<Decimal>)> {
    let date: Date = "2025-11-18".parse().unwrap();
    let doc = Document::from_body("t.md", text, Some(date));
    extract(&doc)
        .into_iter()
        .filter(|q| q.kind.is_metric())
        .map(|q| (q.kind, q.unit, q.value))
        .collect()
}

fn dec(s: &str) -> Option<Decimal> {
    Some(s.parse().unwrap())
}

/// A percentage's unit joined to its number by a hyphen, as a compound
/// before a noun, is still a percentage: "a 12-percent rise" is no count
/// of 12.
#[test]
fn percent_units_joined_by_a_hyphen() {
    let cases: &[(&str, Kind, &str, &str)] = &[
        (
            "The council approved a 12-percent rise in fares.",
            Kind::Change,
            "percent",
            "12",
        ),
        (
            "The index posted a 7-per-cent gain on the week.",
            Kind::Change,
            "percent",
            "7",
        ),
        (
            "Lenders expect a 50-basis-point hike in June.",
            Kind::Change,
            "percentage_point",
            "0.5",
        ),
        (
            "The poll found a 3.5-percentage-point gap between regions.",
            Kind::Percent,
            "percentage_point",
            "3.5",
        ),
    ];
    for (text, kind, unit, value) in cases {
        assert_eq!(metrics(text), vec![(*kind, *unit, dec(value))], "{text}");
    }
}

/// "A quarter-point cut", "a half point": a fraction of a percentage
/// point, as rates and polls move; not a fraction of anything.
#[test]
fn fractions_of_a_point_are_percentage_points() {
    let cases: &[(&str, &str)] = &[
        ("Markets priced in a quarter-point reduction.", "0.25"),
        ("Analysts now see a half point of easing.", "0.5"),
        (
            "The board voted for a three-quarter-point increase.",
            "0.75",
        ),
        ("Traders bet on a quarter-percentage-point move.", "0.25"),
    ];
    for (text, value) in cases {
        let found = metrics(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(
            (found[0].1, found[0].2),
            ("percentage_point", dec(value)),
            "{text}"
        );
    }
}

/// An ordinal joined to a noun by a hyphen says which one ("a third-party
/// review", "a fourth-quarter loss"): no fraction. "A third of" still is.
#[test]
fn ordinals_joined_to_a_noun_are_no_fractions() {
    assert_eq!(
        metrics("Auditors ordered a third-party review of the accounts."),
        vec![]
    );
    assert_eq!(
        metrics("The retailer reported a fifth-straight monthly loss."),
        vec![]
    );
    assert_eq!(
        metrics("A third of the staff left."),
        vec![(
            Kind::Number,
            "fraction",
            Some(Decimal::ONE / Decimal::from(3))
        )]
    );
}

/// House numbers before a street's name of several words, a compass letter
/// or an ordinal are addresses; a count before other words is not.
#[test]
fn addresses_with_longer_street_names() {
    for text in [
        "The clinic moved to 418 Old Mill Road last spring.",
        "Offices at 75 W 42nd St were sold.",
        "Lawyers met at 2100 Ocean View Drive on Monday.",
        "The shop at 12 Harbour Way closed.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
    assert_eq!(
        metrics("Some 300 pickets stood on Bay Street."),
        vec![(Kind::Number, "count", dec("300"))]
    );
}

/// Numbers that a word after them names as a code ("the 10013 ZIP code"),
/// the part of a labelled number after its dash ("ISO 14001-2"), numbers
/// glued to a name by a full stop ("EX.5"), and a time of day in four
/// digits before its zone ("1430 GMT"): none is a count.
#[test]
fn codes_and_clock_times_are_no_counts() {
    for text in [
        "Homes in the 10013 ZIP code sold fast.",
        "Callers with a 415 area code were cut off.",
        "The plant meets ISO 14001-2 rules.",
        "The brand showed its new EX.5 and EX.7 models.",
        "The launch is set for 1430 GMT on Tuesday.",
        "Talks resume at 0900 UTC.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
    assert_eq!(
        show("Talks resume at 0900 UTC."),
        vec!["time | 0900".to_string()]
    );
}

/// Years of another era ("753 BC", "A.D. 200 to 350") are no counts.
#[test]
fn years_of_another_era_are_no_counts() {
    for text in [
        "The city was founded in 753 BC and sacked in 410 AD.",
        "Coins from A.D. 200 to 350 were found in the field.",
        "The wall dates from AD 122.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
}

/// A number alone in parentheses after a person's name, before a verb, is
/// a shirt number or a seed ("Maria Lopez (9) scores"); a list of places
/// with numbers in parentheses stays a list of counts.
#[test]
fn a_player_s_number_after_the_name_is_no_count() {
    assert_eq!(
        metrics("Forward Maria Lopez (9) scores against Norway."),
        vec![]
    );
    assert_eq!(
        metrics("Medals went to Kenya (4), Ethiopia (3) and Uganda (1)."),
        vec![
            (Kind::Number, "count", dec("4")),
            (Kind::Number, "count", dec("3")),
            (Kind::Number, "count", dec("1")),
        ]
    );
}

/// Units written as a ratio ("2.5 kV/mm", "50 mg/L"), a range written with
/// hyphens before its unit ("a 0-to-100-kph time") and pounds that are no
/// money ("95 pounds at birth", "from 240 pounds to 215") are measures.
#[test]
fn ratio_units_hyphened_ranges_and_weights_are_measures() {
    for text in [
        "The coil held 2.5 kV/mm in tests.",
        "Limits of 50 mg/L apply to the river.",
        "The hatchback's 0-to-100-kph time improved.",
        "The calf weighed 95 pounds at birth.",
        "His weight fell from 240 pounds to 215 over the season.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
    assert_eq!(
        metrics("The club paid 4 million pounds for him."),
        vec![(Kind::Money, "pound", dec("4000000"))]
    );
    assert_eq!(
        metrics("Plans for 5 and/or 6 stations were drawn."),
        vec![
            (Kind::Number, "count", dec("5")),
            (Kind::Number, "count", dec("6")),
        ]
    );
}

/// Crowns named with their country are money in that country's currency.
#[test]
fn crowns_with_their_country_are_money() {
    assert_eq!(
        metrics("The fund sold 2.3 billion Norwegian crowns of bonds."),
        vec![(Kind::Money, "NOK", dec("2300000000"))]
    );
    assert_eq!(
        metrics("Tickets cost 450 Czech crowns each."),
        vec![(Kind::Money, "CZK", dec("450"))]
    );
}

/// Physical units after a number make it a measure, never a count: "450
/// horsepower", "12 gigawatts", "a 5000 mAh battery", "a 52 yard field
/// goal", "410 ppm", "250 milligrams", "minus 40 Celsius".
#[test]
fn units_of_measure_are_no_counts() {
    for text in [
        "The new engine makes 450 horsepower.",
        "The wind farms add 12 gigawatts of capacity.",
        "The phone packs a 5000 mAh battery.",
        "He kicked a 52 yard field goal.",
        "Readings hit 410 ppm in May.",
        "Each pill holds 250 milligrams of the drug.",
        "Nights fell to minus 40 Celsius.",
        "The chip is built on 3 nanometers.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
}

/// "One" before a noun counts it ("one man", "just one area", "only one
/// person"); a pronoun "one" counts nothing ("one of them", "no one
/// knows", "each one they lose", "one says").
#[test]
fn one_before_a_noun_is_a_count() {
    for text in [
        "Only one person was hurt in the fire.",
        "The driver admitted one charge of speeding.",
        "One amendment would cap the fees.",
        "The fault lay in just one valve.",
    ] {
        assert_eq!(
            metrics(text),
            vec![(Kind::Number, "count", dec("1"))],
            "{text}"
        );
    }
    for text in [
        "Both sides met; one of them left.",
        "No one knows why.",
        "Each one they lose hurts.",
        "One says the rules are unclear.",
        "They bought the red one yesterday.",
        "One Direction sold out the arena.",
    ] {
        assert_eq!(metrics(text), vec![], "{text}");
    }
}
