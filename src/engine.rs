//! The engine as the app shares it: one type that the views, the state
//! and the loaders all use, so none of them reaches up into another.

use std::rc::Rc;

use exposure_core::Engine;

/// The engine shared by every view; compared by identity so props stay
/// cheap, and by whether its Chinese texts had arrived when it was wrapped:
/// they arrive later (`data::load_texts`), and the views must see it.
#[derive(Clone, Debug)]
pub struct SharedEngine(pub Rc<Engine>, bool);

impl SharedEngine {
    pub fn new(engine: Rc<Engine>) -> SharedEngine {
        let texts = engine.data.has_translations();
        SharedEngine(engine, texts)
    }

    /// The engine's identity, whatever texts it has: the key of effects
    /// that must run once per engine, not again when its texts arrive.
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl PartialEq for SharedEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl std::ops::Deref for SharedEngine {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.0
    }
}
