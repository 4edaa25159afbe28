//! A deterministic generator of rule folders with many metrics, for
//! measuring how rules load and match at scale (`benches/rules_load.sh`,
//! and a test that 1,000 generated metrics load).
//!
//! The rules are written like the shipped ones (`rules/`, the packs and the
//! held-out corpora of `tests/eval/`): an `entities.yaml` of 24 countries
//! (names, demonyms, metonyms); templates over pairs of the first countries
//! (bilateral trade as in `rules/trade.yaml`, tourists and goods exports
//! from one country to another with `{A}`/`{B}` in their patterns, as in
//! the North America pack), about two fifths of the metrics; and plain
//! metrics per country and product (output, exports, investment, tourist
//! arrivals, ranks, shares) in files of 50, whose `none` lists repeat long
//! patterns through YAML anchors, as the eval rules do. The first eight
//! countries and the words of the figures are those of `newsgen.rs`, so its
//! text is a corpus these rules match.

use std::fmt::Write as _;

/// An entity: its name, then its names, demonyms and metonyms.
type Country = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const COUNTRIES: &[Country] = &[
    (
        "russia",
        &["Russia", "Russian Federation"],
        &["Russian", "Russians"],
        &["Moscow", "Kremlin"],
    ),
    (
        "china",
        &["China", "People's Republic of China", "PRC"],
        &["Chinese", "Sino"],
        &["Beijing"],
    ),
    ("india", &["India"], &["Indian", "Indians"], &["New Delhi"]),
    (
        "brazil",
        &["Brazil"],
        &["Brazilian", "Brazilians"],
        &["Brasilia"],
    ),
    ("germany", &["Germany"], &["German", "Germans"], &["Berlin"]),
    ("japan", &["Japan"], &["Japanese"], &["Tokyo"]),
    (
        "turkey",
        &["Turkey", "Türkiye"],
        &["Turkish", "Turks"],
        &["Ankara"],
    ),
    (
        "kazakhstan",
        &["Kazakhstan"],
        &["Kazakh", "Kazakhstani"],
        &["Astana"],
    ),
    (
        "united_states",
        &["United States", "U.S.", "US", "USA", "America"],
        &["American", "Americans"],
        &["Washington", "White House"],
    ),
    ("france", &["France"], &["French"], &["Paris", "Elysee"]),
    ("italy", &["Italy"], &["Italian", "Italians"], &["Rome"]),
    (
        "united_kingdom",
        &["United Kingdom", "Britain", "UK", "U.K."],
        &["British"],
        &["London"],
    ),
    (
        "canada",
        &["Canada"],
        &["Canadian", "Canadians"],
        &["Ottawa"],
    ),
    (
        "mexico",
        &["Mexico"],
        &["Mexican", "Mexicans"],
        &["Mexico City"],
    ),
    (
        "south_korea",
        &["South Korea", "Korea"],
        &["Korean", "Koreans"],
        &["Seoul"],
    ),
    (
        "indonesia",
        &["Indonesia"],
        &["Indonesian", "Indonesians"],
        &["Jakarta"],
    ),
    (
        "saudi_arabia",
        &["Saudi Arabia"],
        &["Saudi", "Saudis"],
        &["Riyadh"],
    ),
    (
        "south_africa",
        &["South Africa"],
        &["South African", "South Africans"],
        &["Pretoria"],
    ),
    (
        "australia",
        &["Australia"],
        &["Australian", "Australians"],
        &["Canberra"],
    ),
    (
        "argentina",
        &["Argentina"],
        &["Argentine", "Argentinian"],
        &["Buenos Aires"],
    ),
    ("egypt", &["Egypt"], &["Egyptian", "Egyptians"], &["Cairo"]),
    (
        "vietnam",
        &["Vietnam", "Viet Nam"],
        &["Vietnamese"],
        &["Hanoi"],
    ),
    ("poland", &["Poland"], &["Polish", "Poles"], &["Warsaw"]),
    ("spain", &["Spain"], &["Spanish", "Spaniards"], &["Madrid"]),
];

