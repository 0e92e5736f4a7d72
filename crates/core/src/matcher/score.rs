//! The score levels of a match (0–1000; higher is surer), named once, and
//! the bonus a suggestion gets for how much of a name was typed.

/// A name or alias as typed.
pub const EXACT: u32 = 1000;
/// A name or alias with spaces closed up.
pub const SQUASHED: u32 = 980;
/// The organization's web address.
pub const DOMAIN: u32 = 970;
/// The same words in another order.
pub const SAME_WORDS: u32 = 950;
/// A slip of the keyboard (less 100 per letter off); also a suggestion
/// whose name begins with what was typed.
pub const TYPO: u32 = 900;
pub const NAME_PREFIX: u32 = 900;
/// A name inside a longer text (less 40 per word around it).
pub const CONTAINED: u32 = 860;
/// A suggestion whose name, without spaces, begins with what was typed.
pub const SQUASHED_PREFIX: u32 = 850;
/// A suggestion with a later word of its name beginning with what was
/// typed.
pub const WORD_PREFIX: u32 = 700;
/// A suggestion with a slip in what was typed so far (less 100 per
/// letter off).
pub const TYPED_SO_FAR_TYPO: u32 = 650;
/// Lowest score `resolve` accepts.
pub const ACCEPT: u32 = 600;

/// Up to 49 points for how much of the name has been typed.
pub(crate) fn bonus(typed: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    ((typed.min(total) * 49) / total) as u32
}
