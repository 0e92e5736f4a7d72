//! The letter reader: a breach notice as a person received it (pasted
//! text, a `.txt` or `.eml` file) read for its facts — who sent it and on
//! whose behalf, which incident it is about, which data it names, its dates,
//! the monitoring it offers and its code — and for the signs of a lure.
//! Pure: nothing is stored or sent; the page keeps what the person chooses.

mod dates;
mod text;
mod words;

use serde::Serialize;

use crate::date::PartialDate;
use crate::json::{json_enum, json_struct};
use crate::lang::Lang;
use crate::Engine;
use words::{sentence_end, sentence_start};

/// An organization a letter names: as written, and the one of our data it
/// resolves to, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    pub name: String,
    pub org_id: Option<String>,
}

/// Monitoring or identity protection the letter offers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Offer {
    pub provider: Option<String>,
    pub months: Option<u32>,
    pub enroll_by: Option<PartialDate>,
    /// The activation code as printed: the person's alone; outputs leave
    /// it out unless asked.
    pub code: Option<String>,
}

/// A sign that a "notice" is a lure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhishSign {
    /// It asks for a fee or payment to keep or restore protection.
    AsksPayment,
    /// It asks for payment in gift cards.
    GiftCards,
    /// It asks for a password or log-in.
    AsksPassword,
    /// It asks for a Social Security number.
    AsksSsn,
    /// It asks for a card number or its code.
    AsksCardNumber,
    /// It asks for a PIN.
    AsksPin,
    /// It asks for bank account details.
    AsksBankAccount,
    /// It threatens: hours to act, an account closed, legal trouble.
    UrgentThreat,
    /// A link to a look-alike address, not the company's own.
    LookalikeLink,
}

impl PhishSign {
    /// Whether the sign alone makes a letter a lure: a threat or a
    /// look-alike link does only beside an ask (for money, a password, a
    /// number), which is decisive itself. A genuine notice may link to a
    /// site of its own with a name like a look-alike's
    /// ("mrcooper-incident.com").
    pub fn is_decisive(self) -> bool {
        !matches!(self, PhishSign::UrgentThreat | PhishSign::LookalikeLink)
    }
}

/// What a letter says, as facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Letter {
    /// The letter's language.
    pub lang: Lang,
    pub sender: Option<Party>,
    /// The client a vendor writes for ("on behalf of …").
    pub on_behalf_of: Option<Party>,
    /// The incident it is about: a curated one, or a register notice's.
    pub incident: Option<String>,
    /// The data types it names as involved, in the taxonomy's terms.
    pub data_types: Vec<String>,
    pub letter_date: Option<PartialDate>,
    /// When the intrusion began and ended, as the letter says.
    pub window_start: Option<PartialDate>,
    pub window_end: Option<PartialDate>,
    /// When the sender found out, where the letter says so.
    pub discovered: Option<PartialDate>,
    pub offer: Option<Offer>,
    /// Signs of a lure; it is one when any sign is decisive.
    pub phishing: Vec<PhishSign>,
}

impl Letter {
    /// The letter is a lure dressed as a notice.
    pub fn is_phishing(&self) -> bool {
        self.phishing.iter().any(|s| s.is_decisive())
    }
}

/// What the page keeps of a letter (with saved progress, in exports): the
/// finding, never the letter's text; the code only when the person asks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub sender: Option<Party>,
    pub on_behalf_of: Option<Party>,
    pub incident: Option<String>,
    pub data_types: Vec<String>,
    pub letter_date: Option<PartialDate>,
    pub provider: Option<String>,
    pub months: Option<u32>,
    pub enroll_by: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Letter {
    /// What to keep of it: the finding, and the code if `with_code`.
    pub fn kept(&self, with_code: bool) -> Kept {
        let offer = self.offer.clone().unwrap_or_default();
        Kept {
            sender: self.sender.clone(),
            on_behalf_of: self.on_behalf_of.clone(),
            incident: self.incident.clone(),
            data_types: self.data_types.clone(),
            letter_date: self.letter_date,
            provider: offer.provider,
            months: offer.months,
            enroll_by: offer.enroll_by,
            code: offer.code.filter(|_| with_code),
        }
    }
}

impl Kept {
    /// The organization the letter is from or for that the person deals
    /// with: the client a vendor wrote for, else the sender.
    pub fn company(&self) -> Option<&str> {
        self.on_behalf_of
            .as_ref()
            .and_then(|p| p.org_id.as_deref())
            .or_else(|| self.sender.as_ref().and_then(|p| p.org_id.as_deref()))
    }

    /// The sender's name as the letter writes it.
    pub fn sender_name(&self) -> &str {
        self.sender.as_ref().map_or("", |p| p.name.as_str())
    }
}

/// A paper letter, from a short form: the sender as written, the letter's
/// date, the data types ticked and the enrolment deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperLetter {
    pub sender: String,
    pub letter_date: Option<PartialDate>,
    pub data_types: Vec<String>,
    pub enroll_by: Option<PartialDate>,
}

/// Letters longer than this are read only this far (a notice is a page or
/// two; a pasted book is not a letter).
pub const MAX_LETTER_BYTES: usize = 200_000;

/// The text of a letter file (`.txt` or `.eml`) from its bytes, for
/// [`Engine::read_letter`]: UTF-8 (a byte-order mark dropped), UTF-16 with
/// its mark, GB18030 (which reads GBK and GB2312) when the bytes read
/// cleanly as Chinese in it, else Windows-1252. Never fails: a byte no set
/// reads becomes U+FFFD. An e-mail's parts in base64 or quoted-printable
/// are decoded in their own character sets when the letter is read.
pub fn text_from_bytes(bytes: &[u8]) -> String {
    text::decode(bytes, None)
}

impl Engine {
    /// A paper letter's finding, from the short form: the sender resolved
    /// by the matcher (its on-behalf-of client too, when the name says so)
    /// and its incident found as for a pasted letter.
    pub fn read_paper_letter(&self, form: &PaperLetter) -> Letter {
        let name = form.sender.trim().to_string();
        let (sender, on_behalf_of) = match self.on_behalf_of(&name) {
            Some(parts) if parts.len() == 2 => {
                let party = |q: &crate::CompanyQuery| Party {
                    name: q.input.clone(),
                    org_id: q.org_id.clone(),
                };
                // The sender is the one written first ("A on behalf of B").
                let at =
                    |q: &crate::CompanyQuery| name.find(q.input.as_str()).unwrap_or(usize::MAX);
                let (first, second) = if at(&parts[0]) <= at(&parts[1]) {
                    (&parts[0], &parts[1])
                } else {
                    (&parts[1], &parts[0])
                };
                (Some(party(first)), Some(party(second)))
            }
            _ => (
                (!name.is_empty()).then(|| Party {
                    org_id: self.resolve_party(&name),
                    name,
                }),
                None,
            ),
        };
        let known: std::collections::BTreeSet<&str> = self
            .data
            .taxonomy
            .data_types
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let mut letter = Letter {
            lang: Lang::En,
            sender,
            on_behalf_of,
            data_types: form
                .data_types
                .iter()
                .filter(|t| known.contains(t.as_str()))
                .cloned()
                .collect(),
            letter_date: form.letter_date,
            offer: form.enroll_by.map(|d| Offer {
                enroll_by: Some(d),
                ..Default::default()
            }),
            ..Default::default()
        };
        letter.incident = self.letter_incident(&letter);
        letter
    }

