//! The words of Exposure Check's answers: the core returns facts (a match's
//! [`Route`], the years that put a person [`Outside`] a cohort, the
//! [`Fit`] of a cohort to the person); this crate turns them into sentences
//! in the reader's language. The page and the CLI both use it, so a
//! sentence lives in one place. Texts that are data (incident titles,
//! cohorts, action steps in Chinese) stay in the data set's translations.

use std::borrow::Cow;

use exposure_core::dataset::DataSet;
use exposure_core::exposure::{Confidence, Fit, Match, Outside, PathKind, Route};
use exposure_core::exposure::{Period, Tenure};
use exposure_core::hibp::{FieldType, SkipReason};
use exposure_core::lang::{Lang, Locale, Texts};
use exposure_core::model::{Confirmation, Incident, Relation};
use exposure_core::plan::PlannedAction;
use exposure_core::report::{ActionWords, MatchWords, Words};
use exposure_core::PartialDate;

pub mod export;
pub mod letter;
pub mod plan;
use exposure_core::verdict::{Verdict, Worst};

/// How the company reaches the incident, in one or two sentences.
pub fn explanation(ds: &DataSet, m: &Match, locale: Locale) -> String {
    let lang = locale.lang;
    let Some(inc) = ds.incident(&m.incident_id) else {
        return String::new();
    };
    let zh = lang == Lang::Zh;
    let name = |id: &str| org_name(ds, id, lang).to_string();
    let org = name(&m.org_id);
    let breached = name(&inc.breached_org);
    let how = incident_phrase(ds, inc, locale);
    match &m.route {
        Route::FiledNotice { register, reported } if zh => format!(
            "{org}于{}向公开登记（{register}）通报了一起数据泄露。",
            lang.date(*reported)
        ),
        Route::FiledNotice { register, reported } => format!(
            "{org} filed a breach notice with a public register ({register}) on {}.",
            lang.date(*reported)
        ),
        Route::Breached if zh => format!("{org}本身遭到数据泄露：{how}。"),
        Route::Breached => format!("{org} was breached directly: {how}."),
        Route::NamedClient { confirmed_by } if zh => format!(
            "{org}是{breached}的客户，{breached}遭到数据泄露（{how}）；{}将{org}列为受影响的客户。",
            confirmation_phrase(ds, *confirmed_by, &m.org_id, lang)
        ),
        Route::NamedClient { confirmed_by } => format!(
            "{org} is a client of {breached}, which was breached ({how}); {org} is named among the affected clients in {}.",
            confirmation_phrase(ds, *confirmed_by, &m.org_id, lang)
        ),
        Route::UnderBreached { owner, brand } if zh => {
            format!("{}，{}遭到数据泄露：{how}。", belongs_zh(&org, &name(owner), *brand), name(owner))
        }
        Route::UnderBreached { owner, brand } => format!(
            "{org} is {} {}, which was breached: {how}.",
            belongs_en(*brand),
            name(owner)
        ),
        Route::UnderClient { owner, brand } if zh => format!(
            "{}，{}是{breached}的客户，{breached}遭到数据泄露（{how}）。",
            belongs_zh(&org, &name(owner), *brand),
            name(owner)
        ),
        Route::UnderClient { owner, brand } => format!(
            "{org} is {} {}, a client of {breached}, which was breached ({how}).",
            belongs_en(*brand),
            name(owner)
        ),
        Route::OwnedUnit { unit } if zh => {
            let unit = name(unit);
            format!("{unit}隶属于{org}；{unit}受到影响（{how}）。只有当你与{unit}打过交道时，你的数据才会涉及。")
        }
        Route::OwnedUnit { unit } => {
            let unit = name(unit);
            format!("{unit} belongs to {org}; {unit} was affected ({how}). Your data is involved only if you dealt with {unit}.")
        }
        Route::SameGroup { group } if zh => format!(
            "{org}和{breached}同属{}；{breached}为集团内外的企业处理数据，遭到数据泄露（{how}）。如果它处理过你的数据，你就会受到影响。",
            name(group)
        ),
        Route::SameGroup { group } => format!(
            "{org} and {breached} both belong to {}; {breached} handles data for companies in and outside the group and was breached ({how}). Your data is involved if it handled yours.",
            name(group)
        ),
        Route::UsesVendor { service } if zh => format!(
            "{org}使用{breached}的服务（{}）；{breached}遭到数据泄露（{how}），但{org}未被列为受影响的客户。",
            ds.texts(locale).service(service)
        ),
        Route::UsesVendor { service } => format!(
            "{org} uses {breached} for {service}; {breached} was breached ({how}), but {org} was not named among the affected clients."
        ),
        Route::Letter if zh => format!(
            "你收到的来信说明此事件涉及你：{org}的数据在此事件中泄露（{how}）。"
        ),
        Route::Letter => format!(
            "A letter you received says this incident involves you: {org}'s data was exposed in it ({how})."
        ),
    }
}

