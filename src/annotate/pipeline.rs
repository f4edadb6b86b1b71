//! Running the annotators over articles: alone, or together with the other articles of an
//! indexing batch so that their names are weighed across the corpus.

use super::entities::ArticleEntities;
use super::{agencies, corpus_names, dates, entities, figures, ner, tokenize};
use super::{AgencyCredit, Annotations, CreditedAgency, EntityMention, PassageAnnotations};
use crate::article::{passage_index, Article, Passage};

/// A news agency the article credits is an organization wherever the recognizer took its
/// name for a person's ("SEOUL, Nov 4 (Yonhap) --").
fn agencies_are_not_people(
    entities: &mut entities::ArticleEntities,
    found: &agencies::ArticleAgencies,
) {
    let names: Vec<String> = found
        .agencies
        .iter()
        .filter(|a| a.kind == agencies::AgencyKind::Wire)
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|n| n.to_lowercase())
        .collect();
    for e in &mut entities.entities {
        if e.kind == entities::Kind::Person && names.contains(&e.name.to_lowercase()) {
            e.kind = entities::Kind::Organization;
        }
    }
}

/// Runs every annotator over an article's passages. `folder` credits the article to the
/// agency its top-level folder names (`index --agency-from-folder`). The article is read
/// alone: indexing and `extract` read articles together ([`annotate_together`]).
pub fn annotate(article: &Article, passages: &[Passage], folder: Option<&str>) -> Annotations {
    let Draft {
        passages: pas,
        reading,
    } = Draft::new(article, passages);
    let entities = reading.map(|r| r.alone).unwrap_or_default();
    complete(article, passages, folder, pas, entities)
}

/// An article to annotate with others ([`annotate_together`]).
pub struct Item<'a> {
    pub article: &'a Article,
    pub passages: &'a [Passage],
    /// The agency its folder credits, as for [`annotate`].
    pub folder: Option<&'a str>,
}

/// [`annotate`] for articles read together, as an indexing batch or a file's articles: every
/// article is read on its own first, on all cores; then their names are weighed together
/// ([`corpus_names`]), and a name that most of them give one type is that type, and a
/// mention, in the rest. `stop` is asked before each article is read: once it says yes, the
/// articles are left unread and the answer is `None` (indexing asks whether the user pressed
/// Ctrl-C).
pub fn annotate_together(
    items: &[Item],
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Annotations>> {
    use rayon::prelude::*;
    let mut drafts: Vec<Draft> = items
        .par_iter()
        .map(|i| (!stop()).then(|| Draft::new(i.article, i.passages)))
        .collect::<Option<_>>()?;
    // The articles the recognizer read (all of them, where there is a model), by position.
    let (read, readings): (Vec<usize>, Vec<entities::Reading>) = drafts
        .iter_mut()
        .enumerate()
        .filter_map(|(k, d)| Some((k, d.reading.take()?)))
        .unzip();
    let passages: Vec<&[Passage]> = read.iter().map(|&k| items[k].passages).collect();
    let mut entities: Vec<ArticleEntities> = vec![ArticleEntities::default(); items.len()];
    for (k, e) in read
        .into_iter()
        .zip(corpus_names::read_together(readings, &passages))
    {
        entities[k] = e;
    }
    let annotations = items
        .par_iter()
        .zip(drafts)
        .zip(entities)
        .map(|((i, d), e)| complete(i.article, i.passages, i.folder, d.passages, e))
        .collect();
    Some(annotations)
}

/// An article's first reading: what each passage holds that needs no other article (figures
/// and dates), and the recognizer's reading, where there is a model.
struct Draft {
    passages: Vec<PassageAnnotations>,
    reading: Option<entities::Reading>,
}

impl Draft {
    fn new(article: &Article, passages: &[Passage]) -> Draft {
        // Each passage is split into tokens once, for the figures and the recognizer.
        let tokens: Vec<Vec<tokenize::Token>> = passages
            .iter()
            .map(|p| tokenize::tokenize(&p.text))
            .collect();
        Draft {
            passages: passages
                .iter()
                .zip(&tokens)
                .map(|(p, toks)| PassageAnnotations {
                    figures: figures::find_in_tokens(&p.text, toks),
                    dates: dates::find(&p.text, toks, article.date),
                    ..Default::default()
                })
                .collect(),
            reading: ner::Model::get().map(|m| entities::Reading::new(passages, &tokens, m)),
        }
    }
}

/// Puts an article's annotations together: its passages' own, its entities, and the agencies
/// it credits.
fn complete(
    article: &Article,
    passages: &[Passage],
    folder: Option<&str>,
    passage_annotations: Vec<PassageAnnotations>,
    entities: ArticleEntities,
) -> Annotations {
    let mut out = Annotations {
        passages: passage_annotations,
        entities,
        ..Default::default()
    };
    out.agencies = agencies::find(article, passages, &out.entities, folder);
    agencies_are_not_people(&mut out.entities, &out.agencies);
    for m in &out.entities.mentions {
        let e = &out.entities.entities[m.entity];
        if let Some(i) = passage_index(passages, m.passage) {
            out.passages[i].entities.push(EntityMention {
                kind: e.kind,
                name: e.name.clone(),
                text: m.text.clone(),
                start: m.start,
                end: m.end,
                demonym: m.demonym,
            });
        }
    }
    let credited: Vec<CreditedAgency> = out
        .agencies
        .agencies
        .iter()
        .map(|a| CreditedAgency {
            name: a.name.clone(),
            kind: a.kind,
        })
        .collect();
    for pa in &mut out.passages {
        pa.article_agencies = credited.clone();
    }
    for m in &out.agencies.mentions {
        let a = &out.agencies.agencies[m.agency];
        if let Some(i) = passage_index(passages, m.passage) {
            out.passages[i].agencies.push(AgencyCredit {
                name: a.name.clone(),
                kind: a.kind,
                text: m.text.clone(),
                start: m.start,
                end: m.end,
            });
        }
    }
    out
}