    /// Reads a breach letter. Never fails: what it cannot find stays empty.
    pub fn read_letter(&self, input: &str) -> Letter {
        let mut end = input.len().min(MAX_LETTER_BYTES);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let t = text::read(&input[..end]);
        let body = t.body.as_str();
        let found = dates::find(body);
        let cjk = body
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        let lang = if cjk * 5 > body.chars().filter(|c| !c.is_whitespace()).count().max(1) {
            Lang::Zh
        } else {
            Lang::En
        };
        let (sender, on_behalf_of) = self.parties(body, t.from.as_deref(), t.subject.as_deref());
        let sender_domain = sender
            .as_ref()
            .and_then(|p| p.org_id.as_deref())
            .and_then(|id| self.data.org(id))
            .and_then(|o| o.domain.clone());
        let ds = &self.data;
        let brands = |host: &str| -> bool {
            ds.organizations.iter().take(ds.curated.0).any(|o| {
                let Some(d) = o.domain.as_deref() else {
                    return false;
                };
                let label = d.split('.').next().unwrap_or("");
                // A brand's name with more to it ("paypal-secure.com",
                // "bankofamerica-anquan…"): a vendor's own site
                // ("experianidworks.com") has no hyphen around it.
                label.len() >= 5
                    && (host.contains(&format!("{label}-")) || host.contains(&format!("-{label}")))
                    && !(host == d || host.ends_with(&format!(".{d}")))
            })
        };
        // The sender's and its client's names and domains, squashed: a
        // link to "mrcooper-incident.com" in Mr. Cooper's letter is its own
        // site, not a look-alike, unless the letter asks for what a lure
        // does.
        let mut own: Vec<String> = Vec::new();
        for party in [sender.as_ref(), on_behalf_of.as_ref()]
            .into_iter()
            .flatten()
        {
            let squash = |s: &str| -> String {
                s.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase())
                    .collect()
            };
            own.push(squash(&party.name));
            let Some(org) = party.org_id.as_deref().and_then(|id| ds.org(id)) else {
                continue;
            };
            own.push(squash(&org.name));
            if let Some(d) = &org.domain {
                own.push(squash(d.split('.').next().unwrap_or("")));
            }
            for a in &org.aliases {
                use crate::model::AliasKind;
                match a.kind {
                    AliasKind::Domain => own.push(squash(a.name.split('.').next().unwrap_or(""))),
                    AliasKind::Ticker | AliasKind::Misspelling | AliasKind::Zh => {}
                    _ => own.push(squash(&a.name)),
                }
            }
        }
        own.retain(|n| n.len() >= 3);
        let phishing = words::phishing(body, sender_domain.as_deref(), &brands, &own);
        let letter_date = t
            .date
            .as_deref()
            .and_then(|d| dates::find(d).first().map(|f| f.date))
            .or_else(|| letter_date(body, &found));
        let (window_start, window_end, discovered) = window(body, &found);
        let is_lure = phishing.iter().any(|s| s.is_decisive());
        let mut letter = Letter {
            lang,
            sender,
            on_behalf_of,
            incident: None,
            data_types: words::data_types(body)
                .into_iter()
                .map(String::from)
                .collect(),
            letter_date,
            window_start,
            window_end,
            discovered,
            offer: if is_lure {
                None
            } else {
                words::offer(body, &found)
            },
            phishing,
        };
        // A lure's incident too: what it pretends to be about is real.
        letter.incident = self.letter_incident(&letter);
        letter
    }

    /// The sender and the client it writes for.
    fn parties(
        &self,
        body: &str,
        from: Option<&str>,
        subject: Option<&str>,
    ) -> (Option<Party>, Option<Party>) {
        // The first client named that is in our data, else the first the
        // letter says it writes for.
        let clients = on_behalf_names(body);
        let on_behalf = clients
            .iter()
            .find_map(|(name, _)| {
                self.resolve_party(name).map(|id| Party {
                    name: name.clone(),
                    org_id: Some(id),
                })
            })
            .or_else(|| {
                clients
                    .iter()
                    .find(|(_, sure)| *sure)
                    .map(|(name, _)| Party {
                        name: name.clone(),
                        org_id: None,
                    })
            });
        // Where a letter names its sender, each read once: the names it
        // defines, its head, its first paragraph's subject, the one that
        // says it writes, its signature.
        let defined = defined_terms(body);
        let head = letterhead(body);
        let opens = opening(body);
        let writes = writer(body);
        let signed = signature(body);
        let candidates = defined
            .iter()
            .chain(&head)
            .chain(&opens)
            .chain(&writes)
            .chain(&signed)
            .map(String::as_str)
            .chain(from)
            .chain(subject);
        let other = on_behalf.as_ref().and_then(|p| p.org_id.clone());
        let resolved = candidates.into_iter().find_map(|c| {
            let id = self.resolve_party(c)?;
            (Some(&id) != other.as_ref()).then(|| Party {
                name: c.trim_end_matches([',', ';', ':', ' ']).to_string(),
                org_id: Some(id),
            })
        });
        let sender = resolved.or_else(|| {
            // Not in our data: the name that says it writes ("Welk Resort
            // Group, Inc. writes to notify you"), else as the letter signs
            // it, else as its head names it, else a name it defines with a
            // company word ("Group Dynamic, Inc. (“GDI”) provides …"), the
            // one its sentences say acted, its first paragraph's subject;
            // never a template's placeholder, a page number or a heading.
            let company = |c: &&String| looks_like_org(c);
            writes
                .iter()
                .cloned()
                .chain(signature_org(body))
                .chain(head.iter().filter(company).cloned())
                .chain(
                    defined
                        .iter()
                        .filter(|c| looks_like_org(c) && looks_like_name(c))
                        .cloned(),
                )
                .chain(acting_subject(body))
                .chain(opens.iter().filter(|c| !is_sentence_word(c)).cloned())
                .chain(from.map(String::from))
                .chain(head.first().cloned())
                .find(|c| plausible_sender(c))
                .map(|name| Party { name, org_id: None })
        });
        // "On behalf of X, I am writing": with no other sender named, the
        // letter is X's own, signed by someone who works for it.
        if sender.is_none() {
            return (on_behalf, None);
        }
        (sender, on_behalf)
    }

    /// An organization a letter names, by the matcher: the whole name, or
    /// its parts around brackets ("美国银行（Bank of America）").
    fn resolve_party(&self, name: &str) -> Option<String> {
        let name = name.trim().trim_matches(['"', '“', '”', ',', '.', ':']);
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return None;
        }
        if let Some(m) = self.resolve(name) {
            return Some(m.org_id);
        }
        name.split(['(', ')', '（', '）', '—', '|'])
            .map(str::trim)
            .filter(|p| p.chars().count() >= 2)
            .find_map(|p| self.resolve(p).map(|m| m.org_id))
    }

    /// The incident a letter is about: the sender's (or its client's)
    /// curated incident whose dates fit the letter's, else a register
    /// notice filed by it within the year before the letter.
    fn letter_incident(&self, l: &Letter) -> Option<String> {
        let ds = &self.data;
        let orgs: Vec<&str> = [l.sender.as_ref(), l.on_behalf_of.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|p| p.org_id.as_deref())
            .collect();
        let sender = l.sender.as_ref()?.org_id.as_deref()?;
        let mut family: Vec<&str> = vec![sender];
        family.extend(ds.ancestors(sender).into_iter().map(|o| o.id.as_str()));
        family.extend(ds.descendants(sender).into_iter().map(|o| o.id.as_str()));
        let day = |d: PartialDate| d.days_since_epoch();
        let letter_day = l.letter_date.map(day);
        let window = l.window_start.or(l.window_end).or(l.discovered).map(day);
        let mut best: Option<(i64, &str)> = None;
        for inc in ds.curated_incidents() {
            let by_sender = family.contains(&inc.breached_org.as_str());
            let as_client = orgs
                .iter()
                .any(|o| inc.more().affected_clients.iter().any(|c| c.org == *o))
                && by_sender;
            let own = inc.breached_org == sender
                || (family.contains(&inc.breached_org.as_str()) && inc.own_customers);
            if !(by_sender || as_client || own) {
                continue;
            }
            let start = inc
                .breach_start
                .or(inc.discovered)
                .or(inc.disclosed)
                .map(day);
            let end = inc
                .breach_end
                .or(inc.disclosed)
                .or(inc.breach_start)
                .map(day);
            let disclosed = inc.disclosed.or(inc.discovered).map(day);
            // How far the letter's dates are from the incident's.
            let distance = match (window, start, end) {
                (Some(w), Some(s), Some(e)) if w >= s - 31 && w <= e + 31 => 0,
                (Some(w), Some(s), _) => (w - s).abs(),
                _ => match (letter_day, disclosed) {
                    // A letter goes out after the incident is known.
                    (Some(ld), Some(d)) if ld >= d - 31 => (ld - d) / 4,
                    (Some(ld), Some(d)) => (d - ld) * 4,
                    _ => 400,
                },
            };
            // A letter comes after what it tells, within three years.
            if let (Some(ld), Some(s)) = (letter_day, start) {
                if ld < s || ld > s + 1100 {
                    continue;
                }
            }
            if distance <= 400 && best.is_none_or(|(b, _)| distance < b) {
                best = Some((distance, inc.id.as_str()));
            }
        }
        if let Some((_, id)) = best {
            return Some(id.to_string());
        }
        let ld = letter_day?;
        ds.notices
            .notices
            .iter()
            .filter(|n| family.contains(&n.org.as_str()))
            .filter_map(|n| {
                let r = day(n.reported);
                (r <= ld + 31 && r >= ld - 365).then_some(((ld - r).abs(), n))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, n)| n.incident.clone().unwrap_or_else(|| n.id.clone()))
    }
}