/// (id word, pattern) of the products plain metrics are about.
const PRODUCTS: &[(&str, &str)] = &[
    ("wheat", r"\bwheat\b"),
    ("rice", r"\brice\b"),
    ("steel", r"\bsteel\b"),
    ("aluminium", r"\balumin(?:i)?um\b"),
    ("coal", r"\bcoal\b"),
    ("crude_oil", r"\bcrude(?:\s+oil)?\b|\boil\b"),
    ("natural_gas", r"\b(?:natural\s+)?gas\b|\bLNG\b"),
    ("copper", r"\bcopper\b"),
    (
        "cars",
        r"\bcars?\b|\bautomobiles?\b|\bpassenger\s+vehicles?\b",
    ),
    (
        "electric_vehicles",
        r"\belectric\s+(?:vehicles?|cars?)\b|\bEVs?\b",
    ),
    ("solar_panels", r"\bsolar\s+(?:panels?|modules?|cells?)\b"),
    ("semiconductors", r"\bsemiconductors?\b|\bchips?\b"),
    ("fertilisers", r"\bfertili[sz]ers?\b"),
    ("timber", r"\btimber\b|\blumber\b|\bwood\b"),
    ("soybeans", r"\bsoy(?:beans?|a)\b"),
    ("coffee", r"\bcoffee\b"),
    ("cotton", r"\bcotton\b"),
    ("machinery", r"\bmachinery\b|\bmachine\s+tools?\b"),
    (
        "pharmaceuticals",
        r"\bpharmaceuticals?\b|\bmedicines?\b|\bdrugs\b",
    ),
    ("fish", r"\bfish\b|\bseafood\b"),
    ("pork", r"\bpork\b|\bpigmeat\b"),
    ("beef", r"\bbeef\b"),
    ("dairy", r"\bdairy\b|\bmilk\s+powder\b"),
    ("wine", r"\bwines?\b"),
    ("nickel", r"\bnickel\b"),
    ("lithium", r"\blithium\b"),
    ("rare_earths", r"\brare[- ]earths?\b"),
    ("gold", r"\bgold\b"),
    ("iron_ore", r"\biron\s+ore\b"),
    ("potash", r"\bpotash\b"),
    ("textiles", r"\btextiles?\b|\bgarments?\b|\bclothing\b"),
    ("smartphones", r"\bsmartphones?\b|\bmobile\s+phones?\b"),
    ("aircraft", r"\baircraft\b|\bairliners?\b|\bjets\b"),
    ("ships", r"\bships?\b|\bvessels?\b"),
    ("tea", r"\btea\b"),
    ("sugar", r"\bsugar\b"),
    ("palm_oil", r"\bpalm\s+oil\b"),
    ("uranium", r"\buranium\b"),
    ("electricity", r"\belectricity\b|\bpower\s+supplies\b"),
    ("cement", r"\bcement\b"),
];

/// Long patterns that many metrics of a file repeat (YAML anchors), as in
/// the held-out rules of `tests/eval/`.
const SCOPE: &str = r"\bservices\b|\bFDI\b|\binvest(?:ment|ments|ed|ing|ors?)?\s+(?:\w+\s+){0,3}?(?:of|worth|at|to|in|into|totall?ed|reached|was|were|fell|rose|stood|hit)\b|\b(?:tariffs?|duties|levies)\s+(?:\w+\s+){0,3}?(?:on|of|worth|covering|affecting|hitting)\b|\ba\s+day\b|\bper\s+day\b|\bdaily\b|\b(?:world|global)\s+(?:\w+\s+)?(?:trade|exports|imports|total)\b|\bworldwide\b";
const FLOWS: &str = r"\b(?:exports?|imports?|sales|purchases|shipments)\s+(?:of\s+goods\s+)?(?:\w+\s+){0,2}?(?:of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?(?:€|\$|\d)|worth|valued|at|rose|fell|grew|climbed|jumped|dropped|declined|increased|decreased|reached|totall?ed|hit|were|was|stood|came|amounted|slipped|surged|soared|plunged|shrank|expanded)\b";
const BALANCE: &str = r"\bdeficit\b|\bsurplus\b|\bimbalance\b|\btrade\s+gap\b";
const EURO: &str = r"€|\beuros?\b|\bEUR\b";

/// The rule files of a folder with `metrics` metrics: (file name, YAML).
pub(crate) fn files(metrics: usize) -> Vec<(String, String)> {
    let mut out = vec![("entities.yaml".to_string(), entities())];
    // templates make about two fifths of the metrics: one unordered and two
    // ordered templates over the first `c` countries, 2.5 c (c - 1) metrics
    let budget = metrics * 2 / 5;
    let mut c = 2;
    while c < COUNTRIES.len() && 5 * (c + 1) * c / 2 <= budget {
        c += 1;
    }
    let templated = if 5 * c * (c - 1) / 2 <= budget {
        out.push(("templates.yaml".to_string(), templates(c)));
        5 * c * (c - 1) / 2
    } else {
        0
    };
    let plain = metrics - templated;
    let mut i = 0;
    while i < plain {
        let n = (plain - i).min(50);
        out.push((format!("plain-{:03}.yaml", i / 50), plain_file(i, n)));
        i += n;
    }
    out
}

