//! A deterministic generator of news-like English text, for benchmarks:
//! sentences about trade, tourism and diplomacy with money, counts,
//! percentages, years, dates and ordinals, and sentences with no figure.
//! The same seed gives the same text on every machine.
//!
//! Two densities: `News` has about one figure per 600 bytes, a little
//! denser than the seed articles (one per 870 bytes: 23 figures in 20 kB);
//! `Dense` has one per 115 bytes, a stress test where most of the time goes
//! to reading figures rather than skipping text.

/// xorshift64*: small, fast, and the same everywhere.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const COUNTRIES: &[&str] = &[
    "Russia",
    "China",
    "India",
    "Brazil",
    "Germany",
    "Japan",
    "Turkey",
    "Kazakhstan",
];
const METRICS: &[&str] = &[
    "bilateral trade",
    "trade turnover",
    "exports",
    "imports",
    "investment",
    "tourist flows",
];
const VERBS: &[&str] = &[
    "reached",
    "rose to",
    "fell to",
    "hit",
    "stood at",
    "amounted to",
    "topped",
];
const QUALIFIERS: &[&str] = &[
    "",
    "",
    "about ",
    "nearly ",
    "more than ",
    "around ",
    "almost ",
];
const CURRENCIES: &[&str] = &["$", "US$", "€", "USD ", "RMB "];
const SCALES: &[&str] = &[" billion", " million", "bn", " trillion", " mln"];
const FILLER: &[&str] = &[
    "The talks covered energy, logistics and cultural exchange, and officials on both sides described them as constructive and forward-looking.",
    "Officials said the partnership was not aimed at any third party, and that it reflected the long-term interests of the two peoples.",
    "Both sides stressed the importance of stable supply chains, and agreed to keep working on payment systems in national currencies.",
    "Analysts expect the relationship to deepen in the coming years, although sanctions and logistics remain serious obstacles.",
    "The meeting took place behind closed doors in the capital, and no joint statement was issued after the plenary session.",
    "No time to read? Get a summary.",
    "Observers say that if these plans materialize as expected, they could reshape the balance of power on the global stage.",
    "The president praised the strong ties between the two nations and expressed confidence in the future of their cooperation.",
    "Humanitarian exchanges are progressing positively, and the cross years of culture are drawing to a successful close.",
    "A spokesman for the ministry declined to comment on the details of the negotiations, saying only that work would continue.",
    "The second round of consultations is due to take place in the spring, according to people familiar with the preparations.",
    "Trade between the neighbours has become one of the pillars of the relationship, as Western markets have closed to many exporters.",
    "Business leaders from both countries attended a forum on the sidelines of the visit, where they discussed logistics and finance.",
    "The new rail link may ease congestion at border crossings, which have struggled with long queues of lorries since the pandemic.",
    "Critics argue that the deals lack detail and that many earlier agreements have yet to be carried out in practice.",
    "The premier also met students at a university in the city, and spoke about the role of young people in the friendship.",
    "In a joint statement, the sides called for a peaceful settlement of regional disputes through dialogue and consultation.",
    "Officials from the energy ministries will meet again later this year to review progress on the pipeline and on nuclear power.",
    "Payments in national currencies now account for nearly all settlements, officials said, though banks remain cautious.",
    "The visit came a week after a summit of regional leaders, at which both presidents spoke of a multipolar world order.",
    "Airlines have added direct flights between several cities, and visa rules for tour groups have been eased on both sides.",
    "Economists warn that the economy faces a slowdown, with high interest rates weighing on investment and consumer demand.",
    "One official described the atmosphere as warm and friendly, while another said that the hard questions were left for later.",
    "The agreements cover agriculture, education, health care, media and sport, as well as customs and quarantine inspection.",
    "Local authorities in the border regions are building new warehouses and bridges, hoping to attract a share of the transit trade.",
];

/// How often figures come.
#[derive(Clone, Copy)]
pub(crate) enum Density {
    /// About one figure per 600 bytes, like news articles.
    News,
    /// About one figure per 115 bytes.
    Dense,
}
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "October", "December",
];

/// One sentence: six kinds carry figures, the rest of the draws are filler.
pub(crate) fn sentence(rng: &mut Rng, density: Density) -> String {
    let a = rng.pick(COUNTRIES);
    let b = rng.pick(COUNTRIES);
    let year = 2015 + rng.below(11);
    let draws = match density {
        Density::News => 80,
        Density::Dense => 16,
    };
    match rng.below(draws) {
        0 | 1 => format!(
            "In {year}, {} between {a} and {b} {} {}{}{}.{}{},",
            rng.pick(METRICS),
            rng.pick(VERBS),
            rng.pick(QUALIFIERS),
            rng.pick(CURRENCIES),
            10 + rng.below(400),
            rng.below(10),
            rng.pick(SCALES),
        )
        .trim_end_matches(',')
        .to_string()
            + " according to customs data.",
        2 => format!(
            "Some {},{:03} tourists from {a} visited {b} last year, up {}.{}% from {}.",
            1 + rng.below(900),
            rng.below(1000),
            rng.below(40),
            rng.below(10),
            year - 1
        ),
        3 => format!(
            "The {}th session of the commission was held on {} {}, {year}.",
            2 + rng.below(40),
            rng.pick(MONTHS),
            1 + rng.below(28)
        ),
        4 => format!(
            "{a} is {b}'s {} largest trading partner, with a share of {}.{} percent.",
            rng.pick(&["second", "third", "fifth", "tenth"]),
            rng.below(30),
            rng.below(10)
        ),
        5 => format!(
            "Nearly {} documents were signed, and {} projects worth {}{} billion are planned for {}–{}.",
            rng.pick(&["fifteen", "twenty", "a dozen", "thirty"]),
            10 + rng.below(90),
            rng.pick(CURRENCIES),
            rng.below(300),
            year,
            year + 1
        ),
        _ => rng.pick(FILLER).to_string(),
    }
}

/// About `bytes` of text: paragraphs of three to six sentences.
#[allow(dead_code)]
pub(crate) fn text(seed: u64, bytes: usize, density: Density) -> String {
    text_in(seed, bytes, density, Layout::Paragraphs)
}

/// How sentences are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Paragraphs of three to six sentences, with a blank line after each.
    Paragraphs,
    /// The same sentences one a line, with no blank line: a dump.
    Lines,
}

/// About `bytes` of text of the sentences of `seed`, laid out as `layout`
/// says: the two layouts hold the same sentences.
pub(crate) fn text_in(seed: u64, bytes: usize, density: Density, layout: Layout) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 256);
    while out.len() < bytes {
        let n = 3 + rng.below(4);
        for i in 0..n {
            if i > 0 {
                out.push(if layout == Layout::Lines { '\n' } else { ' ' });
            }
            out.push_str(&sentence(&mut rng, density));
        }
        out.push_str(if layout == Layout::Lines {
            "\n"
        } else {
            "\n\n"
        });
    }
    out
}

#[allow(dead_code)]
fn main() {
    // usage: cargo run --release --example newsgen -- MEGABYTES [SEED] [news|dense] [paragraphs|lines] > corpus.txt
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let density = match args.next().as_deref() {
        Some("dense") => Density::Dense,
        _ => Density::News,
    };
    let layout = match args.next().as_deref() {
        Some("lines") => Layout::Lines,
        _ => Layout::Paragraphs,
    };
    let text = text_in(seed, mb * 1_000_000, density, layout);
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