/// Words that make a line an organization's name, not a person's or an
/// address.
/// Could be an organization's name as a letter writes it: letters enough,
/// not a template's placeholder ("[Logo]", "«Fname»", "<<Name>>"), a
/// heading or label ("To Enroll, Please Call:", "Encl."), nor a sentence.
fn plausible_sender(name: &str) -> bool {
    let name = name.trim();
    let lower = name.to_ascii_lowercase();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let lower_words = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    letters >= 2
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.contains(['[', ']', '«', '»', '{', '}'])
        && !name.contains("<<")
        && !name.ends_with([':', '：'])
        && ![
            "encl",
            "enclosure",
            "draft",
            "confidential",
            "page ",
            "logo",
            "letterhead",
        ]
        .iter()
        .any(|w| lower.starts_with(w) || words::has_word(&lower, w.trim()))
        && (!name.ends_with('.') || lower_words < 3)
        && lower_words <= 4
}

fn looks_like_org(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "inc",
        "llc",
        "llp",
        "ltd",
        "corp",
        "corporation",
        "company",
        "co",
        "group",
        "services",
        "bank",
        "credit union",
        "union",
        "district",
        "school",
        "clinic",
        "dentistry",
        "dental",
        "therapy",
        "health",
        "hospital",
        "medical",
        "insurance",
        "university",
        "college",
        "payroll",
        "management",
        "supply",
        "outfitters",
        "fitness",
        "clubs",
        "partners",
        "associates",
        "foundation",
        "trust",
        "financial",
        "office",
        "bureau",
        "center",
        "centre",
        "administration",
    ];
    let lower = line.to_ascii_lowercase();
    let zh = [
        "公司",
        "事务所",
        "诊所",
        "学校",
        "银行",
        "医院",
        "中心",
        "协会",
        "机构",
        "集团",
    ];
    !lower.contains('@')
        && lower.chars().count() <= 90
        && (WORDS.iter().any(|w| words::has_word(&lower, w)) || zh.iter().any(|w| line.contains(w)))
}

/// The organizations the first paragraph after the greeting names: its
/// first sentence's subject ("Newegg understands …", "4A's Benefits is
/// writing …"), then each capitalised run ("… your Warby Parker account").
fn opening(body: &str) -> Vec<String> {
    let Some(para) = opening_para(body) else {
        return Vec::new();
    };
    // "At Equity Concepts, we …", "We at Hemenway & Barnes LLP …": the
    // name the paragraph opens with.
    let para = para
        .strip_prefix("We at ")
        .or_else(|| para.strip_prefix("At "))
        .unwrap_or(&para)
        .to_string();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut runs: Vec<String> = Vec::new();
    for w in para.split_whitespace().take(90) {
        let (clean, capital, joiner) = name_word(w);
        if !clean.is_empty() && (capital || (joiner && !run.is_empty())) {
            run.push(clean);
            if w.ends_with([',', '.', ';', ':', '(', ')']) {
                runs.push(run.join(" "));
                run.clear();
            }
        } else if !run.is_empty() {
            runs.push(run.join(" "));
            run.clear();
        }
    }
    if !run.is_empty() {
        runs.push(run.join(" "));
    }
    // Only the subject that opens the paragraph: a name the letter is
    // about, not any capitalised words ("Social Security", a product).
    const NOT_NAMES: &[&str] = &[
        "We", "I", "Our", "This", "The", "As", "On", "In", "At", "You", "Your", "Please", "What",
        "Although", "Because", "Dear", "Thank", "Re",
    ];
    if let Some(first) = runs.into_iter().next() {
        let opens = para.starts_with(first.split(' ').next().unwrap_or(""));
        let first = first
            .trim_end_matches([' ', '&'])
            .trim_end_matches(" and")
            .trim_end_matches(" of")
            .to_string();
        let lead = first.split(' ').next().unwrap_or("");
        if opens
            && !NOT_NAMES.contains(&lead)
            && first.chars().filter(|c| c.is_alphanumeric()).count() >= 3
        {
            out.push(first);
        }
    }
    out
}