fn entities() -> String {
    let mut s = String::from("entities:\n");
    let list = |v: &[&str]| {
        let quoted: Vec<String> = v.iter().map(|n| format!("\"{n}\"")).collect();
        quoted.join(", ")
    };
    for (id, names, demonyms, metonyms) in COUNTRIES {
        let _ = writeln!(s, "  {id}:");
        let _ = writeln!(s, "    names: [{}]", list(names));
        let _ = writeln!(s, "    demonyms: [{}]", list(demonyms));
        let _ = writeln!(s, "    metonyms: [{}]", list(metonyms));
    }
    s
}

fn templates(c: usize) -> String {
    let of: Vec<&str> = COUNTRIES[..c].iter().map(|e| e.0).collect();
    let of = of.join(", ");
    format!(
        r#"metrics:
  - id: trade.{{pair}}.total
    description: Total goods trade between {{A}} and {{B}} in a calendar year, in US dollars
    pairs:
      of: [{of}]
    kind: money
    unit: USD
    match:
      all: ['\btrade\b|\bturnover\b']
      entities: ['{{a}}', '{{b}}']
      anaphora: '\bbilateral\b|\bmutual\b|\bthe two (?:countries|nations|sides)\b|\bboth (?:countries|nations|sides)\b'
      none: ['\binvest', '\bdeficit\b', '\bsurplus\b', '\bexports?\b', '\bimports?\b', '\bportfolio\b']
      context: previous-sentence
    tolerance: exact
    attributions:
      customs: '\bcustoms\s+(?:data|statistics)\b|\baccording\s+to\s+customs\b'
    examples:
      - text: "In 2020, bilateral trade between {a_name} and {b_name} reached $123.4 billion according to customs data."
        expect: {{ period: 2020, value: 123.4e9 }}

  - id: tourism.{{a}}_to_{{b}}.tourists
    description: Tourists from {{A}} who visited {{B}} in a calendar year
    pairs:
      of: [{of}]
      ordered: true
    kind: count
    match:
      any:
        - '\btourists?\s+from\s+{{A}}\s+(?:visited|travell?ed\s+to|went\s+to)\s+{{B}}'
        - '{{A}}\s+(?:tourists|visitors|holidaymakers)\s+(?:\w+\s+){{0,3}}?(?:to|in)\s+{{B}}'
      entities: ['{{a}}', '{{b}}']
      none: ['\btrips?\b']
    tolerance: rounding
    severity: warning

  - id: exports.{{a}}_to_{{b}}.goods
    description: Goods exports from {{A}} to {{B}} in a calendar year (the imports of {{B}} from {{A}})
    pairs:
      of: [{of}]
      ordered: true
    kind: money
    unit: USD
    match:
      any:
        - '{{A}}(?:’s|''s)?\s+(?:goods\s+)?exports\s+to\s+(?:the\s+)?{{B}}'
        - '\bexports\s+from\s+{{A}}\s+to\s+(?:the\s+)?{{B}}'
        - '{{B}}(?:’s|''s)?\s+(?:goods\s+)?imports\s+from\s+{{A}}'
      entities: ['{{a}}', '{{b}}']
      none: ['{BALANCE}']
    tolerance: rounding
"#,
        a_name = COUNTRIES[0].1[0],
        b_name = COUNTRIES[1].1[0],
    )
}

