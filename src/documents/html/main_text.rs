//! The main text of a parsed page: its article (`itemprop="articleBody"`,
//! the `<article>` with the most paragraph text, `<main>`, or the body),
//! as blocks (paragraphs, headings, list items) of text nodes, without
//! menus, headers, footers, asides, forms, figures, "also read" and share
//! boxes (by element, role, or a class or id that says so).

use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

/// A piece of a block: a text node, or a break (`<br>`) read as a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Text(&'a str),
    Break,
}

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "body",
    "center",
];

/// Elements that are never the article's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "svg", "math", "figure", "menu", "dialog", "head",
    "title", "object", "video", "audio", "canvas",
];

/// Roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
];

/// Words of a class or id that mark page furniture ("related-stories",
/// "share_bar", "newsletter").
const FURNITURE: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "comment",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "cookie",
    "cookies",
    "footer",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "tags",
    "recommended",
    "recommendations",
    "popular",
    "outbrain",
    "taboola",
    "byline",
    "author",
    "paywall",
    "teaser",
    "teasers",
    "caption",
];

/// Pairs of words of a class or id that mark a box of links ("also-read",
/// "read_more", "more-stories").
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("also", "read"),
    ("read", "also"),
    ("read", "more"),
    ("more", "stories"),
    ("most", "read"),
    ("see", "also"),
];

/// How a block of links starts ("Also read: …"): such a block is dropped.
pub(super) const LINK_BLOCK_STARTS: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "more stories",
    "more on this",
];

/// The blocks of the page's main text, in document order.
pub(super) fn blocks(html: &Html) -> Vec<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    if let Some(root) = root(html) {
        walk(root, &mut out, &mut current);
    }
    flush(&mut out, &mut current);
    out
}

/// The element that holds the article.
fn root(html: &Html) -> Option<ElementRef<'_>> {
    // cannot fail: the selectors are constant and valid
    let select = |s: &str| Selector::parse(s).ok();
    if let Some(body) = select("[itemprop~=articleBody]").and_then(|s| html.select(&s).next()) {
        return Some(body);
    }
    let paragraph = select("p")?;
    let text_in = |e: &ElementRef| -> usize {
        e.select(&paragraph)
            .flat_map(|p| p.text())
            .map(str::len)
            .sum()
    };
    let mut best: Option<(usize, ElementRef)> = None;
    for article in select("article")
        .map(|s| html.select(&s).collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let n = text_in(&article);
        if best.as_ref().is_none_or(|(b, _)| n > *b) {
            best = Some((n, article));
        }
    }
    if let Some((_, article)) = best {
        return Some(article);
    }
    ["main", "[role=main]", "body"]
        .iter()
        .find_map(|s| select(s).and_then(|s| html.select(&s).next()))
        .or_else(|| Some(html.root_element()))
}

fn flush<'a>(out: &mut Vec<Vec<Piece<'a>>>, current: &mut Vec<Piece<'a>>) {
    if current
        .iter()
        .any(|p| matches!(p, Piece::Text(t) if !t.trim().is_empty()))
    {
        out.push(std::mem::take(current));
    }
    current.clear();
}

fn walk<'a>(e: ElementRef<'a>, out: &mut Vec<Vec<Piece<'a>>>, current: &mut Vec<Piece<'a>>) {
    let block = BLOCKS.contains(&e.value().name());
    if block {
        flush(out, current);
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => current.push(Piece::Text(t)),
            Node::Element(el) if el.name() == "br" => current.push(Piece::Break),
            Node::Element(el) if !is_furniture(el) => {
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, out, current);
                }
            }
            _ => {}
        }
    }
    if block {
        flush(out, current);
    }
}

/// Whether an element is page furniture, not the article's text.
fn is_furniture(e: &Element) -> bool {
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| SKIPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names
        .flat_map(str::split_ascii_whitespace)
        .any(furniture_name)
}

/// Whether a class or id names page furniture: one of its words (split at
/// `-`, `_` and case changes) is, or two of them in a row are.
fn furniture_name(name: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut last_lower = false;
    for c in name.chars() {
        let cut = c == '-' || c == '_' || (c.is_ascii_uppercase() && last_lower);
        if cut && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c != '-' && c != '_' {
            word.push(c.to_ascii_lowercase());
        }
        last_lower = c.is_ascii_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.iter().any(|w| FURNITURE.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| FURNITURE_PAIRS.contains(&(p[0].as_str(), p[1].as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        let html = Html::parse_document(page);
        blocks(&html)
            .iter()
            .map(|b| {
                b.iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.to_string(),
                        Piece::Break => " ".to_string(),
                    })
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn the_article_with_most_text_is_read_without_furniture() {
        let page = r#"<html><body><nav><a>Home</a></nav>
            <article class="teaser"><p>Short.</p></article>
            <article><header><h1>Title 2024</h1></header>
              <p>Trade reached <b>$245 billion</b> in 2024.</p>
              <div class="also-read"><a>Trade fell 5%</a></div>
              <aside>Ad: 50% off</aside>
              <ul><li>One<br>two</li></ul>
              <div class="ShareBar">Share 12</div>
            </article><footer>© 2025</footer></body></html>"#;
        assert_eq!(
            texts(page),
            ["Trade reached $245 billion in 2024.", "One two"]
        );
    }

    #[test]
    fn furniture_names_are_whole_words() {
        assert!(furniture_name("related-stories"));
        assert!(furniture_name("alsoRead") || furniture_name("also_read"));
        assert!(furniture_name("read-more"));
        assert!(!furniture_name("canvas-header-text") || furniture_name("header"));
        assert!(!furniture_name("article-body"));
        assert!(!furniture_name("advantage"));
    }

    #[test]
    fn without_an_article_the_main_element_or_body_is_read() {
        assert_eq!(
            texts("<body><div id=menu>Menu 1</div><main><p>Exports: 12 tonnes.</p></main></body>"),
            ["Exports: 12 tonnes."]
        );
        assert_eq!(texts("<p>Just 3 words.</p>"), ["Just 3 words."]);
    }
}