/// The first paragraph after the greeting, on one line: the date, the
/// enrolment box and the short lines a mail house prints between them
/// skipped.
fn opening_para(body: &str) -> Option<String> {
    let lines: Vec<&str> = body.lines().collect();
    let greeting = lines.iter().position(|l| {
        let l = l.trim().to_ascii_lowercase();
        l.starts_with("dear")
            || l.starts_with("尊敬的")
            || l.starts_with("to ") && l.ends_with(':') && !l.contains("please")
    })?;
    let para: String = lines[greeting + 1..]
        .iter()
        .map(|l| l.trim())
        .skip_while(|l| {
            l.is_empty()
                || l.starts_with(':')
                // An enrolment box's heading, address and code.
                || l.ends_with([':', '：'])
                || l.starts_with("www.")
                || l.starts_with("http")
                || l.to_ascii_lowercase().contains("code:")
                || (l.is_ascii() && l.split_whitespace().count() < 4)
                || is_address(l)
                || (l.chars().count() <= 40 && !dates::find(l).is_empty())
        })
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    Some(para.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The organization a sentence says writes the letter: "Welk Resort
/// Group, Inc. (“Welk”) writes to notify you", "Print EZ is taking steps
/// to notify customers", "We at LÍLLÉbaby are writing": the name that
/// opens the sentence.
fn writer(body: &str) -> Option<String> {
    const CUES: &[&str] = &[
        " is writing",
        " are writing",
        " writes to",
        " writes you",
        " is notifying",
        " is taking steps to notify",
        " is contacting you",
        " is reaching out",
        " is sending you",
        " is sending this",
        " would like to inform",
        " wishes to inform",
        " is informing",
    ];
    let text = joined_head(body, 6000);
    let lower = text.to_ascii_lowercase();
    let mut at: Vec<usize> = CUES
        .iter()
        .flat_map(|c| lower.match_indices(c).map(|(i, _)| i).take(3))
        .collect();
    at.sort_unstable();
    at.into_iter().find_map(|i| {
        let start = clause_start(&text, i);
        let clause = text[start..i].trim();
        (clause.len() <= 300)
            .then(|| lead_name(clause))
            .flatten()
            .filter(|n| !is_sentence_word(n))
    })
}

/// The organization a letter's sentences make their subject where they
/// say what it did ("C-TEC recently discovered …", "C-TEC takes the
/// privacy … seriously"): the name two such sentences open with, or one
/// with a company word.
fn acting_subject(body: &str) -> Option<String> {
    const CUES: &[&str] = &[
        " recently discovered",
        " recently learned",
        " recently became aware",
        " discovered that",
        " learned that",
        " became aware",
        " takes the privacy",
        " takes the security",
        " takes this incident",
        " takes the protection",
        " values the privacy",
        " is committed to",
        " has stringent",
        " immediately began",
        " immediately commenced",
        " immediately launched",
    ];
    let text = joined_head(body, 8000);
    let lower = text.to_ascii_lowercase();
    let mut names: Vec<String> = Vec::new();
    for cue in CUES {
        for (i, _) in lower.match_indices(cue).take(5) {
            let start = clause_start(&text, i);
            // The words before the cue are the name, and only them.
            let clause = text[start..i]
                .trim()
                .trim_start_matches("What Happened?")
                .trim()
                .trim_start_matches("On ")
                .trim();
            if clause.is_empty() || clause.chars().count() > 80 {
                continue;
            }
            if let Some(name) = lead_name(clause)
                .filter(|n| !is_sentence_word(n) && n.len() == clause.len() && plausible_sender(n))
            {
                names.push(name);
            }
        }
    }
    let count = |n: &str| names.iter().filter(|m| *m == n).count();
    names
        .iter()
        .find(|n| count(n) >= 2 || looks_like_org(n))
        .cloned()
}

/// The letter's first `max` bytes (cut at a character), lines joined.
fn joined_head(body: &str, max: usize) -> String {
    let mut end = body.len().min(max);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    words::unwrap(&body[..end])
}

/// Where the sentence holding `at` starts: after a full stop, question
/// mark or colon that ends a sentence (not "Inc." or "Dr."), or a line.
fn clause_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let mut end = head.len();
    while let Some(i) = head[..end].rfind(['.', '\n', '!', '?', ':', '：', '。']) {
        let c = head[i..].chars().next().unwrap_or('.');
        let after = i + c.len_utf8();
        let spaced = head[after..].chars().next().is_none_or(char::is_whitespace);
        if c == '\n' || c == '。' || (spaced && !(c == '.' && words::is_abbreviation(&head[..i])))
        {
            return after;
        }
        end = i;
    }
    0
}

/// The organization a clause opens with: its capitalised run ("Aetrex
/// Worldwide, Inc."), after "At" or "We at".
fn lead_name(clause: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &[
        "inc", "inc.", "llc", "llc.", "llp", "ltd", "ltd.", "corp", "corp.", "co.", "pc", "p.c.",
        "pllc", "n.a.", "l.l.c.",
    ];
    const NOT_NAMES: &[&str] = &[
        "We",
        "I",
        "Our",
        "This",
        "The",
        "As",
        "On",
        "In",
        "At",
        "You",
        "Your",
        "Please",
        "What",
        "Although",
        "Because",
        "Dear",
        "Thank",
        "Re",
        "It",
        "That",
        "These",
        "Notice",
        "Why",
        "How",
        "Who",
        "If",
        "While",
        "After",
        "Since",
        "Today",
        "Recently",
        "Unfortunately",
    ];
    let clause = clause
        .strip_prefix("We at ")
        .or_else(|| clause.strip_prefix("we at "))
        .or_else(|| clause.strip_prefix("At "))
        .unwrap_or(clause);
    let mut run: Vec<&str> = Vec::new();
    let mut stop = false;
    for w in clause.split_whitespace().take(12) {
        if stop {
            // "Aetrex Worldwide, Inc.": a company's suffix after the comma.
            if SUFFIXES.contains(&w.to_ascii_lowercase().trim_end_matches(',')) {
                run.push(w.trim_end_matches(','));
            }
            break;
        }
        let (clean, capital, joiner) = name_word(w);
        if clean.is_empty()
            || w.starts_with(['(', '“', '"'])
            || !(capital || joiner && !run.is_empty())
        {
            break;
        }
        run.push(clean);
        if w.ends_with([',', ';', ':', ')']) {
            stop = true;
        } else if w.ends_with('.') && !SUFFIXES.contains(&w.to_ascii_lowercase().as_str()) {
            break;
        }
    }
    while run
        .last()
        .is_some_and(|w| matches!(*w, "of" | "and" | "&" | "for" | "the"))
    {
        run.pop();
    }
    let name = run.join(" ");
    let lead = run.first().copied().unwrap_or("");
    (!NOT_NAMES.contains(&lead)
        && name.chars().filter(|c| c.is_alphanumeric()).count() >= 3
        && looks_like_name(&name))
    .then_some(name)
}

/// A line that can be an organization's name, not a heading of the pages
/// that follow a letter ("Steps You Can Take to Protect …").
/// One word of a capitalised run: the word without its punctuation,
/// whether it starts with a capital or a digit, and whether it may join
/// two such words ("Bank of America", "Barnes & Noble").
fn name_word(w: &str) -> (&str, bool, bool) {
    let clean = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '’' && c != '\'');
    let capital = clean
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let joiner = matches!(clean, "of" | "and" | "&" | "for" | "the");
    (clean, capital, joiner)
}

