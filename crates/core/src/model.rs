//! The data model: organizations, vendor relationships, incidents, the data-type
//! taxonomy and the action rules. Everything here is plain data that
//! deserializes from the versioned JSON files under `static/data/`
//! (documented in `static/data/SCHEMA.md`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::json::{json_enum, json_struct};

use crate::date::PartialDate;

/// A text of the data: owned when read from a file, borrowed when it is one
/// of the fixed texts an import gives each of thousands of records (about
/// 15 MB saved at 100 000 imported breaches in the page).
pub type Text = Cow<'static, str>;

/// The data type ids SPEC §4a fixes (they never change). An imported
/// incident names them as shared texts instead of a copy each.
pub const STABLE_DATA_TYPES: [&str; 21] = [
    "ssn",
    "full_name",
    "date_of_birth",
    "email",
    "phone_number",
    "postal_address",
    "call_records",
    "cell_site_location",
    "account_number",
    "account_pin",
    "password",
    "bank_account",
    "payment_card",
    "medical",
    "health_insurance",
    "biometric",
    "passport_number",
    "drivers_license",
    "government_id",
    "tax_id",
    "other",
];

/// A data type id as a [`Text`]: shared when it is one of the stable ids.
pub fn data_type_text(id: &str) -> Text {
    match STABLE_DATA_TYPES.iter().find(|t| **t == id) {
        Some(t) => Cow::Borrowed(t),
        None => Cow::Owned(id.to_string()),
    }
}

/// How bad it is when a data type leaks. Ordered from least to most harmful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

/// The broad family a data type belongs to; used to group and explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Identity,
    Financial,
    Medical,
    Credentials,
    Contact,
    Communications,
    Other,
}

/// One entry of our data-type taxonomy (`ssn`, `call_records`, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataTypeDef {
    pub id: String,
    pub name: String,
    pub severity: Severity,
    pub category: Category,
    /// Plain language: what a criminal can do with it.
    pub harm: String,
}

/// How soon an action should be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Now,
    ThisWeek,
    Ongoing,
}

/// How often a recurring action comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Monthly,
    Yearly,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recurrence {
    pub every: Frequency,
    /// For yearly items tied to a month (a new IRS IP PIN each January).
    pub month: Option<u8>,
    /// What the reminder says, e.g. "Renew your fraud alert".
    pub reminder: String,
    /// How many times in all ("monthly for a year": 12); none when it goes
    /// on until the person stops it.
    pub times: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A rule of the action plan: what to do when some data types were exposed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionDef {
    pub id: String,
    pub title: String,
    /// Why this helps, in general terms.
    pub summary: String,
    pub steps: Vec<String>,
    pub links: Vec<Link>,
    pub effort_minutes: u32,
    pub urgency: Urgency,
    pub recurrence: Option<Recurrence>,
    /// Data type ids that call for this action.
    pub triggers: Vec<String>,
    /// Region codes the steps apply to ("US").
    pub regions: Vec<String>,
    /// General advice for visitors outside those regions.
    pub elsewhere: Option<String>,
    /// When the facts behind the steps and links were last checked.
    pub checked: PartialDate,
    /// Tie-break inside an urgency group: lower comes first.
    pub rank: u32,
}

/// Taxonomy file: data types, action rules, HIBP class mapping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Taxonomy {
    pub schema_version: u32,
    pub data_types: Vec<DataTypeDef>,
    pub actions: Vec<ActionDef>,
    /// Have I Been Pwned data class name → our data type id.
    pub hibp_classes: BTreeMap<String, String>,
    /// Sector id → the companies people most commonly use in it, most used
    /// first (quick picks; whether or not they had a breach).
    pub quick_picks: BTreeMap<String, Vec<String>>,
}

