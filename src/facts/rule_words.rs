//! What a rule's own words add to a figure it claims: a year for a phrase
//! ("before the pandemic": 2019), a role for a cue ("the plan foresees"),
//! the basis of a change ("in yuan terms") and the sources a figure is
//! attributed to, dimension by dimension. The figure's own reading (its
//! period, its role) comes from `extract`; these only fill in what the
//! rule's author knows about the domain.

use crate::documents::Document;
use crate::extract::{own_clause_after, own_clause_before, PeriodBasis, Quantity, Role};
use crate::period::Period;
use crate::rules::Metric;

/// `q`'s period and how it was found, with the rule's period phrases: a
/// phrase in the sentence gives its year to a figure whose own sentence
/// states none (or only suggests one).
pub(super) fn phrase_period(
    q: &Quantity,
    metric: &Metric,
    sentence: &str,
) -> (Option<Period>, PeriodBasis) {
    let weak = q.period.is_none()
        || matches!(
            q.period_basis,
            PeriodBasis::Assumed | PeriodBasis::Story | PeriodBasis::Carried
        );
    if !weak || q.period_basis == PeriodBasis::Base {
        return (q.period, q.period_basis);
    }
    match metric
        .period_phrases
        .iter()
        .find(|(r, _)| r.is_match(sentence))
    {
        Some((_, year)) => (Some(Period::year(*year)), PeriodBasis::Assumed),
        None => (q.period, q.period_basis),
    }
}

/// `q`'s role, with the rule's own cues over the figure's clause (the text
/// of its sentence before it, from the last clause boundary; for targets,
/// also the clause after it). A conversion stays one.
pub(super) fn role(
    doc: &Document,
    q: &Quantity,
    metric: &Metric,
    sentence: std::ops::Range<usize>,
) -> Role {
    let cues = &metric.roles;
    let none = cues.target.is_empty() && cues.claim.is_empty() && cues.forecast.is_empty();
    if none || q.role == Role::Conversion {
        return q.role;
    }
    let before = own_clause_before(doc.text.get(sentence.start..q.start).unwrap_or(""));
    let after = own_clause_after(doc.text.get(q.end..sentence.end).unwrap_or(""));
    if cues
        .target
        .iter()
        .any(|r| r.is_match(before) || r.is_match(after))
    {
        Role::Target
    } else if cues.claim.iter().any(|r| r.is_match(before)) {
        Role::Claim
    } else if cues.forecast.iter().any(|r| r.is_match(before)) {
        Role::Forecast
    } else {
        q.role
    }
}

/// The basis of a change metric's figure: the first of the rule's bases
/// whose pattern matches the sentence.
pub(super) fn basis(metric: &Metric, sentence: &str) -> Option<String> {
    metric
        .basis
        .iter()
        .find(|(_, r)| r.is_match(sentence))
        .map(|(name, _)| name.clone())
}

/// The sources of the rule's further dimensions the sentence names, as
/// (dimension, source), in the rule's order.
pub(super) fn dimensions(metric: &Metric, sentence: &str) -> Vec<(String, String)> {
    metric
        .dimensions
        .iter()
        .filter_map(|d| {
            d.sources
                .iter()
                .find(|(_, r)| r.is_match(sentence))
                .map(|(source, _)| (d.name.clone(), source.clone()))
        })
        .collect()
}
