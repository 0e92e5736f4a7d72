//! Values every view shares, given once by the root component through
//! Yew's `ContextProvider` instead of threaded through every component's
//! props: the page's language with the data's texts in it, and the engine
//! in use (none until the data set is here).

use exposure_core::Locale;
use yew::prelude::*;

use crate::engine::{SharedEngine, SharedTexts};
use crate::i18n::Lang;

/// The engine in use, or none while the data set downloads.
#[derive(Clone, PartialEq)]
pub struct EngineContext(pub Option<SharedEngine>);

/// The page's language, and the data's Chinese texts once they are here.
#[derive(Clone, PartialEq, Default)]
pub struct LocaleContext {
    pub lang: Lang,
    pub texts: Option<SharedTexts>,
}

impl LocaleContext {
    /// The locale the core renders data texts in.
    pub fn locale(&self) -> Locale<'_> {
        Locale::new(self.lang, self.texts.as_ref().map(|t| &*t.0))
    }
}

/// The page's language.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LocaleContext>().unwrap_or_default().lang
}

/// The page's language with the data's texts in it.
#[hook]
pub fn use_locale() -> LocaleContext {
    use_context::<LocaleContext>().unwrap_or_default()
}

/// What a view over the data needs: the engine in use and the page's
/// locale, together (none while the data set downloads).
#[derive(Clone)]
pub struct DataView {
    pub engine: SharedEngine,
    pub locale: LocaleContext,
}

impl DataView {
    pub fn ds(&self) -> &exposure_core::DataSet {
        &self.engine.data
    }

    pub fn lang(&self) -> Lang {
        self.locale.lang
    }

    /// The data's texts in the page's locale.
    pub fn texts(&self) -> exposure_core::Texts<'_> {
        self.engine.data.texts(self.locale.locale())
    }
}

/// The engine and the locale, when the data set is here.
#[hook]
pub fn use_view() -> Option<DataView> {
    let locale = use_locale();
    use_engine().map(|engine| DataView { engine, locale })
}

/// The engine in use, when the data set is here.
#[hook]
pub fn use_engine() -> Option<SharedEngine> {
    use_context::<EngineContext>().and_then(|c| c.0)
}