/// What an organization does; used for browsing and quick picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Carrier,
    Bank,
    Fintech,
    Lending,
    Insurer,
    Retirement,
    Health,
    Retail,
    Entertainment,
    CloudPlatform,
    Software,
    BusinessServices,
    Government,
    Education,
    /// Airlines, hotels, car rental, cruise lines, booking sites.
    Travel,
    Other,
}

/// What kind of name an alias is: the matcher's certainty depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// The name as registered or filed ("Bank of America, N.A.").
    Legal,
    /// A brand or trade name.
    Brand,
    /// A name the organization used before.
    Former,
    /// A stock ticker.
    Ticker,
    /// A further web domain.
    Domain,
    /// A common misspelling.
    Misspelling,
    /// A Chinese name; the first one is the organization's Chinese name.
    Zh,
    /// A common short form ("BofA", "UCLA").
    Short,
}

/// One more name an organization is known by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub name: String,
    pub kind: AliasKind,
}

/// How an organization hangs off its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParentRelation {
    /// A brand or trade name of the parent (Cricket Wireless → AT&T).
    Brand,
    /// A separately run subsidiary (QuoteWizard → LendingTree).
    Subsidiary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub aliases: Vec<Alias>,
    pub parent: Option<String>,
    pub parent_relation: Option<ParentRelation>,
    pub sector: Sector,
    pub domain: Option<String>,
    /// False for placeholders such as "an unnamed AT&T vendor": they appear on
    /// paths but are never offered as a company to pick.
    pub listed: bool,
    pub note: Option<Text>,
}

impl Organization {
    /// The name and every alias, as written.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(|a| a.name.as_str()))
    }

    /// The organization's Chinese name, where it has one.
    pub fn zh_name(&self) -> Option<&str> {
        self.aliases
            .iter()
            .find(|a| a.kind == AliasKind::Zh)
            .map(|a| a.name.as_str())
    }
}

/// A client organization shares data with a vendor or platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relationship {
    pub client: String,
    pub vendor: String,
    /// The service the vendor performs, in plain words.
    pub service: String,
    pub data_shared: Vec<String>,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// How the relationship is known; with at least one source it is
    /// sourced, and only a sourced relationship produces a match.
    pub confirmed_by: Option<Confirmation>,
    pub sources: Vec<Source>,
}

impl Relationship {
    /// It carries a source and says how it is confirmed.
    pub fn is_sourced(&self) -> bool {
        !self.sources.is_empty() && self.confirmed_by.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationsFile {
    pub schema_version: u32,
    pub organizations: Vec<Organization>,
    pub relationships: Vec<Relationship>,
    /// Set in the page's copy only (`exposure pack`): the file that holds
    /// the organizations no incident or relationship involves, which the
    /// page reads after its first answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<String>,
}

/// What kind of attack or failure caused an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    Ransomware,
    CredentialTheft,
    Misconfiguration,
    Insider,
    VendorRetentionFailure,
    SoftwareVulnerability,
    Unknown,
}

/// A person's relationship to an organization: what they told us about
/// themselves for a company, and which groups an incident's cohort covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A customer, account holder or user (the default).
    #[default]
    Customer,
    Employee,
    /// A job applicant.
    Applicant,
    Patient,
    /// A member of a health plan, credit union or association.
    Member,
    /// A student or a student's parent.
    Student,
    /// A participant of a benefit, pension or retirement plan.
    PlanParticipant,
}

impl Relation {
    /// Working for the organization (or applying to), as opposed to being
    /// served by it.
    pub(crate) fn is_workforce(self) -> bool {
        matches!(self, Relation::Employee | Relation::Applicant)
    }

    /// A person with relationship `self` can be among a cohort of `who`
    /// (empty: not said, so anyone).
    pub fn fits(self, who: &[Relation]) -> bool {
        who.is_empty()
            || who.contains(&self)
            // "Customer" is the default and says little: any group the
            // organization serves fits it, and it fits any of them.
            || (!self.is_workforce() && who.iter().any(|w| !w.is_workforce()))
    }
}

