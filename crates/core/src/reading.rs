//! Reading company names out of what a person gives: a typed name, a pasted
//! list, a file, or a name as a register files it ("T-Mobile USA/Experian",
//! "Conduent on behalf of Blue Cross"). One path for the page and the CLI.

use serde::Serialize;

use crate::exposure::CompanyQuery;
use crate::json::{json_enum, json_struct};
use crate::matcher::{MatchReason, OrgMatch};
use crate::model::{AliasKind, Sector};
use crate::normalize::normalize;
use crate::Engine;

/// How a typed name was matched to an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameHow {
    /// Its web address.
    Domain,
    /// Its name.
    Name,
    /// Its name as registered or filed.
    LegalName,
    /// A brand or trade name.
    Brand,
    /// A name it used before.
    FormerName,
    Ticker,
    /// A misspelling the data knows.
    KnownMisspelling,
    ChineseName,
    ShortName,
    /// A further web domain of it.
    OtherDomain,
    /// One of its names without spaces.
    WithoutSpaces,
    /// The same words in another order.
    WordsReordered,
    /// One of its names inside a longer text.
    InsideText,
    /// A one-letter slip of one of its names.
    Slip,
    /// Picked from the suggestions by the person.
    Chosen,
}

/// How sure the reading of a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read as this organization from a slip ("read as Bank of America"):
    /// its matches are at most `likely`.
    ReadAs,
    /// Its name is in a longer text, or its words in another order.
    Likely,
    /// A name, alias or web address of the organization.
    Sure,
}

/// How a typed name was matched, and how sure that is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameMatch {
    pub how: NameHow,
    pub certainty: Certainty,
    /// The name or alias it was matched through, as the data writes it.
    pub matched: String,
}

json_enum!(NameHow {
    Domain = "domain",
    Name = "name",
    LegalName = "legal_name",
    Brand = "brand",
    FormerName = "former_name",
    Ticker = "ticker",
    KnownMisspelling = "known_misspelling",
    ChineseName = "chinese_name",
    ShortName = "short_name",
    OtherDomain = "other_domain",
    WithoutSpaces = "without_spaces",
    WordsReordered = "words_reordered",
    InsideText = "inside_text",
    Slip = "slip",
    Chosen = "chosen",
});
json_enum!(Certainty { ReadAs = "read_as", Likely = "likely", Sure = "sure" });
json_struct!(lenient NameMatch { how, certainty, matched });

impl NameMatch {
    /// The person picked the organization themselves.
    pub fn chosen(name: &str) -> NameMatch {
        NameMatch {
            how: NameHow::Chosen,
            certainty: Certainty::Sure,
            matched: name.to_string(),
        }
    }
}

/// Longest name kept from one line, in characters.
const MAX_LINE_CHARS: usize = 200;

/// Splits pasted text into lines that each name a company: one per line
/// (also ";" or tabs), list bullets taken off, empty lines dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(['\n', '\r', ';', '\t'])
        .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().take(MAX_LINE_CHARS).collect())
        .collect()
}

/// Separators between two organizations in one filed name. "&" and "and"
/// are tried only when the whole name is no organization (AT&T, Johnson &
/// Johnson).
const JOINERS: &[&str] = &["/", " & ", "&", " and ", " + "];

/// Where what follows a name is not part of it (lower case, ASCII).
const CUTS: &[&str] = &[
    " and/or its affiliates",
    " and / or its affiliates",
    " and /or its affiliates",
    " and/or it's affiliates",
    " and its affiliates",
    " and affiliates",
    " and subsidiaries",
    " and its subsidiaries",
    ", its affiliates",
    ", it affiliates",
    ", its affilitates",
    ", including",
    " including ",
    ", a division of ",
    " a division of ",
    ", a wholly owned subsidiary of",
    ", a subsidiary of",
    " - ",
    " – ",
    " — ",
    "-ca ",
    ", ",
];

/// Words of corporate form that end a filed name without naming anyone.
const FORM_WORDS: &[&str] = &[
    "inc",
    "llc",
    "corp",
    "corporation",
    "company",
    "co",
    "companies",
    "ltd",
    "lp",
    "plc",
    "services",
    "operations",
    "holdings",
    "management",
    "systems",
    "franchises",
    "usa",
    "association",
    "national",
    "na",
    "fsb",
    "group",
    "stores",
    "store",
    "online",
    "service",
];