fn belongs_en(brand: bool) -> &'static str {
    if brand {
        "a brand of"
    } else {
        "part of"
    }
}

/// "X是Y旗下的品牌" / "X隶属于Y".
fn belongs_zh(org: &str, owner: &str, brand: bool) -> String {
    if brand {
        format!("{org}是{owner}旗下的品牌")
    } else {
        format!("{org}隶属于{owner}")
    }
}

/// Why the years the person gave cannot overlap the cohort, when they
/// cannot.
pub fn outside_note(ds: &DataSet, m: &Match, locale: Locale) -> Option<String> {
    let lang = locale.lang;
    let inc = ds.incident(&m.incident_id)?;
    let cohort = match ds.texts(locale).cohort(inc) {
        // The words of the cohort still downloading (the page's first stage).
        "" => lang.pick("the people it affected", "受影响的人"),
        c => c,
    };
    Some(match (m.outside?, lang) {
        (Outside::EndedBefore { until, from }, Lang::Zh) => {
            format!("你在{until}年之前是其客户；此事件涉及{cohort}（{from}年起）。")
        }
        (Outside::EndedBefore { until, from }, Lang::En) => format!(
            "You were a customer until {until}; this incident concerns {cohort} ({from} onwards)."
        ),
        (Outside::StartedAfter { from, until }, Lang::Zh) => {
            format!("你从{from}年起才成为其客户；此事件涉及{cohort}（截至{until}年）。")
        }
        (Outside::StartedAfter { from, until }, Lang::En) => format!(
            "You became a customer in {from}; this incident concerns {cohort} (up to {until})."
        ),
    })
}

/// "Bank of America's own notice", "a regulator filing", …
fn confirmation_phrase(ds: &DataSet, how: Confirmation, client: &str, lang: Lang) -> String {
    match (how, lang) {
        (Confirmation::ClientNotice, Lang::En) => format!("{}'s own notice", ds.org_name(client)),
        (Confirmation::ClientNotice, Lang::Zh) => {
            format!("{}自己的通知", org_name(ds, client, lang))
        }
        (other, _) => confirmation_label(lang, other).to_string(),
    }
}

/// "ransomware by LockBit, Oct 29, 2023 – Nov 2, 2023" and the like.
fn incident_phrase(ds: &DataSet, inc: &Incident, locale: Locale) -> String {
    let lang = locale.lang;
    let t = ds.texts(locale);
    let zh = lang == Lang::Zh;
    let mut s = kind_label(lang, inc.kind).to_string();
    if let Some(p) = &inc.more().platform {
        s.push_str(&if zh {
            format!("，发生在 {} 平台上", org_name(ds, p, lang))
        } else {
            format!(" on the {} platform", ds.org_name(p))
        });
    }
    if let Some(actor) = t.actor(inc) {
        s.push_str(&if zh {
            format!("，攻击者为 {actor}")
        } else {
            format!(" by {actor}")
        });
    }
    let comma = lang.pick(", ", "，");
    match (inc.breach_start, inc.breach_end) {
        (Some(a), Some(b)) if a != b => s.push_str(&format!(
            "{comma}{}{}{}",
            t.date(a),
            lang.pick(" – ", "至"),
            t.date(b)
        )),
        (Some(a), _) => s.push_str(&format!("{comma}{}", t.date(a))),
        (None, _) => {
            if let Some(d) = inc.disclosed {
                s.push_str(&if zh {
                    format!("，{}披露", t.date(d))
                } else {
                    format!(", disclosed {}", d.human())
                });
            }
        }
    }
    s
}

