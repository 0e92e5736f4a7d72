//! The values the app shares by identity: the engine and the data's
//! Chinese texts. One type each, so the views, the state and the loaders
//! use the same one and none of them reaches up into another.

use std::rc::Rc;

use exposure_core::{Engine, Translations};

/// The engine shared by every view, compared by identity so props stay
/// cheap. A new data set (notices, a catalogue) is a new engine.
#[derive(Clone, Debug)]
pub struct SharedEngine(pub Rc<Engine>);

impl SharedEngine {
    pub fn new(engine: Rc<Engine>) -> SharedEngine {
        SharedEngine(engine)
    }
}

impl PartialEq for SharedEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedEngine {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.0
    }
}

/// The data's Chinese texts (`zh.json`), loaded once when someone reads in
/// Chinese and given to rendering beside the engine; compared by identity.
#[derive(Clone, Debug)]
pub struct SharedTexts(pub Rc<Translations>);

impl SharedTexts {
    pub fn new(texts: Translations) -> SharedTexts {
        SharedTexts(Rc::new(texts))
    }
}

impl PartialEq for SharedTexts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