/// Words that say which part, product line or place of a company filed,
/// after its name: never a name of their own.
const UNIT_WORDS: &[&str] = &[
    "benefits",
    "dental",
    "prepaid",
    "merchant",
    "photo",
    "center",
    "centre",
    "business",
    "advisors",
    "advisers",
    "financial",
    "retirement",
    "plan",
    "plans",
    "market",
    "mutual",
    "insurance",
    "clinic",
    "clinics",
    "tools",
    "animal",
    "supplies",
    "brands",
    "bistro",
    "china",
    "travel",
    "related",
    "of",
    "the",
    "and",
    "in",
    "at",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "region",
    "department",
    "research",
    "office",
    "division",
    "unit",
    "ca",
    "california",
    "delaware",
    "texas",
    "florida",
    "new",
    "york",
    "jersey",
    "washington",
    "oregon",
    "nevada",
    "arizona",
    "illinois",
    "ohio",
    "michigan",
    "georgia",
    "virginia",
    "carolina",
    "pennsylvania",
    "massachusetts",
    "colorado",
    "utah",
    "idaho",
    "montana",
    "wisconsin",
    "minnesota",
    "iowa",
    "missouri",
    "kentucky",
    "tennessee",
    "alabama",
    "mississippi",
    "louisiana",
    "arkansas",
    "oklahoma",
    "kansas",
    "nebraska",
    "dakota",
    "wyoming",
    "mexico",
    "maryland",
    "connecticut",
    "maine",
    "vermont",
    "hampshire",
    "rhode",
    "island",
    "hawaii",
    "alaska",
    "indiana",
    "west",
    "east",
    "north",
    "south",
];

/// The text without anything in parentheses or brackets.
fn without_parentheses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Abbreviations registers write for words of a name (ASCII, lower case,
/// with the dot as filed): tried spelt out.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("calif.", "California"),
    ("dept.", "Department"),
    ("dept", "Department"),
    ("ins.", "Insurance"),
    ("univ.", "University"),
    ("hosp.", "Hospital"),
    ("natl.", "National"),
    ("nat'l", "National"),
    ("assn.", "Association"),
    ("svcs.", "Services"),
    ("intl.", "International"),
    ("int'l", "International"),
    ("mgmt.", "Management"),
    ("ctr.", "Center"),
    ("ctr", "Center"),
    ("med.", "Medical"),
];

/// The campuses of the University of California, which files as
/// "University of California[,] [at] Davis" and is known as "UC Davis".
const UC_CAMPUSES: &[&str] = &[
    "berkeley",
    "davis",
    "irvine",
    "los angeles",
    "merced",
    "riverside",
    "san diego",
    "san francisco",
    "santa barbara",
    "santa cruz",
];

/// The name with registers' abbreviations spelt out, and a University of
/// California campus written the way it is known ("UC Davis …"); `None`
/// when nothing changes.
fn spelt_out(line: &str) -> Option<String> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let bare = lower.trim_end_matches(',');
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == bare)
                .map(|(_, full)| {
                    let comma = if lower.ends_with(',') { "," } else { "" };
                    format!("{full}{comma}")
                })
                .unwrap_or_else(|| w.to_string())
        })
        .collect();
    let mut text = words.join(" ");
    let lower = text.to_ascii_lowercase();
    const UC: &str = "university of california";
    if let Some(at) = lower.find(UC) {
        // ASCII lower case keeps byte positions: indexes of `lower` are
        // those of `text`.
        let b = lower.as_bytes();
        let mut i = at + UC.len();
        while i < b.len() && (b[i] == b',' || b[i] == b' ') {
            i += 1;
        }
        if lower[i..].starts_with("at ") {
            i += 3;
        }
        let campus = UC_CAMPUSES.iter().any(|c| {
            lower[i..].starts_with(c)
                && lower[i + c.len()..]
                    .chars()
                    .next()
                    .is_none_or(|ch| !ch.is_alphanumeric())
        });
        if campus {
            text = format!("{}UC {}", &text[..at], &text[i..]);
        }
    }
    (text != line.split_whitespace().collect::<Vec<_>>().join(" ")).then_some(text)
}