/// A person's relationship to a company: as a choice ("customer") and as a
/// group of people ("customers").
pub fn relation_label(lang: Lang, r: Relation, plural: bool) -> &'static str {
    use Relation::*;
    match (lang, r, plural) {
        (Lang::En, Customer, false) => "customer",
        (Lang::En, Customer, true) => "customers",
        (Lang::En, Employee, false) => "employee",
        (Lang::En, Employee, true) => "employees",
        (Lang::En, Applicant, false) => "job applicant",
        (Lang::En, Applicant, true) => "job applicants",
        (Lang::En, Patient, false) => "patient",
        (Lang::En, Patient, true) => "patients",
        (Lang::En, Member, false) => "member",
        (Lang::En, Member, true) => "members",
        (Lang::En, Student, false) => "student or parent",
        (Lang::En, Student, true) => "students and parents",
        (Lang::En, PlanParticipant, false) => "plan participant",
        (Lang::En, PlanParticipant, true) => "plan participants",
        (Lang::Zh, Customer, _) => "客户",
        (Lang::Zh, Employee, _) => "员工",
        (Lang::Zh, Applicant, _) => "求职者",
        (Lang::Zh, Patient, _) => "患者",
        (Lang::Zh, Member, _) => "会员或参保人",
        (Lang::Zh, Student, _) => "学生或家长",
        (Lang::Zh, PlanParticipant, _) => "计划参与者",
    }
}

/// Whether the relationship goes on, with what the person is: "current
/// customer", "former employee"; "仍是客户", "以前是员工".
pub fn tenure_label(lang: Lang, tenure: Tenure, r: Relation) -> String {
    let who = relation_label(lang, r, false);
    match (lang, tenure) {
        (Lang::En, Tenure::Current) => format!("current {who}"),
        (Lang::En, Tenure::Former) => format!("former {who}"),
        (Lang::Zh, Tenure::Current) => format!("仍是{who}"),
        (Lang::Zh, Tenure::Former) => format!("以前是{who}"),
    }
}

/// What the person said of their relationship with a company, as an export
/// writes it: "former customer 2010–2016", "current customer since 2015",
/// "customer from 2015", "employee"; "以前是客户，2010–2016年". A current
/// relationship has no end year, and an end year alone says it ended
/// (`Period::status`, `Period::ended`). None for a customer who said nothing.
pub fn relationship_words(lang: Lang, r: Relation, p: Period) -> Option<String> {
    let status = p.status();
    if status.is_none() && p.from.is_none() && r == Relation::Customer {
        return None;
    }
    let who = match status {
        Some(t) => tenure_label(lang, t, r),
        None => relation_label(lang, r, false).to_string(),
    };
    let current = status == Some(Tenure::Current);
    let years = match (lang, p.from, p.ended()) {
        (_, None, None) => String::new(),
        (Lang::En, Some(a), Some(b)) => format!(" {a}–{b}"),
        (Lang::En, Some(a), None) if current => format!(" since {a}"),
        (Lang::En, Some(a), None) => format!(" from {a}"),
        (Lang::En, None, Some(b)) => format!(" until {b}"),
        (Lang::Zh, Some(a), Some(b)) => format!("，{a}–{b}年"),
        (Lang::Zh, Some(a), None) => format!("，{a}年起"),
        (Lang::Zh, None, Some(b)) => format!("，至{b}年"),
    };
    Some(format!("{who}{years}"))
}

