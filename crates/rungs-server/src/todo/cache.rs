//! Each person's "Waiting for you" list, kept for a few seconds.
//!
//! The home page shows the list on every load, and computing it is two or
//! three queries: as many again as the rest of the page. People reload
//! their home page far more often than anything on it changes, so the list
//! is kept per person and reused:
//!
//! - until this process handles any request that may change something
//!   (any method but GET, HEAD and OPTIONS): then every kept list goes, so
//!   whoever submitted, confirmed or acknowledged sees the result at once;
//! - for [`FRESH_FOR`] at most, which bounds how long a change made by
//!   *another* process (a second server behind the same load balancer) or
//!   by the calendar (a due date coming near) takes to show.
//!
//! Background work (sending mail) changes nothing a list shows, so it does
//! not clear the lists.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::Todo;

/// How long a kept list is used at most.
pub(crate) const FRESH_FOR: Duration = Duration::from_secs(5);

/// The most lists kept at once; past it, all go (a simple bound on memory
/// that a burst of sign-ins across 100,000 people cannot exceed).
const MOST: usize = 20_000;

/// The kept lists, by person.
#[derive(Default)]
pub(crate) struct TodoCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Counts the clearings: a list computed before one is not kept.
    generation: u64,
    lists: HashMap<i64, (Instant, Vec<Todo>)>,
}

/// Where a list being computed started: handed back to [`TodoCache::keep`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket(u64);

impl TodoCache {
    /// The kept list of `person` if it is fresh; otherwise a ticket to keep
    /// the one about to be computed.
    pub(crate) fn get(&self, person: i64) -> Result<Vec<Todo>, Ticket> {
        let inner = self.lock();
        match inner.lists.get(&person) {
            Some((at, list)) if at.elapsed() < FRESH_FOR => Ok(list.clone()),
            _ => Err(Ticket(inner.generation)),
        }
    }

    /// Keeps `list` for `person`, unless something may have changed since
    /// the ticket was taken (the list might then be out of date already).
    pub(crate) fn keep(&self, person: i64, ticket: Ticket, list: &[Todo]) {
        let mut inner = self.lock();
        if inner.generation != ticket.0 {
            return;
        }
        if inner.lists.len() >= MOST {
            inner.lists.clear();
        }
        inner.lists.insert(person, (Instant::now(), list.to_vec()));
    }

    /// Forgets every kept list: something may have changed.
    pub(crate) fn clear(&self) {
        let mut inner = self.lock();
        inner.generation = inner.generation.wrapping_add(1);
        inner.lists.clear();
    }

    /// The lock; a panic while it was held left nothing half-done that
    /// matters (at worst a list is computed again), so a poisoned lock is
    /// used as it is.
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::todo::TodoKind;

    fn item() -> Todo {
        Todo::new(
            TodoKind::AssessmentToFill,
            crate::phrase::Phrase::new("todo-self"),
            "/app/assessments/1".into(),
            "self:1".into(),
        )
    }

    #[test]
    fn a_kept_list_is_used_until_cleared() {
        let cache = TodoCache::default();
        let Err(ticket) = cache.get(7) else {
            panic!("nothing is kept at first");
        };
        cache.keep(7, ticket, &[item()]);
        assert_eq!(cache.get(7).map(|l| l.len()).ok(), Some(1));
        assert!(cache.get(8).is_err(), "lists are per person");
        cache.clear();
        assert!(cache.get(7).is_err(), "a change forgets every list");
    }

    #[test]
    fn a_list_computed_across_a_change_is_not_kept() {
        let cache = TodoCache::default();
        let Err(ticket) = cache.get(7) else {
            panic!("nothing is kept at first");
        };
        // A write lands while the list is being computed.
        cache.clear();
        cache.keep(7, ticket, &[item()]);
        assert!(cache.get(7).is_err());
    }
}