/// Words that, after an organization's name, say which of its hospitals,
/// plans, schools or hotels filed ("Kaiser Permanente Health Plan",
/// "Providence Saint Joseph Medical Center", "UC San Diego School of
/// Medicine"), by the organization's sector: a hospital's word does not
/// make "Providence College" the health system.
fn unit_nouns(sector: Sector) -> &'static [&'static str] {
    match sector {
        // An insurer's name before "Pharmacy" or "Home Health Care" is
        // another company's ("Guardian Pharmacy"); only its plans are its.
        Sector::Insurer => &["plan", "plans"],
        Sector::Health => &[
            "hospital",
            "hospitals",
            "medical",
            "health",
            "healthcare",
            "clinic",
            "clinics",
            "plan",
            "physicians",
            "pharmacy",
        ],
        Sector::Education => &["school", "campus", "extension", "sessions", "education"],
        Sector::Travel | Sector::Entertainment => &["hotel", "hotels", "casino", "resort"],
        _ => &[],
    }
}

/// Notification and claims administrators: they file or write for the
/// organization whose data it was, and are never the company meant.
const ADMINISTRATORS: &[&str] = &[
    "kroll",
    "epiq",
    "idx",
    "experian",
    "equifax",
    "transunion",
    "cyberscout",
    "identityforce",
    "aura",
    "mullen coughlin",
    "baker hostetler",
    "bakerhostetler",
    "mcdonald hopkins",
    "constangy",
    "lewis brisbois",
    "clark hill",
];

/// Matched by web address, a name or alias, or the same without spaces.
fn sure(m: &OrgMatch) -> bool {
    matches!(
        m.reason,
        MatchReason::Domain | MatchReason::Exact | MatchReason::Squashed
    )
}

impl Engine {
    /// How a resolved name was matched (which kind of name, how sure).
    pub fn name_match(&self, m: &OrgMatch) -> NameMatch {
        let (how, certainty) = match m.reason {
            MatchReason::Domain => (NameHow::Domain, Certainty::Sure),
            MatchReason::Exact => {
                let kind = self.data.org(&m.org_id).and_then(|o| {
                    o.aliases
                        .iter()
                        .find(|a| a.name == m.matched)
                        .map(|a| a.kind)
                });
                let how = match kind {
                    None => NameHow::Name,
                    Some(AliasKind::Legal) => NameHow::LegalName,
                    Some(AliasKind::Brand) => NameHow::Brand,
                    Some(AliasKind::Former) => NameHow::FormerName,
                    Some(AliasKind::Ticker) => NameHow::Ticker,
                    Some(AliasKind::Domain) => NameHow::OtherDomain,
                    Some(AliasKind::Misspelling) => NameHow::KnownMisspelling,
                    Some(AliasKind::Zh) => NameHow::ChineseName,
                    Some(AliasKind::Short) => NameHow::ShortName,
                };
                (how, Certainty::Sure)
            }
            MatchReason::Squashed => (NameHow::WithoutSpaces, Certainty::Sure),
            MatchReason::SameWords => (NameHow::WordsReordered, Certainty::Likely),
            MatchReason::Contained => (NameHow::InsideText, Certainty::Likely),
            MatchReason::Typo | MatchReason::Prefix => (NameHow::Slip, Certainty::ReadAs),
        };
        NameMatch {
            how,
            certainty,
            matched: m.matched.clone(),
        }
    }

    /// Every company named in `text`: one per line of a list, two for a
    /// filed name that joins two organizations, the organization meant for
    /// "A on behalf of B" (B, and A too when it is B's vendor).
    pub fn read_companies(&self, text: &str) -> Vec<CompanyQuery> {
        let mut out: Vec<CompanyQuery> = Vec::new();
        for line in split_list(text) {
            for q in self.read_line(&line) {
                let dup = q.org_id.is_some() && out.iter().any(|o| o.org_id == q.org_id);
                if !dup {
                    out.push(q);
                }
            }
        }
        out
    }