/// The one line on whether a narrow or other-group incident is about the
/// person (the card's line and the CLI's reason): "Possible — only if …",
/// "Affects only the employees of … — so probably not you". None when the
/// cohort covers the person's relationship broadly.
pub fn fit_line(ds: &DataSet, m: &Match, locale: Locale) -> Option<String> {
    let lang = locale.lang;
    let t = ds.texts(locale);
    let org = org_name(ds, &m.org_id, lang);
    match &m.fit {
        Fit::OnlyIf { condition, client } => {
            // In the reader's language where the data has it.
            let condition = ds
                .incident(&m.incident_id)
                .and_then(|inc| t.only_if(inc, client.as_deref()))
                .unwrap_or(condition);
            Some(match lang {
                Lang::En => format!("Possible — only if {condition}."),
                Lang::Zh => format!("可能受影响——仅当{condition}。"),
            })
        }
        Fit::OtherGroup { who } => {
            let groups: Vec<&str> = who.iter().map(|r| relation_label(lang, *r, true)).collect();
            Some(match lang {
                Lang::En => format!(
                    "Affects only the {} of {org} — so probably not you.",
                    groups.join(" and ")
                ),
                Lang::Zh => format!("仅影响{org}的{}——因此很可能与你无关。", groups.join("和")),
            })
        }
        Fit::Covered | Fit::OutsideYears => None,
    }
}

/// A closed card's one line of when and whom: the month the breach began
/// ("breach Oct 2023", "2023年10月泄露"), else the month it was made
/// public, and the groups it reached where the data says ("customers
/// affected").
pub fn card_when(ds: &DataSet, m: &Match, locale: Locale) -> Option<String> {
    let lang = locale.lang;
    let t = ds.texts(locale);
    let inc = ds.incident(&m.incident_id)?;
    let month = |d: PartialDate| t.date(PartialDate { day: None, ..d });
    let when = match (inc.breach_start, inc.disclosed, lang) {
        (Some(d), _, Lang::En) => Some(format!("breach {}", month(d))),
        (Some(d), _, Lang::Zh) => Some(format!("{}泄露", month(d))),
        (None, Some(d), Lang::En) => Some(format!("disclosed {}", month(d))),
        (None, Some(d), Lang::Zh) => Some(format!("{}披露", month(d))),
        (None, None, _) => None,
    };
    // Whom it reached, where the data says: the groups of the cohort.
    let groups: Vec<&str> = inc
        .cohort
        .who
        .iter()
        .map(|r| relation_label(lang, *r, true))
        .collect();
    let who = (!groups.is_empty()).then(|| match lang {
        Lang::En => format!("{} affected", t.list(&groups)),
        Lang::Zh => format!("受影响：{}", t.list(&groups)),
    });
    let parts: Vec<String> = when.into_iter().chain(who).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The one-line reason of a match's confidence about the person, in
/// English (the CLI's and `check --json`'s), for every fit.
pub fn fit_reason(ds: &DataSet, m: &Match) -> String {
    if let Some(line) = fit_line(ds, m, Lang::En.into()) {
        return line;
    }
    let org = ds.org_name(&m.org_id);
    match &m.fit {
        Fit::Covered if m.confidence == Confidence::Possible => format!(
            "Possible — {org} is not named: it is linked to the breached organization {}.",
            match m.kind {
                PathKind::VendorRelationship => "as its client",
                _ => "through their corporate family",
            }
        ),
        Fit::OutsideYears => outside_note(ds, m, Lang::En.into())
            .unwrap_or_else(|| "Outside the years you gave.".into()),
        _ => format!("The incident's cohort covers {org}'s people broadly."),
    }
}

/// The words of one language for the core's outputs (`exposure check
/// --json`, the JSON, Markdown and calendar exports): each match's
/// explanation (with the years note) in `locale` and its reason in English,
/// each action in `locale` with deadlines judged against `today`.
#[derive(Clone, Copy)]
pub struct Speaker<'a> {
    pub ds: &'a DataSet,
    pub locale: Locale<'a>,
    pub today: Option<PartialDate>,
}

