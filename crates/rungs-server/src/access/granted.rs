//! One shape for the capabilities that say "this viewer may do this to that
//! person": [`Granted`], with a kind that names what is granted. Only the
//! rules in `access` make one.

use std::marker::PhantomData;

use crate::auth::Viewer;

/// Proof that `viewer` may do `K` to one person. Made only by the rules of
/// `access`; an operation that takes one cannot be called without them.
#[derive(Debug)]
pub(crate) struct Granted<'v, K> {
    viewer: &'v Viewer,
    person: i64,
    kind: PhantomData<K>,
}

impl<'v, K> Granted<'v, K> {
    /// The grant, once a rule said yes.
    pub(in crate::access) fn new(viewer: &'v Viewer, person: i64) -> Self {
        Granted {
            viewer,
            person,
            kind: PhantomData,
        }
    }

    /// Who may.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// To whom.
    pub(crate) fn person(&self) -> i64 {
        self.person
    }
}

/// What is granted.
pub(crate) mod kind {
    /// Setting the level: a placement, or confirming a rollout's proposal.
    #[derive(Debug)]
    pub(crate) enum Place {}
    /// Proposing the level in a rollout.
    #[derive(Debug)]
    pub(crate) enum Propose {}
    /// Acknowledging one's own level.
    #[derive(Debug)]
    pub(crate) enum Acknowledge {}
    /// Setting and changing goals.
    #[derive(Debug)]
    pub(crate) enum Goals {}
    /// Writing a 1-on-1 note.
    #[derive(Debug)]
    pub(crate) enum Note {}
}

/// Proof that the viewer may set one person's level: a placement, or
/// confirming a level proposed in a rollout.
pub(crate) type Placing<'v> = Granted<'v, kind::Place>;
/// Proof that the viewer may propose one person's level in a rollout.
pub(crate) type Proposing<'v> = Granted<'v, kind::Propose>;
/// Proof that the viewer is the person acknowledging their own level.
pub(crate) type Acknowledging<'v> = Granted<'v, kind::Acknowledge>;
/// Proof that the viewer may set and change one person's goals.
pub(crate) type GoalsWrite<'v> = Granted<'v, kind::Goals>;
/// Proof that the viewer may write a 1-on-1 note of one person's.
pub(crate) type NoteWrite<'v> = Granted<'v, kind::Note>;