/// A word that opens a sentence, not a name: "Regrettably", "Recently",
/// "However" (a capitalised run of the first paragraph may be only that).
fn is_sentence_word(run: &str) -> bool {
    const OPENERS: &[&str] = &[
        "however",
        "therefore",
        "accordingly",
        "additionally",
        "also",
        "please",
        "thank",
        "thanks",
        "as",
        "at",
        "on",
        "in",
        "we",
        "our",
        "this",
        "the",
        "a",
        "an",
        "if",
        "to",
        "dear",
        "while",
        "although",
        "because",
        "since",
        "after",
        "before",
        "sincerely",
    ];
    let w = run
        .trim()
        .trim_matches([',', '.', ':', ';'])
        .to_ascii_lowercase();
    !w.contains(' ') && (w.ends_with("ly") || OPENERS.contains(&w.as_str()))
}

fn looks_like_name(line: &str) -> bool {
    const HEADING: &[&str] = &[
        "you",
        "your",
        "steps",
        "step",
        "protect",
        "protection",
        "information",
        "notification",
        "requirements",
        "additional",
        "enroll",
        "enrollment",
        "activate",
        "recommended",
        "reference",
        "how",
        "what",
        "enclosure",
        "attachment",
        "page",
        "theft",
        "fraud",
        "notice",
        "breach",
        "incident",
        "security number",
    ];
    let lower = line.to_ascii_lowercase();
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && !lower.contains('@')
        && !HEADING.iter().any(|w| words::has_word(&lower, w))
}

/// The organization a signature names: a line with a company's word, or
/// the line under the signer's title ("Managing Partner" / "Katz, Sapper
/// & Miller"), or the part after the title on one line ("Michael
/// Thaler, Founder and Managing Partner, Equity Concepts").
fn signature_org(body: &str) -> Option<String> {
    let lines = signature(body);
    if let Some(org) = lines
        .iter()
        .rev()
        .find(|c| looks_like_org(c) && !is_title(c))
    {
        return Some(org.clone());
    }
    let capitalised = |l: &str| {
        l.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
                || matches!(w, "of" | "and" | "for" | "the")
        })
    };
    for (i, line) in lines.iter().enumerate() {
        let parts: Vec<&str> = line.split(", ").map(str::trim).collect();
        if let Some(t) = parts.iter().position(|p| is_title(p)) {
            let after = if t + 1 < parts.len() {
                Some(parts[t + 1..].join(", "))
            } else {
                lines.get(i + 1).cloned()
            };
            if let Some(org) = after.filter(|a| {
                !is_title(a) && looks_like_name(a) && capitalised(a) && a.chars().count() <= 60
            }) {
                return Some(org);
            }
        }
    }
    None
}

/// A person's title in a signature ("Clinic Director"), not a name.
fn is_title(line: &str) -> bool {
    const TITLES: &[&str] = &[
        "director",
        "manager",
        "officer",
        "president",
        "counsel",
        "coordinator",
        "chief",
        "head of",
        "principal",
        "superintendent",
        "administrator",
        "owner",
        "partner",
        "ceo",
        "cfo",
        "cio",
        "ciso",
        "主任",
        "经理",
        "负责人",
        "总裁",
        "校长",
        "合伙人",
        "主管",
    ];
    let lower = line.to_ascii_lowercase();
    TITLES
        .iter()
        .any(|t| words::has_word(&lower, t) || (!t.is_ascii() && line.contains(t)))
}

/// Lines of the letterhead: the first lines before the greeting or the
/// date, without addresses.
fn letterhead(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
    {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("dear") || line.starts_with("尊敬的") || !dates::find(line).is_empty()
        {
            break;
        }
        if is_address(line) {
            continue;
        }
        out.push(line.to_string());
    }
    out
}

fn is_address(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    // A mail house's return address and the template's placeholders are not
    // the sender.
    if [
        "processing center",
        "response center",
        "return mail",
        "mail id",
        "c/o",
        "<<",
        "[name",
        "customer name",
        "street address",
        "city, state",
        "[city",
        "<city",
        "[address",
        "<address",
        "{address",
        "first name",
        "last name",
        "important information",
        "please read",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return true;
    }
    let digits = line.chars().filter(char::is_ascii_digit).count();
    lower.starts_with("p.o.")
        || lower.starts_with("po box")
        || lower.contains("suite ")
        || (digits >= 3 && line.split_whitespace().count() <= 8 && !line.contains('（'))
        || lower.starts_with("re:")
        || lower.contains("notice of")
        || line.contains("通知")
}

/// The lines after the closing ("Sincerely," "此致"), to the end.
fn signature(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().collect();
    let close = lines.iter().rposition(|l| {
        let l = l.trim().to_ascii_lowercase();
        [
            "sincerely",
            "regards",
            "respectfully",
            "best regards",
            "kind regards",
            "warm regards",
            "very truly",
            "yours truly",
            "yours sincerely",
            "cordially",
            "thank you,",
            "此致",
            "敬上",
            "谨启",
        ]
        .iter()
        .any(|c| l.starts_with(c))
    });
    let Some(close) = close else {
        return Vec::new();
    };
    lines[close + 1..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && *l != "敬礼" && !is_address(l))
        .take(5)
        .map(String::from)
        .collect()
}

/// Names the letter defines ("Conduent Business Services, LLC
/// (“Conduent”)", "Pension Benefit Information, LLC（以下简称“PBI”）"):
/// the name before the bracket, in the order they come.
fn defined_terms(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Lines joined, so a name wrapped across two lines is one phrase.
    let head = words::unwrap(&body.chars().take(3000).collect::<String>());
    for (i, _) in head.match_indices(['(', '（']) {
        let after = &head[i..];
        let defines = after
            .chars()
            .nth(1)
            .is_some_and(|c| matches!(c, '"' | '“' | '「'))
            || after.starts_with("（以下简称")
            || after.starts_with("(the \"")
            || after.starts_with("(“the ");
        if !defines {
            continue;
        }
        let before = &head[..i];
        // From the sentence's start (not the stop of "Inc." in the name).
        let start = clause_start(before, before.len()).max(
            before
                .rfind(['。', '，'])
                .map_or(0, |p| p + '，'.len_utf8()),
        );
        let phrase = before[start..].trim();
        // The name is the capitalised run at the end of the phrase.
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let tail: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_ascii())
                    || matches!(**w, "of" | "and" | "&" | "for" | "the")
            })
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let name = tail.join(" ");
        if !name.is_empty() {
            out.push(name);
        } else if !phrase.is_empty() && phrase.chars().count() <= 60 {
            out.push(phrase.to_string());
        }
    }
    out
}

/// The longest name of a sender or client a letter can hold: a longer
/// run is no name (a letter of one word repeated).
const MAX_NAME_CHARS: usize = 120;

/// `text[at..]`, at most `len` bytes of it (cut at a character).
fn stretch(text: &str, at: usize, len: usize) -> &str {
    let mut end = text.len().min(at.saturating_add(len));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}