impl Words for Speaker<'_> {
    fn incident_title(&self, inc: &Incident) -> String {
        incident_title(self.ds.texts(self.locale), inc).into_owned()
    }

    fn match_words(&self, m: &Match) -> MatchWords {
        let explanation = explanation(self.ds, m, self.locale);
        MatchWords {
            explanation: match outside_note(self.ds, m, self.locale) {
                Some(n) => format!("{explanation} {n}"),
                None => explanation,
            },
            reason: fit_reason(self.ds, m),
        }
    }

    fn action_words(&self, a: &PlannedAction) -> ActionWords {
        plan::action_words(self.ds, self.locale, self.today, a)
    }

    fn lang(&self) -> Lang {
        self.locale.lang
    }

    fn reminder(&self, a: &PlannedAction) -> String {
        let t = self.ds.texts(self.locale);
        match self.ds.action(&a.id).and_then(|def| t.reminder(def)) {
            Some(r) => r.to_string(),
            None => a
                .recurrence
                .as_ref()
                .map(|r| r.reminder.clone())
                .unwrap_or_default(),
        }
    }
}

/// How an incident happened, in a few words: the one place it is written.
pub fn kind_label(lang: Lang, kind: exposure_core::model::IncidentKind) -> &'static str {
    use exposure_core::model::IncidentKind::*;
    match kind {
        Ransomware => lang.pick("ransomware", "勒索软件攻击"),
        CredentialTheft => lang.pick("stolen credentials", "凭据被盗"),
        Misconfiguration => lang.pick("misconfiguration", "配置错误"),
        Insider => lang.pick("insider", "内部人员"),
        VendorRetentionFailure => lang.pick(
            "vendor kept data it should have deleted",
            "供应商保留了本应删除的数据",
        ),
        SoftwareVulnerability => lang.pick("software vulnerability", "软件漏洞"),
        Unknown => lang.pick("data leak of unknown origin", "来源不明的数据泄露"),
    }
}

/// "credit monitoring" / "信用监控".
pub fn remedy_label(lang: Lang, k: exposure_core::model::RemedyKind) -> &'static str {
    use exposure_core::model::RemedyKind::*;
    match k {
        CreditMonitoring => lang.pick("credit monitoring", "信用监控"),
        IdentityMonitoring => lang.pick("identity monitoring", "身份监控"),
    }
}

/// What confirmed a client was affected.
pub fn confirmation_label(lang: Lang, c: Confirmation) -> &'static str {
    match c {
        Confirmation::ClientNotice => lang.pick("the company's own notice", "该公司自己的通知"),
        Confirmation::RegulatorFiling => lang.pick("a regulator filing", "向监管机构提交的文件"),
        Confirmation::VendorList => lang.pick("the vendor's list of clients", "供应商的客户名单"),
        Confirmation::CourtRecord => lang.pick("a court record", "法庭记录"),
        Confirmation::Press => lang.pick("press reports", "媒体报道"),
    }
}

/// An urgency band's name: the one place it is written.
pub fn urgency_label(lang: Lang, u: exposure_core::model::Urgency) -> &'static str {
    use exposure_core::model::Urgency;
    match u {
        Urgency::Now => lang.pick("Do now", "立即处理"),
        // The plan's three bands (issue 22): "do now", "this month",
        // "keep doing".
        Urgency::ThisWeek => lang.pick("This month", "本月内"),
        Urgency::Ongoing => lang.pick("Keep doing", "长期坚持"),
    }
}

/// Why a letter looks like a lure, in the reader's language.
pub fn phish_reason(lang: Lang, sign: exposure_core::letter::PhishSign) -> &'static str {
    use exposure_core::letter::PhishSign::*;
    match sign {
        AsksPayment => lang.pick(
            "It asks you to pay: a genuine notice never charges for the protection it offers.",
            "它要求你付款：真正的通知从不为所提供的保护收费。",
        ),
        GiftCards => lang.pick(
            "It asks for gift cards: no company or agency takes payment in gift cards.",
            "它要求用礼品卡付款：任何公司或政府机构都不会收取礼品卡付款。",
        ),
        AsksPassword => lang.pick(
            "It asks for a password or log-in: a genuine notice never does.",
            "它索要密码或登录信息：真正的通知从不这样做。",
        ),
        AsksSsn => lang.pick(
            "It asks for your Social Security number by reply or on a page it links to.",
            "它要求你通过回复或其链接的网页提供社会安全号码。",
        ),
        AsksCardNumber => lang.pick(
            "It asks for a card number or its security code.",
            "它索要银行卡号或卡的安全码。",
        ),
        AsksPin => lang.pick("It asks for a PIN.", "它索要 PIN 码。"),
        AsksBankAccount => lang.pick("It asks for bank account details.", "它索要银行账户信息。"),
        UrgentThreat => lang.pick(
            "It threatens you with a few hours to act, a closed account or legal trouble.",
            "它以数小时内必须处理、账户将被关闭或法律责任相威胁。",
        ),
        LookalikeLink => lang.pick(
            "It links to an address that is not the company's own.",
            "它链接到的网址并不属于该公司。",
        ),
    }
}