    /// The companies one line names (see [`Engine::read_companies`]).
    pub(crate) fn read_line(&self, line: &str) -> Vec<CompanyQuery> {
        let query = |input: &str, m: Option<OrgMatch>| CompanyQuery {
            input: input.trim().to_string(),
            name_match: m.as_ref().map(|m| self.name_match(m)),
            org_id: m.map(|m| m.org_id),
            ..Default::default()
        };
        let whole = self.resolve(line);
        if let Some(parts) = self.on_behalf_of(line) {
            return parts;
        }
        if whole.as_ref().is_some_and(sure) {
            return vec![query(line, whole)];
        }
        // Two organizations joined by "/" or "&": each part that is one.
        // Failing that, the first part of "A/B/C" or "A & B" when only it is
        // known and the others read as names, not a word of one ("Raley's/
        // Bel Air Mart/…", not "Marks & Associates"): kept for when nothing
        // else reads the line.
        let mut first_known: Option<(String, OrgMatch)> = None;
        for sep in JOINERS {
            let parts: Vec<&str> = line
                .split(sep)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let found: Vec<(&str, Option<OrgMatch>)> =
                parts.iter().map(|p| (*p, self.resolve(p))).collect();
            let known = found.iter().filter(|(_, m)| m.is_some()).count();
            let all_sure = found.iter().all(|(_, m)| m.as_ref().is_some_and(sure));
            if all_sure || (known >= 2 && whole.is_none()) {
                return found
                    .into_iter()
                    .filter(|(_, m)| m.is_some())
                    .map(|(p, m)| query(p, m))
                    .collect();
            }
            let others_are_names = found[1..]
                .iter()
                .all(|(p, m)| m.is_none() && p.split_whitespace().count() >= 2);
            if first_known.is_none() && matches!(*sep, "/" | " & ") && others_are_names {
                first_known = found[0]
                    .1
                    .clone()
                    .filter(|m| self.as_written(line, m))
                    .map(|m| (found[0].0.to_string(), m));
            }
        }
        if whole.is_none() {
            // Read through what surrounds the name: likely, not sure.
            let through = |(text, m): (String, OrgMatch)| {
                let mut q = query(line, Some(m));
                if let Some(n) = &mut q.name_match {
                    n.certainty = n.certainty.min(Certainty::Likely);
                    n.matched = text;
                }
                vec![q]
            };
            if let Some(read) = self
                .undecorated(line)
                .or(first_known)
                .or_else(|| self.known_tail(line))
            {
                return through(read);
            }
        }
        vec![query(line, whole)]
    }

    /// A name or web address as written, not a word of a longer text with
    /// spaces closed up ("Medical Corp DBA …" is not Medi-Cal), nor a ticker
    /// read out of it.
    fn as_written(&self, line: &str, m: &OrgMatch) -> bool {
        matches!(m.reason, MatchReason::Domain | MatchReason::Exact)
            && !self.loose_short_alias(line, m)
    }

    /// A whole known name after the last comma of a filing that begins with
    /// names the data does not know ("San Francisco Head Start, San
    /// Francisco State University").
    fn known_tail(&self, line: &str) -> Option<(String, OrgMatch)> {
        let (_, tail) = line.rsplit_once(", ")?;
        let tail = tail.trim();
        if tail.split_whitespace().count() < 2 {
            return None;
        }
        self.resolve(tail)
            .filter(|m| self.as_written(line, m))
            .map(|m| (tail.to_string(), m))
    }

