//! Output: hits for a terminal (colour where it is one and `NO_COLOR` is unset, plain `**`
//! markers otherwise; words the query was expanded with marked apart, underlined or `_so_`)
//! or as JSON lines for scripts; the indexing summary.

use std::io::{self, Write};

use serde::Serialize;

use crate::annotate::agencies::AgencyKind;
use crate::annotate::entities::Kind;
use crate::annotate::figures::Figure;
use crate::annotate::Annotations;
use crate::article::{Article, Passage};
use crate::index::writer::Summary;
use crate::search::Hit;

/// How matched words are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Color,
    Plain,
}

impl Style {
    /// Colour when `choice` says so: `always`, `never`, or `auto` (a terminal and no
    /// `NO_COLOR`).
    pub fn detect(choice: ColorChoice, is_terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match choice {
            ColorChoice::Always => Style::Color,
            ColorChoice::Never => Style::Plain,
            ColorChoice::Auto if is_terminal && !no_color => Style::Color,
            ColorChoice::Auto => Style::Plain,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

const BOLD_RED: &str = "\x1b[1;31m";
const MAGENTA: &str = "\x1b[35m";
const GREEN: &str = "\x1b[32m";
const UNDERLINE_CYAN: &str = "\x1b[4;36m";
const RESET: &str = "\x1b[0m";

/// Marks the highlighted ranges of `text`.
pub fn mark(text: &str, ranges: &[[usize; 2]], style: Style) -> String {
    mark_both(text, ranges, &[], style)
}

/// Marks the words typed (`typed`) and the words the query was expanded with (`expanded`)
/// apart: typed ones bold red or `**word**`, expanded ones underlined cyan or `_word_`. Where
/// the two overlap, the typed mark wins.
pub fn mark_both(
    text: &str,
    typed: &[[usize; 2]],
    expanded: &[[usize; 2]],
    style: Style,
) -> String {
    let ((open, close), (open_x, close_x)) = match style {
        Style::Color => ((BOLD_RED, RESET), (UNDERLINE_CYAN, RESET)),
        Style::Plain => (("**", "**"), ("_", "_")),
    };
    let mut marks: Vec<([usize; 2], &str, &str)> = typed
        .iter()
        .map(|&r| (r, open, close))
        .chain(expanded.iter().map(|&r| (r, open_x, close_x)))
        .collect();
    // Typed first where two start together; an overlapping later mark is dropped below.
    marks.sort_by_key(|(r, o, _)| (r[0], *o != open));
    let mut out = String::with_capacity(text.len() + marks.len() * 8);
    let mut at = 0;
    for ([s, e], o, c) in marks {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(o);
        out.push_str(&text[s..e]);
        out.push_str(c);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Prints hits for a person: `path:line`, title, date, source and score, then the passage.
/// Hits of one article come together; a blank line separates articles.
pub fn hits(out: &mut dyn Write, hits: &[Hit], style: Style) -> io::Result<()> {
    let mut last_article: Option<&str> = None;
    for hit in hits {
        if last_article.is_some() && last_article != Some(hit.article_id.as_str()) {
            writeln!(out)?;
        }
        last_article = Some(&hit.article_id);
        let location = format!("{}:{}", hit.path, hit.line);
        let mut head = match style {
            Style::Color => format!(
                "{MAGENTA}{location}{RESET}  {GREEN}{}{RESET}",
                mark(&hit.title, &hit.title_highlights, style)
            ),
            Style::Plain => format!(
                "{location}  {}",
                mark(&hit.title, &hit.title_highlights, style)
            ),
        };
        let mut extra = Vec::new();
        if let Some(d) = &hit.date {
            extra.push(d.clone());
        }
        if let Some(s) = &hit.source {
            extra.push(s.clone());
        }
        if let Some(score) = hit.score {
            extra.push(format!("score {score:.2}"));
        }
        if hit.matched_by == Some("name") {
            // An entity filter met by the name in the text, not by the recognizer's tag.
            extra.push("entity by name".into());
        }
        if !extra.is_empty() {
            head.push_str(&format!("  ({})", extra.join(", ")));
        }
        writeln!(out, "{head}")?;
        writeln!(
            out,
            "    {}",
            mark_both(&hit.text, &hit.highlights, &hit.expanded_highlights, style)
        )?;
        if let Some(line) = entity_line(hit) {
            writeln!(out, "    {line}")?;
        }
        if !hit.agencies.is_empty() {
            let a: Vec<String> = hit
                .agencies
                .iter()
                .map(|a| format!("{} ({})", a.name, a.kind.label()))
                .collect();
            writeln!(out, "    credited: {}", a.join(", "))?;
        }
        if !hit.figures.is_empty() {
            let figs: Vec<String> = hit.figures.iter().map(|f| f.display()).collect();
            writeln!(out, "    figures: {}", figs.join("; "))?;
        }
        if !hit.dates.is_empty() {
            let dates: Vec<String> = hit
                .dates
                .iter()
                .map(|d| format!("{} ({})", d.text, d.value))
                .collect();
            writeln!(out, "    dates: {}", dates.join("; "))?;
        }
        let last_of_article = hits
            .iter()
            .rev()
            .find(|h| h.article_id == hit.article_id)
            .is_some_and(|h| std::ptr::eq(h, hit));
        if last_of_article && !hit.also_in.is_empty() {
            writeln!(
                out,
                "    also in {} other article{}: {}",
                hit.also_in.len(),
                if hit.also_in.len() == 1 { "" } else { "s" },
                hit.also_in.join(", ")
            )?;
        }
    }
    Ok(())
}

/// An entity's profile (`newsdex entity`), a few lines.
pub fn profile(out: &mut dyn Write, p: &crate::search::profile::Profile) -> io::Result<()> {
    let r = &p.resolved;
    let names = if r.entities.is_empty() {
        r.typed.clone()
    } else {
        r.entities.join(" / ")
    };
    writeln!(out, "{names}  ({})", r.kind.as_str())?;
    if !p.aliases.is_empty() {
        writeln!(out, "    also: {}", p.aliases.join(", "))?;
    }
    writeln!(
        out,
        "    {} articles, {} passages, {} tagged mentions",
        p.articles, p.passages, p.mentions
    )?;
    if let (Some(f), Some(l)) = (&p.first_date, &p.last_date) {
        writeln!(out, "    dated {f} to {l}")?;
    }
    if !p.agencies.is_empty() {
        let a: Vec<String> = p
            .agencies
            .iter()
            .map(|(n, c)| format!("{n} ({c})"))
            .collect();
        writeln!(out, "    credited by: {}", a.join(", "))?;
    }
    if !p.appears_with.is_empty() {
        let w: Vec<String> = p
            .appears_with
            .iter()
            .map(|n| format!("{} ({}, {})", n.name, n.kind.as_str(), n.passages))
            .collect();
        writeln!(out, "    appears with: {}", w.join(", "))?;
    }
    Ok(())
}

/// The passage's entities in one line: "people: A, B; places: C".
fn entity_line(hit: &Hit) -> Option<String> {
    let mut groups: Vec<String> = Vec::new();
    for (kind, label) in [
        (Kind::Person, "people"),
        (Kind::Organization, "organizations"),
        (Kind::Place, "places"),
    ] {
        let mut names: Vec<&str> = Vec::new();
        for m in hit.entities.iter().filter(|m| m.kind == kind) {
            if !names.contains(&m.name.as_str()) {
                names.push(&m.name);
            }
        }
        if !names.is_empty() {
            groups.push(format!("{label}: {}", names.join(", ")));
        }
    }
    (!groups.is_empty()).then(|| groups.join("; "))
}

/// Prints hits as JSON, one object per line.
pub fn hits_json(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    for hit in hits {
        serde_json::to_writer(&mut *out, hit)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The indexing summary, in one line of words.
pub fn summary(s: &Summary, corpus: &str, index: &str) -> String {
    let memory = match (s.peak_memory_bytes, s.peak_private_memory_bytes) {
        (Some(all), Some(private)) => format!(
            ", peak memory {:.0} MB ({:.0} MB private)",
            all as f64 / 1e6,
            private as f64 / 1e6
        ),
        (Some(all), None) => format!(", peak memory {:.0} MB", all as f64 / 1e6),
        _ => String::new(),
    };
    format!(
        "indexed {corpus} into {index}: {} files read, {} unchanged, {} skipped, {} removed, {} ignored (not a known format); {} records skipped, {} ignored (no article: web archive requests, errors, images); {} articles and {} passages added, {} articles and {} passages in the index; {:.2} s, {:.1} MB/s{memory}",
        s.files_read,
        s.files_unchanged,
        s.files_skipped,
        s.files_removed,
        s.files_ignored,
        s.records_skipped,
        s.records_ignored,
        s.articles_indexed,
        s.passages_indexed,
        s.articles_total,
        s.passages_total,
        s.seconds,
        s.megabytes_per_second()
    )
}

/// What `extract` shows of one article.
#[derive(Debug, Serialize)]
pub struct ExtractReport {
    pub article_id: String,
    pub title: String,
    /// The article's date (`YYYY-MM-DD`), source, URL and author, as its file gives them.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Exactly what is indexed: each passage with its ordinal (what a mention's `passage`
    /// refers to), the line it starts on, and its text.
    pub passages: Vec<crate::article::Passage>,
    pub entities: Vec<ExtractEntity>,
    pub figures: Vec<ExtractFigure>,
    pub dates: Vec<ExtractDate>,
    pub agencies: Vec<ExtractAgency>,
}

/// A date as `extract` shows it: normalised, and where it stands.
#[derive(Debug, Serialize)]
pub struct ExtractDate {
    #[serde(flatten)]
    pub date: crate::annotate::dates::DateMention,
    pub passage: u64,
    pub line: u64,
}

/// An agency as `extract` shows it.
#[derive(Debug, Serialize)]
pub struct ExtractAgency {
    pub name: String,
    pub kind: AgencyKind,
    pub aliases: Vec<String>,
    /// How the credit was found: metadata, folder, credit (a credit line), phrase.
    pub how: String,
    pub mentions: Vec<ExtractMention>,
}

/// A figure as `extract` shows it: normalised, and where it stands.
#[derive(Debug, Serialize)]
pub struct ExtractFigure {
    /// The figure normalised for people: `12,000 soldier (approx.)`.
    pub display: String,
    #[serde(flatten)]
    pub figure: Figure,
    pub passage: u64,
    pub line: u64,
}

#[derive(Debug, Serialize)]
pub struct ExtractEntity {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    pub aliases: Vec<String>,
    /// Literal mentions.
    pub mentions: Vec<ExtractMention>,
    /// Demonyms standing for this place ("Russian" for Russia), kept apart.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<ExtractMention>,
}

#[derive(Debug, Serialize)]
pub struct ExtractMention {
    pub text: String,
    pub passage: u64,
    pub line: u64,
    /// Byte offsets into the passage text.
    pub start: usize,
    pub end: usize,
}

impl ExtractReport {
    pub fn new(article: &Article, passages: &[Passage], ann: &Annotations) -> ExtractReport {
        let found = &ann.entities;
        let mut entities: Vec<ExtractEntity> = found
            .entities
            .iter()
            .map(|e| ExtractEntity {
                kind: e.kind.as_str(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                mentions: Vec::new(),
                demonyms: Vec::new(),
            })
            .collect();
        for m in &found.mentions {
            let line = crate::article::passage_index(passages, m.passage)
                .map(|i| &passages[i])
                .map_or(0, |p| p.line);
            let em = ExtractMention {
                text: m.text.clone(),
                passage: m.passage,
                line,
                start: m.start,
                end: m.end,
            };
            if m.demonym {
                entities[m.entity].demonyms.push(em);
            } else {
                entities[m.entity].mentions.push(em);
            }
        }
        entities.sort_by(|a, b| {
            a.kind
                .cmp(b.kind)
                .then(b.mentions.len().cmp(&a.mentions.len()))
                .then(a.name.cmp(&b.name))
        });
        let figures = passages
            .iter()
            .zip(&ann.passages)
            .flat_map(|(p, pa)| {
                pa.figures.iter().map(|f| ExtractFigure {
                    display: f.display(),
                    figure: f.clone(),
                    passage: p.ordinal,
                    line: p.line,
                })
            })
            .collect();
        let dates = passages
            .iter()
            .zip(&ann.passages)
            .flat_map(|(p, pa)| {
                pa.dates.iter().map(|d| ExtractDate {
                    date: d.clone(),
                    passage: p.ordinal,
                    line: p.line,
                })
            })
            .collect();
        let line_of = |ordinal: u64| {
            crate::article::passage_index(passages, ordinal)
                .map(|i| &passages[i])
                .map_or(0, |p| p.line)
        };
        let agencies = ann
            .agencies
            .agencies
            .iter()
            .enumerate()
            .map(|(i, a)| ExtractAgency {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                how: a.how.clone(),
                mentions: ann
                    .agencies
                    .mentions
                    .iter()
                    .filter(|m| m.agency == i)
                    .map(|m| ExtractMention {
                        text: m.text.clone(),
                        passage: m.passage,
                        line: line_of(m.passage),
                        start: m.start,
                        end: m.end,
                    })
                    .collect(),
            })
            .collect();
        ExtractReport {
            article_id: article.id.clone(),
            title: article.title.clone(),
            date: article.date.map(|d| d.to_string()),
            source: article.source.clone(),
            url: article.url.clone(),
            author: article.author.clone(),
            passages: passages.to_vec(),
            entities,
            figures,
            dates,
            agencies,
        }
    }
}

/// One mention: where it stands and its words.
fn mention_line(out: &mut dyn Write, m: &ExtractMention, note: &str) -> io::Result<()> {
    writeln!(
        out,
        "      line {} passage {} [{}..{}] {}{note}",
        m.line, m.passage, m.start, m.end, m.text
    )
}

/// Prints an article's entities for a person.
pub fn extract_report(out: &mut dyn Write, r: &ExtractReport) -> io::Result<()> {
    writeln!(out, "{}  {}", r.article_id, r.title)?;
    let about = [
        ("date", &r.date),
        ("source", &r.source),
        ("url", &r.url),
        ("author", &r.author),
    ];
    for (label, value) in about {
        if let Some(v) = value {
            writeln!(out, "  {label:<13} {v}")?;
        }
    }
    writeln!(out, "  {:<13} {}", "passages", r.passages.len())?;
    for e in &r.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", e.aliases.join(", "))
        };
        writeln!(out, "  {:<13} {}{}", e.kind, e.name, aliases)?;
        for m in &e.mentions {
            mention_line(out, m, "")?;
        }
        for m in &e.demonyms {
            mention_line(out, m, " (demonym)")?;
        }
    }
    for f in &r.figures {
        writeln!(
            out,
            "  {:<13} {}  \"{}\" line {} passage {} [{}..{}]",
            "figure", f.display, f.figure.text, f.line, f.passage, f.figure.start, f.figure.end
        )?;
    }
    for d in &r.dates {
        let (m, at) = (&d.date, (d.line, d.passage));
        writeln!(
            out,
            "  {:<13} {}  \"{}\" line {} passage {} [{}..{}]",
            "date", m.value, m.text, at.0, at.1, m.start, m.end
        )?;
    }
    for a in &r.agencies {
        let kind = a.kind.label();
        writeln!(
            out,
            "  {:<13} {} ({kind}, from {})",
            "agency", a.name, a.how
        )?;
        for m in &a.mentions {
            mention_line(out, m, "")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_ranges() {
        assert_eq!(
            mark("send troops now", &[[5, 11]], Style::Plain),
            "send **troops** now"
        );
        assert_eq!(
            mark("a b", &[[0, 1], [2, 3]], Style::Color),
            format!("{BOLD_RED}a{RESET} {BOLD_RED}b{RESET}")
        );
        // Out-of-range marks are ignored, not a panic.
        assert_eq!(mark("ab", &[[1, 9]], Style::Plain), "ab");
    }

    #[test]
    fn marks_expanded_words_apart_from_typed_ones() {
        let text = "troops and soldiers";
        assert_eq!(
            mark_both(text, &[[0, 6]], &[[11, 19]], Style::Plain),
            "**troops** and _soldiers_"
        );
        assert_eq!(
            mark_both(text, &[[0, 6]], &[[11, 19]], Style::Color),
            format!("{BOLD_RED}troops{RESET} and {UNDERLINE_CYAN}soldiers{RESET}")
        );
        // The same words both typed and expanded: marked as typed.
        assert_eq!(
            mark_both(text, &[[0, 6]], &[[0, 6]], Style::Plain),
            "**troops** and soldiers"
        );
    }
}