/// Who was affected, in words, plus an optional window of customer years that
/// the period check uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cohort {
    /// Shared, not copied, where every imported incident says the same.
    pub text: Text,
    /// Customers whose relationship ended before this year are outside it.
    pub from_year: Option<i32>,
    /// Customers whose relationship began after this year are outside it.
    pub until_year: Option<i32>,
    /// The groups affected (empty: not said). An incident of employees only
    /// is `unlikely` for a customer. (Boxed, as the rarely set fields of an
    /// incident are: an import holds 100 000 incidents that never set them.)
    pub who: Box<[Relation]>,
    /// A narrow cohort: the condition a person must meet to be in it, in
    /// plain words ("you had a deferred-compensation plan serviced by the
    /// bank"). Such a match is at most `possible`.
    pub only_if: Option<Box<str>>,
}

impl Cohort {
    /// A cohort that says only who in words: no years, groups or condition
    /// (imported and register incidents).
    pub fn plain(text: Text) -> Cohort {
        Cohort {
            text,
            from_year: None,
            until_year: None,
            who: Box::default(),
            only_if: None,
        }
    }
}

/// How a client's part in a vendor incident is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    ClientNotice,
    RegulatorFiling,
    VendorList,
    CourtRecord,
    Press,
}

impl Confirmation {
    /// Official confirmations make a match `confirmed`; press reports only `likely`.
    pub(crate) fn is_official(self) -> bool {
        !matches!(self, Confirmation::Press)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedClient {
    pub org: String,
    pub affected: Option<u64>,
    pub note: Option<String>,
    pub confirmed_by: Confirmation,
    /// The URL (one of the incident's sources) that names this client.
    pub source: Option<String>,
    /// Only some of the client's people were affected: the condition, in
    /// plain words. Matches through this client are at most `possible`.
    pub only_if: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    CreditMonitoring,
    IdentityMonitoring,
}

/// Something the breached company offered the people affected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remedy {
    pub kind: RemedyKind,
    pub provider: Option<String>,
    pub months: Option<u32>,
    pub enroll_by: Option<PartialDate>,
    /// How to take it up (usually: the code in the notification letter).
    pub how: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettlementKind {
    Regulator,
    ClassAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settlement {
    pub kind: SettlementKind,
    /// Who settled with whom, in words.
    pub name: String,
    pub amount_usd: Option<u64>,
    pub date: Option<PartialDate>,
    pub claim_deadline: Option<PartialDate>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A company-specific step that joins one of the generic actions
/// (e.g. "reset your AT&T passcode" joins `change_password`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtraStep {
    pub action: String,
    pub text: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Shared where many sources name the same page (imported catalogues).
    pub url: Text,
    pub publisher: Text,
    pub date: PartialDate,
    pub title: Option<String>,
}

/// An earlier count of the people affected, kept for the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub count: u64,
    pub date: PartialDate,
    /// The URL (one of the incident's sources) that gave it.
    pub source: String,
}

/// Written as the files hold it: one object, the rarer members after the
/// others (`IncidentMore`, flattened), `from_catalogue` never.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incident {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The organization whose systems or accounts were breached.
    pub breached_org: String,
    pub kind: IncidentKind,
    pub breach_start: Option<PartialDate>,
    pub breach_end: Option<PartialDate>,
    pub discovered: Option<PartialDate>,
    pub disclosed: Option<PartialDate>,
    /// People affected in all: the latest figure.
    pub affected: Option<u64>,
    /// The date of that figure.
    pub affected_as_of: Option<PartialDate>,
    /// The URL (one of the incident's sources) that gives that figure.
    pub affected_source: Option<Text>,
    /// Set when the count is disputed or only claimed by the attackers.
    pub affected_unconfirmed: bool,
    pub data_types: Vec<Text>,
    pub cohort: Cohort,
    /// True when the breached org's own customers are the people affected;
    /// false for a vendor whose clients' customers were exposed.
    pub own_customers: bool,
    /// Listed by an imported breach catalogue (Have I Been Pwned): its title
    /// is the breach's name, said as such by the words (`exposure-words`
    /// `incident_title`), not stored 100 000 times. Never in the files.
    #[serde(skip)]
    pub from_catalogue: bool,
    pub sources: Vec<Source>,
    /// What few incidents have (read with [`Incident::more`], written with
    /// [`Incident::more_mut`]); none for most imported and register ones.
    #[serde(flatten)]
    pub more: Option<Box<IncidentMore>>,
}

/// The members of an incident that most incidents leave out: behind one
/// pointer, 100 000 imported incidents take about 10 MB less in wasm32.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IncidentMore {
    /// The platform that held the breached account, when the breach happened
    /// in the breached org's account on someone else's platform (Snowflake).
    pub platform: Option<String>,
    /// The campaign incident this one is part of (one victim's own notice
    /// of a mass exploitation): a company matched by both sees this one.
    pub campaign: Option<Box<str>>,
    /// Incidents reviewed as other events, though they name this one's
    /// organization at about the same time (its own breach, beside a
    /// campaign it was also a victim of).
    pub distinct_from: Vec<String>,
    pub actor: Option<String>,
    /// How old the stolen records are, where much older than the theft.
    pub data_from: Option<PartialDate>,
    /// Earlier figures, superseded by `affected`.
    pub affected_history: Vec<Figure>,
    pub affected_clients: Vec<AffectedClient>,
    pub remedies: Vec<Remedy>,
    pub settlements: Vec<Settlement>,
    pub extra_steps: Vec<ExtraStep>,
}