/// Why a catalogue entry was left out of the import, in the reader's
/// language (the page's import report and the CLI's `import-hibp`).
pub fn skip_reason(lang: Lang, reason: &SkipReason) -> String {
    let zh = lang == Lang::Zh;
    let kind = |t: FieldType| match (t, zh) {
        (FieldType::Text, false) => "text",
        (FieldType::Text, true) => "文本",
        (FieldType::WholeNumber, false) => "a whole number",
        (FieldType::WholeNumber, true) => "整数",
        (FieldType::TrueOrFalse, false) => "true or false",
        (FieldType::TrueOrFalse, true) => "true 或 false",
        (FieldType::ListOfText, false) => "a list of text",
        (FieldType::ListOfText, true) => "文本列表",
    };
    match reason {
        SkipReason::NotAnObject => lang.pick("not a breach object", "不是泄露事件条目").into(),
        SkipReason::NoName => lang.pick("no Name", "缺少 Name 字段").into(),
        SkipReason::Fabricated => lang
            .pick(
                "marked fabricated by Have I Been Pwned",
                "Have I Been Pwned 标记为伪造",
            )
            .into(),
        SkipReason::SpamList => lang
            .pick(
                "a spam list, not a breach of the company",
                "垃圾邮件名单，并非该公司的数据泄露",
            )
            .into(),
        SkipReason::Retired => lang
            .pick(
                "retired by Have I Been Pwned",
                "已被 Have I Been Pwned 撤下",
            )
            .into(),
        SkipReason::Malware => lang
            .pick(
                "malware or stealer-log data, not a breach of the company",
                "恶意软件或窃密日志数据，并非该公司的数据泄露",
            )
            .into(),
        SkipReason::NameWithoutLetters => lang
            .pick("the Name has no letters or digits", "Name 中没有字母或数字")
            .into(),
        SkipReason::Duplicate => lang
            .pick("the same breach appears twice", "同一泄露事件出现了两次")
            .into(),
        SkipReason::AlreadyCurated { incident } if zh => format!("已收录于精选数据（{incident}）"),
        SkipReason::AlreadyCurated { incident } => {
            format!("already in the curated data as {incident}")
        }
        SkipReason::WrongType { field, expected } if zh => {
            format!("{field} 应为{}", kind(*expected))
        }
        SkipReason::WrongType { field, expected } => {
            format!("{field} is not {}", kind(*expected))
        }
        SkipReason::BadDate { field } if zh => format!("{field} 不是日期"),
        SkipReason::BadDate { field } => format!("{field} is not a date"),
        SkipReason::NoDate => lang
            .pick(
                "neither BreachDate nor AddedDate",
                "既无 BreachDate 也无 AddedDate",
            )
            .into(),
    }
}

/// A company's name for the reader: its Chinese name in Chinese where the
/// data has one.
/// An incident's title as a reader sees it: the data's title in the
/// language, and for a breach an imported catalogue lists (which stores
/// only the breach's name) the name with what it is.
pub fn incident_title<'a>(t: Texts<'a>, inc: &'a Incident) -> Cow<'a, str> {
    let title = t.incident_title(inc);
    if !inc.from_catalogue {
        return Cow::Borrowed(title);
    }
    Cow::Owned(match t.lang {
        Lang::En => format!("{title} breach (Have I Been Pwned)"),
        Lang::Zh => format!("{title} 数据泄露（Have I Been Pwned 收录）"),
    })
}