    /// A filed name that is a known organization's name once what surrounds
    /// it is taken off: a parenthesis ("(“AXP”)"), a list of affiliates
    /// ("and/or its affiliates", "including …"), a unit or place after a
    /// dash or comma ("– Lawton", ", College of Engineering"), the company a
    /// division belongs to ("a division of …"), or words of corporate form
    /// at the end ("Services, Inc.", "Holdings", "National Association").
    /// Only a sure match (a name, alias or web address) of what is left
    /// counts: surroundings never make a guess.
    fn undecorated(&self, line: &str) -> Option<(String, OrgMatch)> {
        // Hash look-ups only (web address, name, name without spaces): no
        // typo search for each of the many texts tried.
        // One word taken out of a longer name is read only as it is
        // written, not with the spaces of a name closed up ("Medical
        // Center, LLP" is not "Medi-Cal").
        let one_word = |t: &str| t.split_whitespace().count() == 1;
        let sure_match = |t: &str| {
            self.names
                .with(&self.data)
                .resolve_exact(t)
                .filter(sure)
                .filter(|m| !self.loose_short_alias(line, m))
                .filter(|m| {
                    !(m.reason == MatchReason::Squashed && one_word(t) && t.trim() != line.trim())
                })
                .map(|m| (t.trim().to_string(), m))
        };
        let plain = without_parentheses(line);
        let mut tries: Vec<String> = vec![plain.clone()];
        tries.extend(spelt_out(&plain));
        let lower = plain.to_ascii_lowercase();
        // The head before a cut, and for a division the company it is part of.
        let mut heads: Vec<String> = Vec::new();
        let mut owners: Vec<String> = Vec::new();
        for cut in CUTS {
            if let Some(at) = lower.find(cut) {
                heads.push(plain[..at].to_string());
                if cut.contains("division of") {
                    owners.push(plain[at + cut.len()..].to_string());
                }
            }
        }
        heads.sort_by_key(|h| std::cmp::Reverse(h.len()));
        tries.extend(heads);
        let mut all: Vec<String> = Vec::new();
        for t in tries.into_iter().chain(owners) {
            let t = t.trim().trim_end_matches([',', '.', ';', ' ']).to_string();
            if t.is_empty() || all.contains(&t) {
                continue;
            }
            all.push(t.clone());
            // Corporate-form words off the end, one at a time.
            let mut words: Vec<&str> = t.split_whitespace().collect();
            while words.len() > 1 {
                let last = words[words.len() - 1]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase();
                if !FORM_WORDS.contains(&last.as_str()) {
                    break;
                }
                words.pop();
                let shorter = words
                    .join(" ")
                    .trim_end_matches([',', '.', ' '])
                    .to_string();
                if !all.contains(&shorter) {
                    all.push(shorter);
                }
            }
        }
        all.iter()
            .find_map(|t| sure_match(t))
            .or_else(|| {
                // A known name followed only by words that say which part of
                // it filed ("Cigna Dental", "Molina Healthcare of California").
                all.iter().find_map(|t| {
                    let words: Vec<&str> = t.split_whitespace().collect();
                    (1..words.len()).rev().find_map(|n| {
                        let rest_is_descriptive = words[n..].iter().all(|w| {
                            let w = w
                                .trim_matches(|c: char| !c.is_alphanumeric())
                                .to_ascii_lowercase();
                            w.is_empty()
                                || FORM_WORDS.contains(&w.as_str())
                                || UNIT_WORDS.contains(&w.as_str())
                        });
                        let head = words[..n].join(" ");
                        let letters = |s: &str| -> String {
                            s.chars()
                                .filter(|c| c.is_alphanumeric())
                                .flat_map(char::to_lowercase)
                                .collect()
                        };
                        // The head must be a whole name as the data writes it,
                        // of some length: not "City" read through "City Holding
                        // Company", not "Bank".
                        (rest_is_descriptive && letters(&head).chars().count() >= 4)
                            .then(|| sure_match(&head))
                            .flatten()
                            .filter(|(_, m)| letters(&m.matched) == letters(&head))
                    })
                })
            })
            .or_else(|| all.iter().find_map(|t| self.name_and_unit(t, &sure_match)))
            .or_else(|| {
                // A one-letter slip in a name that carried a parenthesis or a
                // list of affiliates: read as, never sure.
                all.iter()
                    .filter(|t| t.as_str() != line.trim())
                    .find_map(|t| {
                        self.resolve(t)
                            .filter(|m| m.reason == MatchReason::Typo)
                            .map(|m| (t.clone(), m))
                    })
            })
    }