/// The clients a sender may write for, in the order the letter names
/// them, each with whether it may stand unresolved: "on behalf of X",
/// "for your employer, X" and "代表X致函" say it is the client; "administers
/// … for X" or "a vendor to X" only when X is an organization of our data.
fn on_behalf_names(body: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut put = |name: &str, sure: bool| {
        let name = name.trim();
        if !name.is_empty()
            && name.chars().count() <= MAX_NAME_CHARS
            && !out.iter().any(|(n, _)| n == name)
        {
            out.push((name.to_string(), sure));
        }
    };
    // ASCII lower case: the same byte offsets as the body's.
    let lower = body.to_ascii_lowercase();
    for cue in [
        "on behalf of ",
        "on behalf of our client, ",
        "for our client, ",
    ] {
        for (i, _) in lower.match_indices(cue).take(3) {
            let rest = stretch(body, i + cue.len(), 400);
            let rest_lower = rest.to_ascii_lowercase();
            let end = rest
                .find(['.', ';', '\n', '(', ':'])
                .unwrap_or(rest.len())
                .min(
                    [
                        " because",
                        " to ",
                        " regarding",
                        " about",
                        " and its",
                        ", your",
                        ", which",
                        ", i ",
                        ", we ",
                        " who ",
                    ]
                    .iter()
                    .filter_map(|w| rest_lower.find(w))
                    .min()
                    .unwrap_or(rest.len()),
                );
            let name = rest[..end].trim().trim_end_matches(',').trim();
            // "on behalf of the District": the organization named before
            // whose name ends so ("Menlo Park City School District").
            if let Some(word) = name.strip_prefix("the ").filter(|w| !w.contains(' ')) {
                if let Some(full) = named_before(&body[..i], word) {
                    put(&full, true);
                }
                continue;
            }
            if name.chars().count() <= 100 {
                put(name, true);
            }
        }
    }
    // "… the plan for your employer, Kaiser Permanente": the name after.
    for cue in [
        "for your employer, ",
        "your employer, ",
        "your health plan, ",
        "your plan sponsor, ",
    ] {
        for (i, _) in lower.match_indices(cue).take(3) {
            if let Some(name) = lead_name(stretch(body, i + cue.len(), 300)) {
                put(&name, true);
            }
        }
    }
    // "WageWorks administers benefits for Acme Corp.", "a vendor to
    // Acme": the name after "for" or "to" in the same sentence.
    for cue in [
        "administers ",
        "administer ",
        "administrator for ",
        "administrator of ",
        "provides services to ",
        "provides services for ",
        "service provider to ",
        "service provider for ",
        "a vendor to ",
        "a vendor for ",
        "vendor of ",
    ] {
        for (i, _) in lower.match_indices(cue).take(3) {
            let at = i + cue.len();
            let sentence = stretch(&lower, at, 200);
            let sentence = &sentence[..sentence.find(['.', ';', '\n']).unwrap_or(sentence.len())];
            let after = if cue.ends_with("to ") || cue.ends_with("for ") || cue.ends_with("of ") {
                Some(0)
            } else {
                [" for ", " to "]
                    .iter()
                    .filter_map(|w| sentence.find(w).map(|j| j + w.len()))
                    .min()
            };
            let Some(j) = after else { continue };
            let mut rest = stretch(body, at + j, 300);
            for own in [
                "your employer, ",
                "your health plan, ",
                "your plan sponsor, ",
            ] {
                if rest.to_ascii_lowercase().starts_with(own) {
                    rest = &rest[own.len()..];
                }
            }
            if let Some(name) = lead_name(rest) {
                put(&name, false);
            }
        }
    }
    // "代表德克萨斯州蓝十字蓝盾（Blue Cross and Blue Shield of Texas）致函",
    // "我们谨代表……写信通知您": every 代表, to the word that says it writes.
    for (i, _) in body.match_indices("代表").take(20) {
        let rest = stretch(body, i + "代表".len(), 400);
        // "代表性", "代表处": not "on behalf of".
        if rest.starts_with(['性', '处', '人', '着', '们', '团', '作']) {
            continue;
        }
        let Some(end) = [
            "致函", "致信", "写信", "来信", "发函", "函告", "向您", "向你", "通知", "告知", "提醒",
            "联系", "发送", "特此", "就", "，", "。", "；", "：", "\n",
        ]
        .iter()
        .filter_map(|w| rest.find(w))
        .min() else {
            continue;
        };
        let name = rest[..end].trim();
        // A name with its other language in brackets: the length is the
        // name's own; the matcher reads each part.
        let (main, inner) = match name.find(['（', '(']) {
            Some(b) => {
                let open = name[b..].chars().next().map_or(1, char::len_utf8);
                let inner = &name[b + open..];
                let close = inner.find(['）', ')']).unwrap_or(inner.len());
                (name[..b].trim(), inner[..close].trim())
            }
            None => (name, ""),
        };
        let main_len = main.chars().count();
        if main_len > 40 || main_len + inner.chars().count() == 0 {
            continue;
        }
        match (main.is_empty(), inner.is_empty()) {
            (_, true) => put(main, true),
            (true, false) => put(inner, true),
            (false, false) => put(&format!("{main}（{inner}）"), true),
        }
    }
    out
}