pub fn org_name<'a>(ds: &'a DataSet, id: &'a str, lang: Lang) -> &'a str {
    match (lang, ds.org(id).and_then(|o| o.zh_name())) {
        (Lang::Zh, Some(zh)) => zh,
        _ => ds.org_name(id),
    }
}

/// How sure a match is, as one word ("likely", "很可能").
pub fn confidence_word(lang: Lang, c: exposure_core::Confidence) -> &'static str {
    use exposure_core::Confidence::*;
    match (lang, c) {
        (Lang::En, c) => c.id(),
        (Lang::Zh, Confirmed) => "已确认",
        (Lang::Zh, Likely) => "很可能",
        (Lang::Zh, Possible) => "可能",
        (Lang::Zh, Unlikely) => "不太可能",
    }
}

/// The verdict's headline: how many of the companies were in how many
/// incidents, and how sure; with nothing found, what that does and does not
/// mean as of the data's date.
pub fn verdict_headline(ds: &DataSet, v: &Verdict, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let as_of = ds.info().as_of.map(|d| lang.date(d)).unwrap_or_default();
    let named = v.known + v.unknown;
    if v.incidents() == 0 {
        return match (zh, v.unknown) {
            (false, 0) if named == 1 => {
                format!("Your company is in no known incident in our data as of {as_of}.")
            }
            (false, 1) if named == 1 => format!(
                "We do not know this company yet, so no incident in our data as of {as_of} is not an all-clear."
            ),
            (false, 0) => format!(
                "None of your {named} companies is in a known incident in our data as of {as_of}."
            ),
            (false, n) => format!(
                "None of your {named} companies is in a known incident in our data as of {as_of}; {n} we do not know yet, which is not an all-clear for them."
            ),
            (true, 0) => format!("截至{as_of}，你的 {named} 家公司都不在我们已知的数据泄露事件中。"),
            (true, n) => format!(
                "截至{as_of}，你的 {named} 家公司都不在我们已知的数据泄露事件中；其中 {n} 家我们还不认识，这并不代表它们没有问题。"
            ),
        };
    }
    let mut sure: Vec<String> = Vec::new();
    for (n, en, zh_word) in [
        (v.confirmed, "confirmed", "已确认"),
        (v.likely, "likely", "很可能"),
        (v.possible, "possible", "可能"),
    ] {
        if n > 0 {
            sure.push(if zh {
                format!("{zh_word} {n} 起")
            } else {
                format!("{n} {en}")
            });
        }
    }
    let incidents = v.incidents();
    if zh {
        format!(
            "你的 {named} 家公司中有 {} 家涉及 {incidents} 起已知数据泄露事件（{}）。",
            v.companies_hit,
            sure.join("，")
        )
    } else {
        let who = if named == 1 {
            "Your company was".to_string()
        } else {
            format!(
                "{} of your {named} companies {}",
                v.companies_hit,
                if v.companies_hit == 1 { "was" } else { "were" }
            )
        };
        format!(
            "{who} in {incidents} known {} ({}).",
            if incidents == 1 {
                "incident"
            } else {
                "incidents"
            },
            sure.join(", ")
        )
    }
}

/// The most harmful data exposed and through which of the companies.
pub fn verdict_worst(ds: &DataSet, w: &Worst, locale: Locale) -> String {
    let lang = locale.lang;
    let t = ds.texts(locale);
    let via: Vec<&str> = w.via.iter().map(|id| org_name(ds, id, lang)).collect();
    let what = t.type_name(&w.type_id);
    match (lang, w.possible_only) {
        (Lang::En, false) => format!(
            "Most serious data exposed: {what}, through {}.",
            t.list(&via)
        ),
        (Lang::En, true) => format!(
            "Most serious data exposed, if it applies to you: {what}, through {}.",
            t.list(&via)
        ),
        (Lang::Zh, false) => format!("最严重的是：你的{what}，经由{}外泄。", t.list(&via)),
        (Lang::Zh, true) => format!(
            "最严重的（如果与你有关）：你的{what}，经由{}外泄。",
            t.list(&via)
        ),
    }
}