    /// A known name followed by the hospital, plan, school or hotel of it
    /// that filed, in a word of the organization's own sector ("Providence
    /// Saint Joseph Medical Center", "Kaiser Health Plan").
    fn name_and_unit(
        &self,
        text: &str,
        sure_match: &dyn Fn(&str) -> Option<(String, OrgMatch)>,
    ) -> Option<(String, OrgMatch)> {
        // A unit is named in a few words; more is a description.
        const MAX_UNIT_WORDS: usize = 5;
        let words: Vec<&str> = text.split_whitespace().collect();
        let bare = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        };
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        (1..words.len()).rev().find_map(|n| {
            let rest: Vec<&str> = words[n..]
                .iter()
                .copied()
                .filter(|w| letters(w) > 0 && !w.eq_ignore_ascii_case("and"))
                .collect();
            let head = words[..n].join(" ");
            // One word after a name may be another institution's name
            // ("Florida State College", "Providence Hospital").
            if rest.len() < 2 || rest.len() > MAX_UNIT_WORDS || letters(&head) < 4 {
                return None;
            }
            let (t, m) = sure_match(&head)?;
            let org = self.data.org(&m.org_id)?;
            // One word before the unit is the organization's own name, not
            // a short form ("Aspen Healthcare Services" is not Aspen
            // Dental's, "Gonzaga Preparatory School" not the university).
            if n == 1 && !m.matched.eq_ignore_ascii_case(&org.name) {
                return None;
            }
            let nouns = unit_nouns(org.sector);
            rest.iter()
                .any(|w| nouns.contains(&bare(w).as_str()))
                .then_some((t, m))
        })
    }

    /// "A on behalf of B": B is the company; A too when the data knows A as
    /// B's vendor, never a notification or claims administrator; A alone
    /// when the data does not know B.
    pub(crate) fn on_behalf_of(&self, line: &str) -> Option<Vec<CompanyQuery>> {
        // ASCII case only: byte positions stay those of `line`.
        let lower = line.to_ascii_lowercase();
        // "A c/o B" (outside a parenthesis: "(submitted c/o a vendor)"
        // only says who sent the filing) reads as "A on behalf of B".
        let outside = |at: usize| {
            let open = lower[..at].matches(['(', '[']).count();
            let close = lower[..at].matches([')', ']']).count();
            open <= close
        };
        let (at, len) = lower
            .find(" on behalf of ")
            .map(|at| (at, " on behalf of ".len()))
            .or_else(|| {
                lower
                    .match_indices(" c/o ")
                    .map(|(at, _)| at)
                    .find(|&at| outside(at))
                    .map(|at| (at, " c/o ".len()))
            })?;
        let filer = line[..at].trim_end_matches([',', ' ']);
        let client = &line[at + len..];
        let client_match = self
            .resolve(client)
            .or_else(|| self.undecorated(client).map(|(_, m)| m));
        let mut out = vec![CompanyQuery {
            input: client.trim().to_string(),
            org_id: client_match.as_ref().map(|m| m.org_id.clone()),
            name_match: client_match.as_ref().map(|m| self.name_match(m)),
            ..Default::default()
        }];
        let filer_key = normalize(filer);
        let administrator = ADMINISTRATORS
            .iter()
            .any(|a| filer_key == *a || filer_key.starts_with(&format!("{a} ")));
        let filer_match = self
            .resolve(filer)
            .or_else(|| self.undecorated(filer).map(|(_, m)| m));
        // A client the data does not know ("51 franchised center locations",
        // a car dealer) leaves the filer as the company the data knows —
        // unless the filer only sends letters for others.
        if client_match.is_none() && !administrator {
            if let Some(f) = &filer_match {
                return Some(vec![CompanyQuery {
                    input: filer.trim().to_string(),
                    name_match: Some(self.name_match(f)),
                    org_id: Some(f.org_id.clone()),
                    ..Default::default()
                }]);
            }
        }
        if let (Some(c), Some(f), false) = (&client_match, filer_match, administrator) {
            let vendor = self
                .data
                .relationships
                .iter()
                .any(|r| r.client == c.org_id && r.vendor == f.org_id && r.is_sourced());
            if vendor {
                out.push(CompanyQuery {
                    input: filer.trim().to_string(),
                    name_match: Some(self.name_match(&f)),
                    org_id: Some(f.org_id),
                    ..Default::default()
                });
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_list_table() {
        let cases: &[(&str, &[&str])] = &[
            ("AT&T", &["AT&T"]),
            (
                "AT&T\nBank of America\r\n\nTicketmaster",
                &["AT&T", "Bank of America", "Ticketmaster"],
            ),
            ("- AT&T\n* Cricket\n• BofA", &["AT&T", "Cricket", "BofA"]),
            ("AT&T; Ticketmaster", &["AT&T", "Ticketmaster"]),
            ("\n\n  \n", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(split_list(input), *want, "{input:?}");
        }
    }

    fn ids(engine: &Engine, text: &str) -> Vec<Option<String>> {
        engine
            .read_companies(text)
            .into_iter()
            .map(|q| q.org_id)
            .collect()
    }

    #[test]
    fn filed_names_that_join_organizations() {
        let engine = Engine::bundled().unwrap();
        let some = |s: &str| Some(s.to_string());
        let cases: &[(&str, Vec<Option<String>>)] = &[
            ("AT&T", vec![some("att")]),
            (
                "T-Mobile USA/Experian",
                vec![some("t-mobile"), some("experian")],
            ),
            (
                "T-Mobile USA / Experian",
                vec![some("t-mobile"), some("experian")],
            ),
            ("Bank of America", vec![some("bank-of-america")]),
            (
                "Kroll on behalf of Bank of America",
                vec![some("bank-of-america")],
            ),
            // "c/o": the organization cared for is the company.
            (
                "Hollow Creek Pet Box, c/o Petco Animal Supplies Stores, Inc.",
                vec![some("petco")],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&ids(&engine, text), want, "{text:?}");
        }
    }

    /// Names as registers file them, with what surrounds the name taken off;
    /// and what must stay unknown.
    #[test]
    fn decorated_names_read_as_the_organization() {
        let engine = Engine::bundled().unwrap();
        let some = |s: &str| vec![Some(s.to_string())];
        let cases: &[(&str, Vec<Option<String>>)] = &[
            // A parenthesis and a list of affiliates.
            (
                "Bank of America, N.A. and/or its affiliates (\u{201c}BofA\u{201d})",
                some("bank-of-america"),
            ),
            // Corporate-form words at the end.
            ("Ticketmaster Holdings, Inc.", some("ticketmaster")),
            // A unit or place after a dash or a comma.
            ("AT&T Services, Inc. \u{2013} Dallas", some("att")),
            // A product line after the name.
            (
                "Bank of America Merchant Services, LLC",
                some("bank-of-america"),
            ),
            // A client the data does not know: the filer.
            (
                "Bank of America, N.A. on behalf of Hollow Creek Motors",
                some("bank-of-america"),
            ),
            // Surroundings never turn a guess into a name.
            ("Hollow Creek Bakery Services, Inc.", vec![None]),
            ("Hollow Creek Dental Studio", vec![None]),
            // A ticker or acronym is not read out of a longer name by
            // taking its form words off (HOPE is Bank of Hope's ticker, MSK
            // Memorial Sloan Kettering's short name).
            ("Hope Group LLC", vec![None]),
            ("MSK Group", vec![None]),
            ("MSK", some("memorial-sloan-kettering")),
            // Registers' abbreviations, and a University of California
            // campus as it files.
            ("Calif. Dept. of Motor Vehicles", some("california-dmv")),
            (
                "University of California, Irvine Health",
                some("uci-health"),
            ),
            ("University of California at Los Angeles", some("ucla")),
            // A hospital or plan of a known system, in words of its sector.
            ("Providence Sacred Heart Medical Center", some("providence")),
            (
                "Kaiser Permanente Health Plan of Hawaii",
                some("kaiser-permanente"),
            ),
            // One word after a name may be another institution; a word of
            // another sector is not a unit.
            ("Providence College", vec![None]),
            ("Kaiser Aluminum Corporation", vec![None]),
            // The one known organization of a filing that lists others.
            ("Raley's/Hollow Creek Pharmacy", some("raleys")),
            (
                "Hollow Creek Head Start, San Francisco State University",
                some("sf-state"),
            ),
            ("Marks & Associates", vec![None]),
            // A slip in a name with a parenthesis: read as.
            (
                "Polycystic Kidney Disase Foundation (PKD)",
                some("polycystic-kidney-disease-foundation"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&ids(&engine, text), want, "{text:?}");
        }
        let certainty = |t: &str| {
            engine.read_line(t)[0]
                .name_match
                .as_ref()
                .map(|n| n.certainty)
        };
        assert_eq!(
            certainty("Providence Sacred Heart Medical Center"),
            Some(Certainty::Likely)
        );
        assert_eq!(
            certainty("Polycystic Kidney Disase Foundation (PKD)"),
            Some(Certainty::ReadAs)
        );
        // Nor one word of a longer name with the spaces of a name closed
        // up: a practice, not California's Medi-Cal.
        assert_ne!(
            ids(&engine, "Medical Center, LLP"),
            vec![Some("california-dhcs".to_string())]
        );
        // Read through its surroundings: likely, not sure.
        let q = engine.read_line("Bank of America Merchant Services, LLC");
        assert_eq!(
            q[0].name_match.as_ref().map(|n| n.certainty),
            Some(Certainty::Likely)
        );
    }

    #[test]
    fn a_vendor_filing_for_its_client_names_both() {
        let engine = Engine::bundled().unwrap();
        let got = ids(
            &engine,
            "Infosys McCamish Systems on behalf of Bank of America",
        );
        assert_eq!(
            got,
            vec![
                Some("bank-of-america".to_string()),
                Some("infosys-mccamish".to_string())
            ]
        );
    }
}