/// What an incident without any of [`IncidentMore`] reads.
static NO_MORE: IncidentMore = IncidentMore {
    platform: None,
    campaign: None,
    distinct_from: Vec::new(),
    actor: None,
    data_from: None,
    affected_history: Vec::new(),
    affected_clients: Vec::new(),
    remedies: Vec::new(),
    settlements: Vec::new(),
    extra_steps: Vec::new(),
};

impl IncidentMore {
    /// Nothing set: kept as no box at all.
    pub fn is_empty(&self) -> bool {
        *self == NO_MORE
    }
}

impl Incident {
    /// Its rarer members (all empty when it has none).
    pub fn more(&self) -> &IncidentMore {
        self.more.as_deref().unwrap_or(&NO_MORE)
    }

    /// Its rarer members, to change (boxed on first use).
    pub fn more_mut(&mut self) -> &mut IncidentMore {
        self.more.get_or_insert_with(Box::default)
    }

    /// Sets its rarer members; none are kept as no box.
    pub fn set_more(&mut self, more: IncidentMore) {
        self.more = (!more.is_empty()).then(|| Box::new(more));
    }

    /// A vendor, processor or platform stood between the people affected and
    /// the company they dealt with.
    pub fn is_third_party(&self) -> bool {
        let more = self.more();
        more.platform.is_some() || !more.affected_clients.is_empty()
    }

    /// The earliest of its breach, discovery and disclosure dates: for
    /// sorting and the year filter only, never shown as a breach date.
    pub fn earliest_date(&self) -> Option<PartialDate> {
        [self.breach_start, self.discovered, self.disclosed]
            .into_iter()
            .flatten()
            .min()
    }
}

/// One structured list the curated data was checked against, and how far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The list, e.g. "HHS OCR breach portal, entries of 250 000 or more".
    pub list: String,
    pub url: Option<String>,
    /// The newest entry of the list that was reviewed.
    pub covered_to: PartialDate,
    pub rows_reviewed: Option<u64>,
    pub incidents_added: Option<u64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentsFile {
    pub schema_version: u32,
    /// The date the research behind the data covered to.
    pub as_of: Option<PartialDate>,
    pub coverage: Vec<Coverage>,
    /// Ids no longer in use → the incident that replaced them.
    pub retired: BTreeMap<String, String>,
    /// Set in the page's copy only (`exposure pack`): the file that holds
    /// the incidents' long texts, left empty here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    pub incidents: Vec<Incident>,
}