/// The last capitalised run before `at` that ends with `word` ("District").
fn named_before(text: &str, word: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let end = words
        .iter()
        .rposition(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)?;
    let mut start = end;
    while start > 0 {
        let w = words[start - 1].trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || matches!(w, "of" | "and" | "&"))
            || words[start - 1].ends_with([',', '.', ';'])
        {
            break;
        }
        start -= 1;
    }
    (end > start).then(|| {
        words[start..=end]
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The letter's own date: a line that is only a date, near the top.
fn letter_date(body: &str, found: &[dates::Found]) -> Option<PartialDate> {
    found
        .iter()
        .find(|f| {
            let line_start = body[..f.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = body[f.end..].find('\n').map_or(body.len(), |i| f.end + i);
            let rest = format!("{}{}", &body[line_start..f.start], &body[f.end..line_end]);
            let rest = rest.trim().trim_matches([',', '.']);
            rest.is_empty() || rest.to_ascii_lowercase().starts_with("date") || rest == "日期："
        })
        .map(|f| f.date)
}

/// The intrusion's window and the day it was found, from what the letter
/// says around its dates.
fn window(
    body: &str,
    found: &[dates::Found],
) -> (
    Option<PartialDate>,
    Option<PartialDate>,
    Option<PartialDate>,
) {
    let lower_between = |a: usize, b: usize| body[a..b].to_ascii_lowercase();
    // Two dates joined as a span: "between A and B", "from A to B", "A至B".
    for pair in found.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let join = lower_between(a.end, b.start);
        let join = join.trim().trim_matches(',');
        let spans = matches!(
            join.trim(),
            "and"
                | "to"
                | "through"
                | "until"
                | "-"
                | "–"
                | "—"
                | "至"
                | "到"
                | "和"
                | "and on"
                | "to on"
                | "till"
                | "至到"
        );
        if !spans || b.date < a.date {
            continue;
        }
        let before = body[sentence_start(body, a.start)..a.start].to_ascii_lowercase();
        let sentence =
            body[sentence_start(body, a.start)..sentence_end(body, b.end)].to_ascii_lowercase();
        if is_enrolment(&sentence) {
            continue;
        }
        if before.contains("between")
            || before.contains("from")
            || before.contains("于")
            || before.contains("在")
            || before.contains("期间")
            || before.contains("during")
            || ["access", "unauthori", "未经授权", "进入", "访问", "入侵"]
                .iter()
                .any(|w| sentence.contains(w))
            // "A至B期间": the span is a period.
            || body[b.end..].trim_start().starts_with("期间")
        {
            let discovered = discovery(body, found);
            return (Some(a.date), Some(b.date), discovered);
        }
    }
    let discovered = discovery(body, found);
    // One day of access, or a start only ("beginning on …").
    for f in found {
        let s = sentence_start(body, f.start);
        let sentence = body[s..sentence_end(body, f.end)].to_ascii_lowercase();
        let before = body[s..f.start].to_ascii_lowercase();
        if is_enrolment(&sentence) || is_discovery(&before) || Some(f.date) == discovered {
            continue;
        }
        let intrusion = [
            "accessed",
            "gained access",
            "had access",
            "acquired",
            "copied",
            "took",
            "downloaded",
            "entered",
            "breach occurred",
            "occurred",
            "attack",
            "进入",
            "访问",
            "窃取",
            "获取",
            "入侵",
            "下载",
        ]
        .iter()
        .any(|w| sentence.contains(w));
        if !intrusion {
            continue;
        }
        if ["beginning", "starting", "since", "as early as", "自", "起"]
            .iter()
            .any(|w| before.contains(w))
        {
            return (Some(f.date), None, discovered);
        }
        if before.trim_end().ends_with("on")
            || before.trim_end().ends_with("on or about")
            || before.ends_with("于")
            || before.ends_with("在")
        {
            return (Some(f.date), Some(f.date), discovered);
        }
    }
    (None, None, discovered)
}

fn is_enrolment(sentence: &str) -> bool {
    [
        "enroll",
        "enrol",
        "activate",
        "activation",
        "deadline",
        "注册",
        "激活",
        "登记",
    ]
    .iter()
    .any(|w| sentence.contains(w))
}

fn is_discovery(before: &str) -> bool {
    [
        "discover",
        "learned",
        "became aware",
        "detected",
        "identified",
        "noticed",
        "发现",
        "获悉",
        "察觉",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The day the sender found out: a date in a sentence that says so.
fn discovery(body: &str, found: &[dates::Found]) -> Option<PartialDate> {
    found.iter().find_map(|f| {
        let s = sentence_start(body, f.start);
        let sentence = body[s..sentence_end(body, f.end)].to_ascii_lowercase();
        (is_discovery(&sentence) && !is_enrolment(&sentence)).then_some(f.date)
    })
}

// Reading kept letters back from saved progress and exports, and a
// letter read by the page's letter worker.
json_enum!(PhishSign {
    AsksPayment = "asks_payment",
    GiftCards = "gift_cards",
    AsksPassword = "asks_password",
    AsksSsn = "asks_ssn",
    AsksCardNumber = "asks_card_number",
    AsksPin = "asks_pin",
    AsksBankAccount = "asks_bank_account",
    UrgentThreat = "urgent_threat",
    LookalikeLink = "lookalike_link",
});
json_struct!(lenient Offer { provider: default, months: default, enroll_by: default, code: default });
json_struct!(lenient Letter {
    lang,
    sender: default,
    on_behalf_of: default,
    incident: default,
    data_types: default,
    letter_date: default,
    window_start: default,
    window_end: default,
    discovered: default,
    offer: default,
    phishing: default,
});
json_struct!(lenient Party { name, org_id: default });
json_struct!(lenient Kept {
    sender: default,
    on_behalf_of: default,
    incident: default,
    data_types: default,
    letter_date: default,
    provider: default,
    months: default,
    enroll_by: default,
    code: default,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_letter_finds_its_incident() {
        let e = Engine::bundled().unwrap();
        let l = e.read_paper_letter(&PaperLetter {
            sender: "Infosys McCamish Systems on behalf of Bank of America".into(),
            letter_date: Some(PartialDate::ymd(2024, 2, 1)),
            data_types: vec!["ssn".into(), "no-such-type".into()],
            enroll_by: Some(PartialDate::ymd(2024, 5, 31)),
        });
        assert_eq!(
            l.sender.unwrap().org_id.as_deref(),
            Some("infosys-mccamish")
        );
        assert_eq!(
            l.on_behalf_of.unwrap().org_id.as_deref(),
            Some("bank-of-america")
        );
        assert_eq!(l.incident.as_deref(), Some("infosys-mccamish-2023"));
        assert_eq!(l.data_types, ["ssn"]);
    }

    #[test]
    fn a_sender_is_never_a_placeholder_a_heading_or_a_sentence() {
        let cases = [
            ("Group Dynamic, Inc.", true),
            ("C-TEC", true),
            ("Birchwood Family Dental PA", true),
            ("[GDI Logo]", false),
            ("[Logo/Letterhead]", false),
            ("«Fname» «Lname»", false),
            ("<<Client Name>>", false),
            ("To Enroll, Please Call:", false),
            ("Encl.", false),
            ("DRAFT", false),
            ("2", false),
            (
                "identity restoration services with Experian at no cost to you.",
                false,
            ),
        ];
        for (name, plausible) in cases {
            assert_eq!(plausible_sender(name), plausible, "{name}");
        }
    }

    #[test]
    fn senders_the_letter_names_by_deed_definition_or_on_behalf() {
        let e = Engine::bundled().unwrap();
        // Letters in our own words, shaped as real ones are.
        let cases = [
            (
                "Dear Member:\nWe are writing to tell you about an incident.\n\
                 What Happened? Northwind Co-op recently discovered that a file was \
                 opened by someone outside. Northwind Co-op takes the privacy of its \
                 members seriously.\nSincerely,\nJane Roe\nSuperintendent\n",
                "Northwind Co-op",
            ),
            (
                "[Logo]\n[Name]\n[Address]\nHarbor Lane Benefits, Inc. (“HLB”) \
                 administers benefits for your employer. We write to tell you of an \
                 incident that may involve your name.\n",
                "Harbor Lane Benefits, Inc.",
            ),
            (
                "Dear [Name]:\nOn behalf of Birchwood Family Dental PA, I am writing \
                 to tell you about an incident that may affect your information.\n",
                "Birchwood Family Dental PA",
            ),
            (
                "C/O A Mail House\nDear Patient:\nI am writing to tell you of an \
                 incident. Quarry Ridge Laboratories\nSoutheast, Inc. (“QRL”) \
                 regrets it.\n",
                "Quarry Ridge Laboratories Southeast, Inc.",
            ),
        ];
        for (text, want) in cases {
            let l = e.read_letter(text);
            assert_eq!(l.sender.map(|p| p.name).as_deref(), Some(want), "{text}");
            assert!(l.on_behalf_of.is_none(), "{text}");
        }
        // Nothing that could be a name: no sender, rather than a heading.
        let l = e.read_letter("[Logo]\n[Name]\nTo Enroll, Please Call:\n1-800-555-0100\n");
        assert_eq!(l.sender, None);
    }

    #[test]
    fn a_ransom_and_a_providers_enrolment_steps_are_not_asks() {
        let e = Engine::bundled().unwrap();
        let genuine = "Dear Customer:\nCriminals encrypted our files and demanded a \
            ransom payment in order to restore access.\nWe are offering Equifax \
            Credit Watch at no charge.\n1. Activation Code: enter the activation \
            code at the top of this letter.\n2. Register: Complete the form with \
            your name, date of birth and Social Security number.\n3. Create \
            Account: complete the form and create a user name and password.\n";
        assert_eq!(e.read_letter(genuine).phishing, []);
        let lure = "Dear Customer:\nYour protection will be suspended. Please reply \
            with your Social Security number and your password within 24 hours, \
            and pay the $49 fee required to restore it.\n";
        let signs = e.read_letter(lure).phishing;
        for s in [
            PhishSign::AsksSsn,
            PhishSign::AsksPassword,
            PhishSign::AsksPayment,
        ] {
            assert!(signs.contains(&s), "{s:?} in {signs:?}");
        }
    }

    #[test]
    fn clients_named_in_either_language_or_by_what_the_sender_does() {
        let e = Engine::bundled().unwrap();
        let head = "Northwind Mailing Services, Inc.\n";
        // (letter after the letterhead, the client as written, its id)
        let cases: [(&str, Option<&str>, Option<&str>); 8] = [
            // Over 40 characters with its English name in brackets; the
            // first 代表 is the one.
            (
                "代表明尼苏达州蓝十字蓝盾（Blue Cross and Blue Shield of Minnesota）致函\n尊敬的会员：\n",
                Some("明尼苏达州蓝十字蓝盾（Blue Cross and Blue Shield of Minnesota）"),
                Some("bcbs-minnesota"),
            ),
            // The verb that follows is not part of the name.
            (
                "尊敬的会员：\n我们谨代表明尼苏达州蓝十字蓝盾写信通知您一起事件。\n",
                Some("明尼苏达州蓝十字蓝盾"),
                None,
            ),
            (
                "尊敬的会员：\n我们代表明尼苏达州蓝十字蓝盾告知您：\n",
                Some("明尼苏达州蓝十字蓝盾"),
                None,
            ),
            // A 代表 that is no "on behalf of" before the one that is.
            (
                "本公司驻美代表处说明。\n我们代表明尼苏达州蓝十字蓝盾（Blue Cross and Blue Shield of Minnesota）致信您。\n",
                Some("明尼苏达州蓝十字蓝盾（Blue Cross and Blue Shield of Minnesota）"),
                Some("bcbs-minnesota"),
            ),
            (
                "Dear Member:\nNorthwind administers the flexible spending account plan for your employer, Kaiser Permanente. We write about an incident.\n",
                Some("Kaiser Permanente"),
                Some("kaiser-permanente"),
            ),
            (
                "Dear Member:\nNorthwind administers retiree benefits for Target Corporation and its former employees.\n",
                Some("Target Corporation"),
                Some("target"),
            ),
            // What it administers for a name not in our data says no client.
            (
                "Dear Member:\nNorthwind administers benefits for Quillfeather Widgets Co. We write about an incident.\n",
                None,
                None,
            ),
            (
                "Dear Member:\nNorthwind administers your plan. We write about an incident.\n",
                None,
                None,
            ),
        ];
        for (text, name, id) in cases {
            let l = e.read_letter(&format!("{head}{text}"));
            let client = l.on_behalf_of.as_ref();
            assert_eq!(client.map(|p| p.name.as_str()), name, "{text}");
            assert_eq!(client.and_then(|p| p.org_id.as_deref()), id, "{text}");
            assert_eq!(
                l.sender.map(|p| p.name).as_deref(),
                Some("Northwind Mailing Services, Inc."),
                "{text}"
            );
        }
    }

    #[test]
    fn a_run_longer_than_a_name_is_no_name() {
        let e = Engine::bundled().unwrap();
        for text in [
            "代表".repeat(50_000),
            format!("{}\n\nDear Customer:\n", "Acme ".repeat(40)),
            format!("{} Inc.\n\nDear Customer:\n", "Q".repeat(130)),
            format!("Sincerely,\n{}\n", "Long Name Co ".repeat(12)),
        ] {
            let l = e.read_letter(&text);
            for p in [&l.sender, &l.on_behalf_of].into_iter().flatten() {
                assert!(p.name.chars().count() <= MAX_NAME_CHARS, "{}", p.name.len());
            }
        }
        assert!(plausible_sender(&"Acme ".repeat(20)));
        assert!(!plausible_sender(&"Acme ".repeat(30)));
        let l = e.read_letter(&"代表".repeat(50_000));
        assert_eq!((l.sender, l.on_behalf_of), (None, None));
    }

    #[test]
    fn windows_said_in_chinese() {
        let d = |m, day| Some(PartialDate::ymd(2024, m, day));
        let cases = [
            (
                "2024年6月3日至2024年6月10日期间，未经授权的人员进入了我们的服务器。",
                (d(6, 3), d(6, 10)),
            ),
            (
                "调查显示，2024年6月3日至2024年6月10日，有人访问了部分文件。",
                (d(6, 3), d(6, 10)),
            ),
            (
                "2024年6月3日至2024年6月10日期间，我们的系统曾无法使用。",
                (d(6, 3), d(6, 10)),
            ),
            // An enrolment period is no window.
            (
                "请于2024年6月3日至2024年6月10日期间完成注册。",
                (None, None),
            ),
        ];
        for (text, want) in cases {
            let (start, end, _) = window(text, &dates::find(text));
            assert_eq!((start, end), want, "{text}");
        }
    }

    #[test]
    fn a_link_to_the_senders_own_site_is_no_lure() {
        let e = Engine::bundled().unwrap();
        let letter = |extra: &str| {
            format!(
                "Mr. Cooper\n\nDecember 15, 2023\n\nDear Customer,\nMr. Cooper is writing about \
                 a cybersecurity incident. Between October 30, 2023 and November 1, 2023, an \
                 unauthorized third party obtained files with your name and address. Details \
                 are at https://www.mrcooper-dataincident.com and on our main site.\n{extra}\n\
                 Sincerely,\nMr. Cooper\n"
            )
        };
        // (what the letter adds, a lure, the look-alike sign among its signs)
        let cases = [
            ("", false, false),
            ("We will never ask for your password.", false, false),
            (
                "Reply with your full Social Security number to confirm your identity.",
                true,
                true,
            ),
            (
                "A processing fee of $35 is required to restore your protection.",
                true,
                true,
            ),
        ];
        for (extra, lure, sign) in cases {
            let l = e.read_letter(&letter(extra));
            assert_eq!(l.is_phishing(), lure, "{extra}: {:?}", l.phishing);
            assert_eq!(
                l.phishing.contains(&PhishSign::LookalikeLink),
                sign,
                "{extra}"
            );
            // Flagged or not, the incident it is about is shown.
            assert_eq!(l.incident.as_deref(), Some("mr-cooper-2023"), "{extra}");
        }
        // A look-alike link alone, or a threat alone, makes no lure.
        assert!(!PhishSign::LookalikeLink.is_decisive());
        assert!(!PhishSign::UrgentThreat.is_decisive());
        assert!(PhishSign::AsksSsn.is_decisive());
    }

    #[test]
    fn never_panics_on_odd_input() {
        let e = Engine::bundled().unwrap();
        for s in [
            "",
            "\n\n",
            "From:\n\n",
            "(“",
            "（以下简称",
            "on behalf of",
            "代表",
            "2023年",
            "=?utf-8?b?",
            "Sincerely,",
            "\u{0}\u{ffff}é中",
        ] {
            let _ = e.read_letter(s);
        }
    }
}