/// `n` plain metrics, the `first`th onwards: six topics in turn, over each
/// country, then each product.
fn plain_file(first: usize, n: usize) -> String {
    let mut s = String::from("metrics:\n");
    for i in first..first + n {
        // anchors are defined by the file's first metric of each topic
        let anchor = |name: &str, pattern: &str| {
            if i - first < 6 {
                format!("&{name} '{pattern}'")
            } else {
                format!("*{name}")
            }
        };
        let topic = i % 6;
        let j = i / 6;
        let (country, names, _, _) = COUNTRIES[j % COUNTRIES.len()];
        let (product, product_pattern) = PRODUCTS[(j / COUNTRIES.len()) % PRODUCTS.len()];
        let shown = names[0];
        // past every country, a numbered copy keeps ids unique
        let round = j / (PRODUCTS.len() * COUNTRIES.len());
        let suffix = if round == 0 {
            String::new()
        } else {
            format!("_{round}")
        };
        let _ = match topic {
            0 => write!(
                s,
                r#"  - id: output.{country}.{product}{suffix}
    description: Output of {product} in {shown} in a calendar year
    kind: count
    match:
      all: ['{product_pattern}']
      any: ['\bproduc(?:tion|ed|es)\b', '\boutput\b', '\bharvest(?:ed)?\b', '\bmined\b']
      entities: [{country}]
      none: [{scope0}, '\bexports?\b|\bimports?\b']
    tolerance: rounding
    severity: warning
"#,
                scope0 = anchor("scope0", SCOPE),
            ),
            1 => write!(
                s,
                r#"  - id: exports.{country}.{product}{suffix}
    description: Exports of {product} from {shown} in a calendar year, in US dollars
    kind: money
    unit: USD
    match:
      all: ['\bexport(?:s|ed)?\b|\bshipments?\b|\bsales\s+abroad\b', '{product_pattern}']
      entities: [{country}]
      none: [{balance1}, {euro1}, '\bimports?\s+(?:of|from)\b']
    tolerance: rounding
    attributions:
      customs: '\bcustoms\s+(?:data|statistics)\b|\baccording\s+to\s+customs\b'
      ministry: '\b(?:trade|economy|agriculture)\s+ministry\b|\bministry\s+of\s+(?:trade|economy|agriculture)\b'
"#,
                balance1 = anchor("balance1", BALANCE),
                euro1 = anchor("euro1", EURO),
            ),
            2 => write!(
                s,
                r#"  - id: investment.{country}.{product}{suffix}
    description: Investment in the {product} sector of {shown}, in US dollars
    kind: money
    unit: USD
    match:
      all: ['\binvest(?:ment|ments|ed|ing|ors?)?\b', '{product_pattern}']
      any: ['\bprojects?\b', '\bportfolio\b', '\bplants?\b', '\bfactor(?:y|ies)\b', '\bsector\b']
      entities: [{country}]
      anaphora: '\bthe two (?:countries|nations|sides)\b|\bbilateral\b|\bjoint\b'
      none: [{flows2}]
    undated: published-year
    tolerance: rounding
    severity: warning
"#,
                flows2 = anchor("flows2", FLOWS),
            ),
            3 => write!(
                s,
                r#"  - id: tourism.{country}.arrivals_{product}{suffix}
    description: Foreign tourist arrivals in {shown} (with {product} tours) in a calendar year
    kind: count
    match:
      all: ['\b(?:tourists?|visitors?|arrivals|holidaymakers)\b', '{product_pattern}|\btours?\b']
      entities: [{country}]
      none: ['\bfrom {shown}\b', {scope3}]
    tolerance: rounding
    severity: info
"#,
                scope3 = anchor("scope3", SCOPE),
            ),
            4 => write!(
                s,
                r#"  - id: rank.{country}_producers.{product}{suffix}
    description: {shown}'s rank among the world's producers of {product}
    kind: rank
    match:
      all: ['\b(?:largest|biggest|leading|top)\s+(?:[\w-]+\s+){{0,3}}(?:producers?|exporters?|suppliers?)\b', '{product_pattern}']
      entities: [{country}]
    undated: published-year
    tolerance: exact
    severity: warning
"#,
            ),
            _ => write!(
                s,
                r#"  - id: share.{country}.{product}{suffix}
    description: {shown}'s share of world {product} exports, in percent
    kind: percent
    match:
      all: ['\bshare\b|\bper\s*cent\s+of\b|%\s+of\b', '{product_pattern}']
      entities: [{country}]
      none: [{flows5}, {balance5}]
    tolerance: "1%"
    severity: info
"#,
                flows5 = anchor("flows5", FLOWS),
                balance5 = anchor("balance5", BALANCE),
            ),
        };
    }
    s
}

#[allow(dead_code)]
fn main() {
    // usage: cargo run --release --example rulesgen -- METRICS DIR
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "rules-generated".into()));
    if let Err(e) = write(&dir, n) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "rulesgen: {}: {e}", dir.display());
        std::process::exit(1);
    }
}

/// Writes the rule files of `files(metrics)` into `dir` (made if missing).
#[allow(dead_code)]
pub(crate) fn write(dir: &std::path::Path, metrics: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in files(metrics) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}