// Reading the files (`crate::json`): every struct refuses fields it does
// not know; `: default` marks what a file may leave out.
json_enum!(Severity { Low = "low", Medium = "medium", High = "high", Critical = "critical" });
json_enum!(Category {
    Identity = "identity",
    Financial = "financial",
    Medical = "medical",
    Credentials = "credentials",
    Contact = "contact",
    Communications = "communications",
    Other = "other",
});
json_struct!(strict DataTypeDef { id, name, severity, category, harm });
json_enum!(Urgency { Now = "now", ThisWeek = "this_week", Ongoing = "ongoing" });
json_enum!(Frequency { Weekly = "weekly", Monthly = "monthly", Yearly = "yearly" });
json_struct!(strict Recurrence { every, month: default, reminder, times: default });
json_struct!(strict Link { label, url });
json_struct!(strict ActionDef {
    id,
    title,
    summary,
    steps,
    links,
    effort_minutes,
    urgency,
    recurrence: default,
    triggers,
    regions,
    elsewhere: default,
    checked,
    rank,
});
json_struct!(strict Taxonomy { schema_version, data_types, actions, hibp_classes, quick_picks: default });
json_enum!(Sector {
    Carrier = "carrier",
    Bank = "bank",
    Fintech = "fintech",
    Lending = "lending",
    Insurer = "insurer",
    Retirement = "retirement",
    Health = "health",
    Retail = "retail",
    Entertainment = "entertainment",
    CloudPlatform = "cloud_platform",
    Software = "software",
    BusinessServices = "business_services",
    Government = "government",
    Education = "education",
    Travel = "travel",
    Other = "other",
});
json_enum!(AliasKind {
    Legal = "legal",
    Brand = "brand",
    Former = "former",
    Ticker = "ticker",
    Domain = "domain",
    Misspelling = "misspelling",
    Zh = "zh",
    Short = "short",
});
json_struct!(strict Alias { name, kind });
json_enum!(ParentRelation { Brand = "brand", Subsidiary = "subsidiary" });
json_struct!(strict Organization {
    id,
    name,
    aliases: default,
    parent: default,
    parent_relation: default,
    sector,
    domain: default,
    listed: or(true),
    note: default,
});
json_struct!(strict Relationship {
    client,
    vendor,
    service,
    data_shared: default,
    from: default,
    until: default,
    confirmed_by: default,
    sources: default,
});
json_struct!(strict OrganizationsFile { schema_version, organizations, relationships: default, more: default });
json_enum!(IncidentKind {
    Ransomware = "ransomware",
    CredentialTheft = "credential_theft",
    Misconfiguration = "misconfiguration",
    Insider = "insider",
    VendorRetentionFailure = "vendor_retention_failure",
    SoftwareVulnerability = "software_vulnerability",
    Unknown = "unknown",
});
json_enum!(Relation {
    Customer = "customer",
    Employee = "employee",
    Applicant = "applicant",
    Patient = "patient",
    Member = "member",
    Student = "student",
    PlanParticipant = "plan_participant",
});
json_struct!(strict Cohort {
    text,
    from_year: default,
    until_year: default,
    who: default,
    only_if: default,
});
json_enum!(Confirmation {
    ClientNotice = "client_notice",
    RegulatorFiling = "regulator_filing",
    VendorList = "vendor_list",
    CourtRecord = "court_record",
    Press = "press",
});
json_struct!(strict AffectedClient {
    org,
    affected: default,
    note: default,
    confirmed_by,
    source: default,
    only_if: default,
});
json_struct!(strict Figure { count, date, source });
json_enum!(RemedyKind { CreditMonitoring = "credit_monitoring", IdentityMonitoring = "identity_monitoring" });
json_struct!(strict Remedy {
    kind,
    provider: default,
    months: default,
    enroll_by: default,
    how: default,
    url: default,
});
json_enum!(SettlementKind { Regulator = "regulator", ClassAction = "class_action" });
json_struct!(strict Settlement {
    kind,
    name,
    amount_usd: default,
    date: default,
    claim_deadline: default,
    url: default,
    note: default,
});
json_struct!(strict ExtraStep { action, text, url: default });
json_struct!(strict Source { url, publisher, date, title: default });
/// An incident as the files hold it: every member in one object (read
/// into [`Incident`], whose rarer members are boxed).
struct IncidentFields {
    id: String,
    title: String,
    summary: String,
    breached_org: String,
    platform: Option<String>,
    campaign: Option<Box<str>>,
    distinct_from: Vec<String>,
    kind: IncidentKind,
    actor: Option<String>,
    breach_start: Option<PartialDate>,
    breach_end: Option<PartialDate>,
    discovered: Option<PartialDate>,
    disclosed: Option<PartialDate>,
    data_from: Option<PartialDate>,
    affected: Option<u64>,
    affected_as_of: Option<PartialDate>,
    affected_source: Option<Text>,
    affected_history: Vec<Figure>,
    affected_unconfirmed: bool,
    data_types: Vec<Text>,
    cohort: Cohort,
    own_customers: bool,
    affected_clients: Vec<AffectedClient>,
    remedies: Vec<Remedy>,
    settlements: Vec<Settlement>,
    extra_steps: Vec<ExtraStep>,
    sources: Vec<Source>,
}

