//! The recognizer's tags: BILOU labels for each entity type, which may follow which, and
//! the entities a label sequence reads as.

/// The tags, in model order: BILOU (Begin, Inside, Last, Unit) for each type.
pub const LABELS: [&str; 17] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
pub(crate) const N: usize = LABELS.len();
/// The entity types, in the order of [`LABELS`].
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Where a label stands in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// Entity type (index into [`TYPES`]) of a label, if it is not O.
pub fn label_type(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) / 4)
}

pub fn part(label: usize) -> Part {
    if label == 0 {
        return Part::Outside;
    }
    [Part::Begin, Part::Inside, Part::Last, Part::Unit][(label - 1) % 4]
}

/// The label of a type and part.
pub fn label(entity_type: usize, part: Part) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * entity_type,
        Part::Inside => 2 + 4 * entity_type,
        Part::Last => 3 + 4 * entity_type,
        Part::Unit => 4 + 4 * entity_type,
    }
}

pub(super) fn is_open(label: usize) -> bool {
    matches!(part(label), Part::Begin | Part::Inside)
}

/// Whether `label` may follow `prev`: an open entity continues with I or L of its type;
/// otherwise a new token is O, B or U.
pub(super) fn allowed(prev: usize, l: usize) -> bool {
    if is_open(prev) {
        label_type(l) == label_type(prev) && matches!(part(l), Part::Inside | Part::Last)
    } else {
        matches!(part(l), Part::Outside | Part::Begin | Part::Unit)
    }
}

/// Closes an entity left open at the end of a sentence (B becomes U, I becomes L).
pub(super) fn close_sentence(tags: &mut [usize]) {
    if let Some(last) = tags.last_mut() {
        if let Some(t) = label_type(*last) {
            match part(*last) {
                Part::Begin => *last = label(t, Part::Unit),
                Part::Inside => *last = label(t, Part::Last),
                _ => {}
            }
        }
    }
}

/// Entities `(type, start, end)` in a label sequence, read leniently (an I or L with no
/// open entity of its type starts one; an entity not closed ends where the next begins).
pub fn chunks(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = label_type(l);
        let p = part(l);
        if let Some((ct, s)) = cur {
            if t == Some(ct) && matches!(p, Part::Inside | Part::Last) {
                if p == Part::Last {
                    out.push((ct, s, i + 1));
                    cur = None;
                }
                continue;
            }
            out.push((ct, s, i));
            cur = None;
        }
        if let Some(t) = t {
            match p {
                Part::Begin | Part::Inside => cur = Some((t, i)),
                _ => out.push((t, i, i + 1)),
            }
        }
    }
    if let Some((ct, s)) = cur {
        out.push((ct, s, labels.len()));
    }
    out
}

/// Labels of a sentence read backwards: reversed, with Begin and Last swapped.
pub(crate) fn reverse_labels(labels: &[usize]) -> Vec<usize> {
    labels
        .iter()
        .rev()
        .map(|&l| match (label_type(l), part(l)) {
            (Some(t), Part::Begin) => label(t, Part::Last),
            (Some(t), Part::Last) => label(t, Part::Begin),
            _ => l,
        })
        .collect()
}