impl From<IncidentFields> for Incident {
    fn from(f: IncidentFields) -> Incident {
        let mut inc = Incident {
            id: f.id,
            title: f.title,
            summary: f.summary,
            breached_org: f.breached_org,
            kind: f.kind,
            breach_start: f.breach_start,
            breach_end: f.breach_end,
            discovered: f.discovered,
            disclosed: f.disclosed,
            affected: f.affected,
            affected_as_of: f.affected_as_of,
            affected_source: f.affected_source,
            affected_unconfirmed: f.affected_unconfirmed,
            data_types: f.data_types,
            cohort: f.cohort,
            own_customers: f.own_customers,
            sources: f.sources,
            from_catalogue: false,
            more: None,
        };
        inc.set_more(IncidentMore {
            platform: f.platform,
            campaign: f.campaign,
            distinct_from: f.distinct_from,
            actor: f.actor,
            data_from: f.data_from,
            affected_history: f.affected_history,
            affected_clients: f.affected_clients,
            remedies: f.remedies,
            settlements: f.settlements,
            extra_steps: f.extra_steps,
        });
        inc
    }
}

impl crate::json::FromJson for Incident {
    fn from_json(v: crate::json::Json) -> Result<Self, crate::json::JsonError> {
        IncidentFields::from_json(v).map(Incident::from)
    }
}

json_struct!(strict IncidentFields {
    id,
    title,
    summary,
    breached_org,
    platform: default,
    campaign: default,
    distinct_from: default,
    kind,
    actor: default,
    breach_start: default,
    breach_end: default,
    discovered: default,
    disclosed: default,
    data_from: default,
    affected: default,
    affected_as_of: default,
    affected_source: default,
    affected_history: default,
    affected_unconfirmed: default,
    data_types,
    cohort,
    own_customers,
    affected_clients: default,
    remedies: default,
    settlements: default,
    extra_steps: default,
    // Empty in the page's split copy (in `details.json`), and so left out
    // there; `exposure validate` requires a source of every incident.
    sources: default,
});
json_struct!(strict Coverage {
    list,
    url: default,
    covered_to,
    rows_reviewed: default,
    incidents_added: default,
    note: default,
});
json_struct!(strict IncidentsFile {
    schema_version,
    as_of: default,
    coverage: default,
    retired: default,
    details: default,
    incidents,
});
