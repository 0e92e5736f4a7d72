//! What a letter says in words: the data types it names as involved (not
//! those it says were not, nor what a credit bureau will ask for), the
//! monitoring it offers, and the signs of a lure dressed as a notice.

use super::{Offer, PhishSign};

/// The ways letters name each data type, in English (lower case, matched
/// at word edges) and Chinese.
const TYPES: &[(&str, &[&str], &[&str])] = &[
    (
        "ssn",
        &[
            "social security number",
            "social security no",
            "social security #",
            "ssn",
            "ssns",
            "social security numbers",
        ],
        &["社会安全号码", "社会安全号", "社安号", "社会保障号码"],
    ),
    (
        "tax_id",
        &[
            "taxpayer identification number",
            "tax identification number",
            "itin",
            "employer identification number",
            "tax id",
        ],
        &["纳税人识别号", "报税识别号", "税号"],
    ),
    (
        "date_of_birth",
        &[
            "date of birth",
            "dates of birth",
            "dob",
            "birthdate",
            "birth date",
            "birthday",
        ],
        &["出生日期", "生日"],
    ),
    (
        "medical",
        &[
            "medical information",
            "medical record",
            "health information",
            "treatment",
            "diagnosis",
            "diagnoses",
            "diagnostic",
            "clinical",
            "prescription",
            "medication",
            "lab result",
            "test result",
            "health condition",
            "procedure",
            "medical history",
            "provider name",
            "dates of service",
            "date of service",
            "physician",
        ],
        &[
            "医疗信息",
            "病历",
            "诊断",
            "治疗",
            "病史",
            "健康信息",
            "处方",
            "就诊",
            "检查结果",
            "医疗记录",
        ],
    ),
    (
        "health_insurance",
        &[
            "health insurance",
            "member id",
            "member identification",
            "policy number",
            "insurance information",
            "subscriber id",
            "subscriber number",
            "group number",
            "health plan information",
            "medicare number",
            "medicaid number",
            "medicaid id",
            "insurance policy",
            "claims information",
            "beneficiary number",
        ],
        &[
            "健康保险",
            "医疗保险",
            "保险信息",
            "保险卡",
            "保单号",
            "会员号码",
            "会员号",
        ],
    ),
    (
        "bank_account",
        &[
            "bank account information",
            "bank account details",
            "bank account number",
            "financial account number",
            "financial account information",
            "deposit account number",
            "bank account",
            "financial account",
            "routing number",
            "checking account",
            "savings account",
            "direct deposit",
        ],
        &[
            "银行账户",
            "银行账号",
            "金融账户",
            "路由号码",
            "支票账户",
            "储蓄账户",
        ],
    ),
    (
        "payment_card",
        &[
            "credit card number",
            "debit card number",
            "payment card number",
            "payment card",
            "credit card",
            "debit card",
            "card number",
            "card expiration",
            "expiration date",
            "cvv",
            "security code",
        ],
        &["信用卡", "借记卡", "银行卡号", "支付卡", "卡号"],
    ),
    (
        "drivers_license",
        &[
            "driver's license",
            "driver’s license",
            "drivers license",
            "driver license",
            "driver's licence",
            "driver’s licence",
            "driving licence",
        ],
        &["驾照", "驾驶执照", "驾驶证"],
    ),
    (
        "government_id",
        &[
            "identification card number",
            "state id",
            "state identification",
            "government-issued id",
            "government-issued identification",
            "government id",
            "government identification",
            "identification card",
            "military id",
            "a-number",
            "alien registration",
            "alien number",
            "green card",
            "permanent resident card",
            "tribal id",
        ],
        &[
            "州身份证",
            "政府签发的身份证件",
            "政府颁发的身份证件",
            "身份证件",
            "外国人登记号",
            "绿卡",
        ],
    ),
    ("passport_number", &["passport"], &["护照"]),
    (
        "password",
        &[
            "password",
            "passwords",
            "login credentials",
            "username and password",
            "user name and password",
            "security question",
            "log-in credentials",
            "online banking credentials",
        ],
        &["密码", "登录凭证", "用户名和密码"],
    ),
    (
        "account_pin",
        &[
            "pin",
            "pins",
            "passcode",
            "personal identification number",
            "access code",
        ],
        &["PIN码", "个人识别码", "口令"],
    ),
    (
        "account_number",
        &[
            "account number",
            "account numbers",
            "customer number",
            "membership number",
            "loan number",
            "policy or account number",
            "account information",
            "customer id",
        ],
        &[
            "账号",
            "账户号码",
            "客户编号",
            "会员编号",
            "贷款编号",
            "账户信息",
        ],
    ),
    (
        "email",
        &[
            "email address",
            "e-mail address",
            "email addresses",
            "e-mail addresses",
            "personal email",
            "your email",
            "your e-mail",
            "and email",
            "and e-mail",
            ", email",
            ", e-mail",
        ],
        &[
            "电子邮件地址",
            "电子邮箱地址",
            "邮箱地址",
            "电子邮件",
            "电子邮箱",
            "电邮",
            "邮箱",
        ],
    ),
    (
        "phone_number",
        &[
            "phone number",
            "telephone number",
            "phone numbers",
            "mobile number",
            "cell phone number",
            "phone",
        ],
        &["电话号码", "手机号", "电话"],
    ),
    (
        "postal_address",
        &[
            "address",
            "mailing address",
            "home address",
            "postal address",
            "addresses",
        ],
        &["地址", "住址", "通讯地址"],
    ),
    (
        "full_name",
        &[
            "your name",
            "full name",
            "first and last name",
            "names",
            "first name",
            "last name",
            "name",
        ],
        &["姓名", "名字"],
    ),
    (
        "biometric",
        &[
            "biometric",
            "fingerprint",
            "face scan",
            "facial geometry",
            "retina",
        ],
        &["生物识别", "指纹", "面部"],
    ),
    (
        "call_records",
        &[
            "call records",
            "call and text records",
            "call detail",
            "records of calls",
            "numbers you called",
            "text records",
        ],
        &["通话记录", "短信记录", "通话和短信记录"],
    ),
    (
        "cell_site_location",
        &["cell site", "cell tower"],
        &["基站"],
    ),
    (
        "other",
        &[
            "ip address",
            "student id",
            "student number",
            "wage",
            "wages",
            "salary",
            "withholding",
            "w-2",
            "order history",
            "purchase history",
            "children's names",
            "names of your children",
            "grades",
            "employment information",
            "immigration",
            "case number",
            "vehicle identification",
            "vin",
        ],
        &[
            "子女的姓名",
            "子女姓名",
            "订单",
            "学生编号",
            "学号",
            "工资",
            "薪资",
            "成绩",
            "移民",
            "案件编号",
            "购买记录",
        ],
    ),
];

/// A heading that starts the part saying what was involved.
const INVOLVED_HEADINGS: &[&str] = &[
    "what information was involved",
    "information involved",
    "what information was affected",
    "what personal information was involved",
    "what information was exposed",
    "what data was involved",
    "the information involved",
    "涉及的信息",
    "涉及哪些信息",
    "涉及的个人信息",
    "涉及您的哪些信息",
    "哪些信息受到影响",
    "泄露的信息",
];

/// A line that starts another part of the letter: "What we are doing",
/// "What are we doing?", "What You Can Do: …", "我们采取的措施"…
fn starts_part(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_ascii_lowercase();
    const EN: &[&str] = &[
        "what we",
        "what you",
        "what are we",
        "what can you",
        "what should you",
        "what happened",
        "for more information",
        "for further information",
        "steps you",
        "how to",
        "other important",
        "additional information",
        "additional steps",
        "what is",
        "why ",
    ];
    if EN.iter().any(|h| lower.starts_with(h)) {
        return true;
    }
    let n = t.chars().count();
    !t.is_ascii()
        && (2..=20).contains(&n)
        && !t.contains(['。', '，', '：'])
        && [
            "措施",
            "更多信息",
            "经过",
            "发生了什么",
            "联系",
            "其他",
            "建议",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// Words that say a clause denies what it names.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nor", "neither", "none", "without", "n't",
];
const NEGATIONS_ZH: &[&str] = &[
    "未",
    "没有",
    "不包括",
    "不包含",
    "不涉及",
    "并未",
    "不含",
    "不会",
    "不在",
    "不属于",
    "无",
];

/// A word of `text` (lower case) at word edges.
pub(super) fn has_word(text: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return true;
        }
        from = at + word.len().max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

fn negated(clause: &str) -> bool {
    NEGATIONS.iter().any(|n| has_word(clause, n)) || NEGATIONS_ZH.iter().any(|n| clause.contains(n))
}

/// Lines a printed letter wrapped mid-sentence joined again: a line goes on
/// the one before unless that one ends a sentence or this one is a bullet,
/// a heading or empty.
pub(super) fn unwrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_open = false;
    for line in text.lines() {
        // Runs of spaces (a PDF's justified text) are one space.
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let t = line.as_str();
        let bullet = t.starts_with(['-', '•', '*', '·', '\u{f0b7}'])
            || t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains(". ");
        if prev_open && !t.is_empty() && !bullet && !starts_part(t) {
            out.push(' ');
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(t);
        prev_open = !t.is_empty()
            && !t.ends_with(['.', ':', ';', '?', '!', '。', '：', '；', '？', '！'])
            && !starts_part(t);
    }
    out
}

/// Clauses: split at sentence ends, semicolons, lines and "but".
fn clauses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // A full stop ends a sentence only before a space or the end: not in
    // "example.com", "e.g." or "3.5".
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|(_, n)| *n);
        let ends = match c {
            '.' => next.is_none_or(char::is_whitespace) && !is_abbreviation(&text[start..i]),
            ';' | '。' | '；' | '\n' | '!' | '?' | '！' | '？' => true,
            _ => false,
        };
        if ends {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    for part in parts {
        let lower = part.to_ascii_lowercase();
        let pieces = lower
            .split(" but ")
            .flat_map(|c| c.split(" because "))
            .flat_map(|c| c.split(" although "))
            .flat_map(|c| c.split(" however"))
            .flat_map(|c| c.split('但'));
        for c in pieces {
            if !c.trim().is_empty() {
                out.push(c.to_string());
            }
        }
    }
    out
}

/// The part of the letter that says what was involved: under its heading
/// when it has one, else the sentences that say "included", "involved"…
fn involved_part(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    // The heading starts a line (an introduction may name the parts too).
    let mut at = 0;
    let mut start = None;
    let mut heading_len = 0;
    for line in lower.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(h) = INVOLVED_HEADINGS.iter().find(|h| t.starts_with(**h)) {
            start = Some(at + (line.len() - t.len()));
            heading_len = h.len();
            break;
        }
        at += line.len();
    }
    if let Some(start) = start {
        // To the next part: the first line after the heading's that starts one.
        let first_end = lower[start..].find('\n').map_or(lower.len(), |i| start + i);
        let mut end = lower.len();
        let mut at = first_end;
        for line in lower[first_end..].split_inclusive('\n') {
            if starts_part(line) {
                end = at;
                break;
            }
            at += line.len();
        }
        // A heading with nothing under it (a two-column print whose text
        // comes elsewhere) says nothing: read the cues instead.
        let under = lower[(start + heading_len).min(end)..end]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count();
        if under >= 30 {
            return lower[start..end].to_string();
        }
    }
    const CUES: &[&str] = &[
        "includ",
        "involv",
        "expos",
        "contain",
        "accessed",
        "acquired",
        "taken",
        "copied",
        "affected",
        "compromis",
        "stolen",
        "obtained",
        "viewed",
        "包括",
        "包含",
        "涉及",
        "泄露",
        "获取",
        "窃取",
        "下载",
    ];
    const NOT_HERE: &[&str] = &[
        "credit bureau",
        "freeze",
        "fraud alert",
        "copy of",
        "photocopy",
        "proof of",
        "utility bill",
        "征信",
        "冻结",
        "复印件",
    ];
    // A cue that ends in a colon goes on in the list under it ("… may have
    // been contained in the accounts:" then "names, dates of birth, …").
    let mut goes_on = false;
    clauses(text)
        .into_iter()
        .filter(|c| {
            let kept = (goes_on || CUES.iter().any(|w| c.contains(w)))
                && !NOT_HERE.iter().any(|w| c.contains(w));
            goes_on = kept && c.trim_end().ends_with([':', '：']);
            kept
        })
        .collect::<Vec<_>>()
        .join(". ")
}

/// "Social Security No." and the like: "number", so the abbreviation is
/// neither a sentence end nor a "no".
fn spell_numbers(text: &str) -> String {
    let mut out = text.to_string();
    for w in [
        "security", "account", "policy", "license", "licence", "id", "member", "passport", "card",
        "routing",
    ] {
        for no in [" no.", " No.", " NO."] {
            out = out.replace(&format!("{w}{no}"), &format!("{w} number"));
            let cap = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
            out = out.replace(&format!("{cap}{no}"), &format!("{cap} number"));
        }
    }
    out
}

/// The data types the letter says were involved, in the taxonomy's order.
pub(crate) fn data_types(text: &str) -> Vec<&'static str> {
    let part = involved_part(&unwrap(&spell_numbers(text)));
    let mut found: Vec<&'static str> = Vec::new();
    // Every wording, longest first, lower-cased once for all clauses.
    let mut phrases: Vec<(&'static str, String, bool)> = TYPES
        .iter()
        .flat_map(|(id, en, zh)| {
            en.iter()
                .map(move |p| (*id, p.to_ascii_lowercase(), true))
                .chain(zh.iter().map(move |p| (*id, p.to_ascii_lowercase(), false)))
        })
        .collect();
    crate::sort::sort_by(&mut phrases, |a, b| b.1.len().cmp(&a.1.len()));
    for clause in clauses(&part) {
        if negated(&clause) {
            continue;
        }
        // What a longer phrase already named is not named again by a part
        // of it ("email address" is no postal address).
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut hits: Vec<&'static str> = Vec::new();
        for (id, p_lower, en) in &phrases {
            let (id, en) = (*id, *en);
            let mut from = 0;
            while let Some(i) = clause[from..].find(p_lower.as_str()) {
                let at = from + i;
                let end = at + p_lower.len();
                from = end;
                // A plural counts: "bank account numbers".
                let end = if en && clause[end..].starts_with('s') {
                    end + 1
                } else {
                    end
                };
                if en {
                    let before = clause[..at].chars().next_back();
                    let after = clause[end..].chars().next();
                    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                    if !edge(before) || !edge(after) {
                        continue;
                    }
                }
                if taken.iter().any(|(s, e)| at < *e && end > *s) {
                    continue;
                }
                taken.push((at, end));
                if !hits.contains(&id) {
                    hits.push(id);
                }
            }
        }
        // The staff's passwords ("employees … provided their credentials",
        // "all passwords were changed") are how the attackers got in, not
        // the reader's.
        if any_of(
            &clause,
            &[
                "employee",
                "employees",
                "staff",
                "were changed",
                "were reset",
                "changed their",
                "reset their",
                "员工",
            ],
        ) {
            hits.retain(|id| *id != "password");
        }
        for id in hits {
            if !found.contains(&id) {
                found.push(id);
            }
        }
    }
    let order = |id: &&str| {
        TYPES
            .iter()
            .position(|(t, _, _)| t == id)
            .unwrap_or(usize::MAX)
    };
    crate::sort::sort_by(&mut found, |a, b| order(a).cmp(&order(b)));
    found
}

/// Clauses read as a provider's enrolment steps after its code is named.
const ENROLMENT_STEPS: usize = 14;

/// Monitoring providers, longest name first where one contains another.
const PROVIDERS: &[&str] = &[
    "Experian IdentityWorks",
    "TransUnion myTrueIdentity",
    "Equifax Complete Premier",
    "Equifax Credit Watch",
    "Allstate Identity Protection",
    "Identity Defense",
    "IdentityForce",
    "Identity Guard",
    "myTrueIdentity",
    "IdentityWorks",
    "Cyberscout",
    "CyberScout",
    "ID Experts",
    "AllClear",
    "LifeLock",
    "Experian",
    "TransUnion",
    "Equifax",
    "Kroll",
    "IDX",
    "Aura",
    "Epiq",
    "Sontiq",
    "Norton",
];

/// The monitoring the letter offers, if it offers any.
pub(crate) fn offer(text: &str, dates: &[super::dates::Found]) -> Option<Offer> {
    let lower = text.to_ascii_lowercase();
    let joined = unwrap(text);
    let dates_joined = super::dates::find(&joined);
    let offered = [
        "monitoring",
        "identity protection",
        "identity theft protection",
        "identityworks",
        "mytrueidentity",
        "监控",
        "身份保护",
        "身份盗用保护",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && [
            "complimentary",
            "free",
            "no cost",
            "no charge",
            "at our expense",
            "offering",
            "offer",
            "provide",
            "免费",
            "提供",
        ]
        .iter()
        .any(|w| lower.contains(w));
    if !offered {
        return None;
    }
    let provider = PROVIDERS
        .iter()
        .filter_map(|p| text.find(p).map(|i| (i, *p)))
        .min_by_key(|(i, p)| (*i, std::cmp::Reverse(p.len())))
        .map(|(_, p)| p.to_string());
    Some(Offer {
        provider,
        months: months(&lower),
        enroll_by: enroll_by(text, dates).or_else(|| enroll_by(&joined, &dates_joined)),
        code: code(text),
    })
}

/// "24 months", "two-year", "两年（24个月）"… the first the letter gives.
fn months(lower: &str) -> Option<u32> {
    let mut best: Option<(usize, u32)> = None;
    let mut put = |at: usize, m: u32| {
        if m > 0 && m <= 120 && best.is_none_or(|(b, _)| at < b) {
            best = Some((at, m));
        }
    };
    for (word, n) in [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("five", 5),
        ("six", 6),
        ("twelve", 12),
        ("eighteen", 18),
        ("twenty-four", 24),
    ] {
        for unit in ["-year", " year", " years"] {
            if let Some(i) = lower.find(&format!("{word}{unit}")) {
                put(i, n * 12);
            }
        }
        for unit in ["-month", " month", " months"] {
            if let Some(i) = lower.find(&format!("{word}{unit}")) {
                put(i, n);
            }
        }
    }
    // The number just before "month" / "个月" ("24 months", "24-month",
    // "(12) months", "24个月").
    let number_before = |head: &str| -> Option<u32> {
        let head = head.trim_end_matches([' ', '-', '(', ')']);
        let digits: String = head
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        digits.parse().ok()
    };
    for unit in ["month", "个月"] {
        for (i, _) in lower.match_indices(unit) {
            if let Some(n) = number_before(&lower[..i]) {
                put(i, n);
            }
        }
    }
    for (w, n) in [("一年", 12), ("两年", 24), ("二年", 24), ("三年", 36)] {
        if let Some(i) = lower.find(w) {
            put(i, n);
        }
    }
    best.map(|(_, m)| m)
}

/// The enrolment deadline: a date in a sentence about enrolling.
fn enroll_by(text: &str, dates: &[super::dates::Found]) -> Option<crate::PartialDate> {
    const CUES: &[&str] = &[
        "enroll",
        "enrol",
        "activate",
        "activation",
        "sign up",
        "register",
        "redeem",
        "deadline",
        "code will not work",
        "offer expires",
        "注册",
        "激活",
        "登记",
        "截止",
    ];
    // A date the letter labels as the deadline ("Enrollment Deadline:
    // April 6, 2018", "enroll by …") before one a sentence about enrolling
    // merely holds ("… until February 9, 2020. No enrollment is necessary").
    let mut weak = None;
    let strong = dates.iter().find_map(|f| {
        let start = sentence_start(text, f.start);
        let end = sentence_end(text, f.end);
        let sentence = text[start..end].to_ascii_lowercase();
        let before = text[start..f.start].to_ascii_lowercase();
        // "enroll by: 11:59 p.m. ET on": the words before the time of day.
        let label = without_time(&before);
        let by = [
            "by",
            "before",
            "no later than",
            "until",
            "deadline",
            "expires",
            "前",
            "之前",
        ]
        .iter()
        .any(|w| label.ends_with(w) || sentence.contains(&format!("{w} ")))
            || text[f.end..end].starts_with('前')
            || text[f.end..end].starts_with("之前");
        let needless = [
            "no enrollment",
            "no enrolment",
            "no activation",
            "not necessary",
            "not required",
        ]
        .iter()
        .any(|w| sentence.contains(w));
        if !(CUES.iter().any(|c| sentence.contains(c)) && by) || needless {
            return None;
        }
        let labelled = [
            "deadline",
            "enroll by",
            "enrol by",
            "activate by",
            "register by",
            "截止",
        ]
        .iter()
        .any(|w| label.ends_with(w))
            || label.ends_with("前");
        if labelled {
            return Some(f.date);
        }
        weak.get_or_insert(f.date);
        None
    });
    strong.or(weak)
}

/// Words whose full stop is theirs, not a sentence's end: "11:59 p.m.
/// ET", "Acme Inc. (“Acme”)", "the U.S. Postal Service", "Policy No. 4".
const ABBREVIATIONS: &[&str] = &[
    "a.m", "p.m", "inc", "co", "corp", "ltd", "llc", "llp", "no", "u.s", "dr", "mr", "mrs", "ms",
    "st", "jr", "sr", "n.a", "p.c", "l.l.c", "e.g", "i.e",
];

/// Whether the full stop at byte `i` of `text` ends a sentence: it comes
/// before white space (not "example.com", "3.5") and after a word that is
/// no abbreviation.
pub(super) fn stop_ends_sentence(text: &str, i: usize) -> bool {
    let spaced = text
        .get(i + 1..)
        .is_none_or(|rest| rest.chars().next().is_none_or(char::is_whitespace));
    spaced && !is_abbreviation(text.get(..i).unwrap_or(""))
}

/// Whether the word `head` ends with is an abbreviation (its full stop
/// not in `head`).
pub(super) fn is_abbreviation(head: &str) -> bool {
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

/// The words before a date without a time of day between them and it
/// ("enroll by 11:59 p.m. ET on " → "enroll by"), and without the colon
/// or space they end with (`before` in lower case).
fn without_time(before: &str) -> &str {
    const TIME: &[&str] = &[
        "a.m.", "p.m.", "a.m", "p.m", "am", "pm", "et", "est", "edt", "ct", "cst", "cdt", "mt",
        "mst", "mdt", "pt", "pst", "pdt", "utc", "gmt", "eastern", "central", "mountain",
        "pacific", "standard", "daylight", "time", "midnight", "noon",
    ];
    let trim = |s: &str| {
        s.trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == ',')
            .len()
    };
    let mut rest = &before[..trim(before)];
    let mut timed = false;
    loop {
        let word_at = rest
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = rest[word_at..].trim_matches(['(', ')', ',']);
        let clock = word.contains(':')
            && word.chars().any(|c| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'a' | 'p' | 'm'));
        // "5 p.m.": the hour before its a.m. or p.m.
        let hour = timed && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
        let time = clock || hour || TIME.contains(&word);
        // "on" and "at" only around a time ("at 11:59 p.m. on").
        if word.is_empty() || !(time || matches!(word, "on" | "at")) {
            break;
        }
        timed |= time;
        rest = &rest[..trim(&rest[..word_at])];
    }
    if timed {
        rest
    } else {
        &before[..trim(before)]
    }
}

pub(super) fn sentence_start(text: &str, at: usize) -> usize {
    let mut end = at;
    while let Some(i) = text[..end].rfind(['.', '\n', '。', '!', '?', '；']) {
        if text.as_bytes()[i] != b'.' || stop_ends_sentence(text, i) {
            return i + text[i..].chars().next().map_or(1, char::len_utf8);
        }
        end = i;
    }
    0
}

pub(super) fn sentence_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(['\n', '。', '!', '?', '；'])
        .map_or(text.len(), |i| at + i)
}

/// The activation or enrolment code, as printed.
fn code(text: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "activation code",
        "enrollment code",
        "enrolment code",
        "redemption code",
        "membership number",
        "membership id",
        "member number",
        "engagement code",
        "verification code",
        "promo code",
        "unique code",
        "code",
        "激活码",
        "会员编号",
        "注册码",
        "验证码",
        "兑换码",
    ];
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, String)> = None;
    for label in LABELS {
        for (i, _) in lower.match_indices(label) {
            let after = &text[i + label.len()..];
            const GAP: [char; 7] = [' ', ':', '：', '为', '是', '\t', '#'];
            let after = after.trim_start_matches(GAP);
            // "code is WW4471KQ", "code is: WW4471KQ".
            let after = after
                .strip_prefix("is")
                .filter(|r| r.starts_with([' ', ':', '\t']))
                .unwrap_or(after)
                .trim_start_matches(GAP);
            let token: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let good = token.len() >= 6
                && token.len() <= 24
                && token.chars().any(|c| c.is_ascii_digit())
                && token.chars().any(|c| c.is_ascii_uppercase());
            if good && best.as_ref().is_none_or(|(b, _)| i < *b) {
                best = Some((i, token));
            }
        }
    }
    best.map(|(_, t)| t)
}

/// Registrable domains a genuine notice links to.
const TRUSTED: &[&str] = &[
    "experianidw.com",
    "experianidworks.com",
    "experian.com",
    "krollmonitoring.com",
    "kroll.com",
    "equifax.com",
    "transunion.com",
    "mytrueidentity.com",
    "idx.us",
    "cyberscout.com",
    "annualcreditreport.com",
    "identitytheft.gov",
    "ftc.gov",
    "irs.gov",
    "ssa.gov",
    "consumerfinance.gov",
    "aura.com",
    "lifelock.com",
    "identityforce.com",
    "allclearid.com",
    "epiqglobal.com",
];

fn any_of(c: &str, ws: &[&str]) -> bool {
    ws.iter().any(|w| {
        if w.is_ascii() {
            has_word(c, w)
        } else {
            c.contains(w)
        }
    })
}

/// The signs that a "notice" is a lure, each once, in the order found.
pub(crate) fn phishing(
    text: &str,
    sender_domain: Option<&str>,
    brands: &dyn Fn(&str) -> bool,
    own: &[String],
) -> Vec<PhishSign> {
    let text = &unwrap(text);
    let mut signs: Vec<PhishSign> = Vec::new();
    let mut add = |s: PhishSign| {
        if !signs.contains(&s) {
            signs.push(s);
        }
    };
    const ASK: &[&str] = &[
        "enter", "confirm", "verify", "provide", "reply", "send", "submit", "type", "read",
        "update", "re-enter", "call", "click", "give", "输入", "提供", "确认", "回复", "发送",
        "上传", "填写", "验证",
    ];
    // An ask is said to the reader: an imperative ("Reply with…", "1. Enter
    // …"), "please", "you must", "请…", "您必须…".
    let asks = |c: &str| {
        let t = c.trim_start_matches(|ch: char| ch.is_ascii_digit() || " .)-•*\t".contains(ch));
        let first = t.split_whitespace().next().unwrap_or("");
        ASK.iter().any(|w| w.is_ascii() && first == *w)
            || [
                "please",
                "you must",
                "you need to",
                "you are required",
                "kindly",
                "we need you",
            ]
            .iter()
            .any(|w| t.contains(w))
            || ((t.starts_with('请')
                || [
                    "请您",
                    "请立即",
                    "请在",
                    "请于",
                    "请点击",
                    "请回复",
                    "请提供",
                    "请输入",
                    "请登录",
                    "您需要",
                    "您必须",
                    "你必须",
                    "务必",
                ]
                .iter()
                .any(|w| t.contains(w)))
                && ASK.iter().any(|w| !w.is_ascii() && t.contains(w)))
            || (ASK.iter().any(|w| w.is_ascii() && has_word(t, w)) && t.contains("your"))
                && !t.contains("you provided")
                && !t.contains("included")
    };
    let involved = involved_part(text);
    let is_item = |c: &str| c.trim_start().starts_with(['-', '•', '*', '·']);
    // A list after "…and provide:" is asked for, item by item.
    let mut list_asked = false;
    // A monitoring provider's enrolment steps (its site asks for the Social
    // Security number and a new user name and password): the clauses after
    // the activation or enrolment code, in a letter naming a provider.
    let lower = text.to_ascii_lowercase();
    let provider = PROVIDERS
        .iter()
        .any(|p| has_word(&lower, &p.to_ascii_lowercase()));
    let mut enrolment_left = 0usize;
    for c in clauses(text) {
        if !involved.is_empty() && involved.contains(c.trim()) {
            continue;
        }
        if provider
            && any_of(
                &c,
                &[
                    "activation code",
                    "enrollment code",
                    "enrolment code",
                    "activation number",
                ],
            )
        {
            enrolment_left = ENROLMENT_STEPS;
        }
        let enrolment = enrolment_left > 0;
        enrolment_left = enrolment_left.saturating_sub(1);
        let asked = list_asked && is_item(&c);
        list_asked = asked || (asks(&c) && c.trim_end().ends_with([':', '：']));
        let denied = negated(&c);
        // What a credit bureau or the IRS will ask for is advice, not an ask.
        let advice = any_of(
            &c,
            &[
                "freeze",
                "credit bureau",
                "bureaus",
                "fraud alert",
                "credit report",
                "equifax",
                "experian",
                "transunion",
                "ip pin",
                "identity protection pin",
                "reset",
                "create a new",
                "new pin",
                "new password",
                "change your",
                "征信",
                "冻结",
                "欺诈警报",
                "重设",
                "更改",
            ],
        );
        let any = |ws: &[&str]| {
            ws.iter().any(|w| {
                if w.is_ascii() {
                    has_word(&c, w)
                } else {
                    c.contains(w)
                }
            })
        };
        let pay = any(&[
            "fee",
            "fees",
            "payment",
            "pay",
            "wire",
            "bitcoin",
            "cryptocurrency",
            "deposit",
            "缴纳",
            "付款",
            "支付",
            "保证金",
            "费用",
        ]) && any(&[
            "required",
            "must",
            "to restore",
            "to reactivate",
            "to unlock",
            "to release",
            "purchase",
            "buy",
            "$",
            "需要",
            "必须",
            "才能",
            "解除",
            "购买",
            "美元",
        ]);
        // Paying one's taxes (to the tax office, as every letter that names
        // the Social Security number advises) is not paying the sender.
        let taxes = any(&["tax", "taxes", "irs", "税", "纳税"]);
        // What the attackers demanded ("a ransom payment to restore access")
        // is what happened, not an ask of the reader.
        let ransom = any(&["ransom", "ransomware", "赎金", "勒索"]);
        if pay
            && !denied
            && !taxes
            && !ransom
            && !any(&["free", "no cost", "no charge", "complimentary", "免费"])
        {
            add(PhishSign::AsksPayment);
        }
        if !denied
            && any(&[
                "gift card",
                "gift cards",
                "google play card",
                "itunes card",
                "礼品卡",
            ])
        {
            add(PhishSign::GiftCards);
        }
        if (asked || asks(&c)) && !denied && !advice && !enrolment {
            if any(&[
                "password",
                "passwords",
                "username",
                "login credentials",
                "密码",
                "用户名",
            ]) && !any(&[
                "change your password",
                "reset your password",
                "update your password",
                "new password",
                "更改密码",
                "修改密码",
            ]) {
                add(PhishSign::AsksPassword);
            }
            // Sent to them: a genuine letter says what a bureau will ask for.
            let to_them = any(&[
                "reply", "verify", "confirm", "send", "submit", "enter", "re-enter", "update",
                "full", "complete", "回复", "输入", "确认", "验证", "上传", "发送", "完整",
            ]);
            if to_them
                && any(&["social security number", "ssn", "社会安全号码"])
                && !any(&[
                    "credit bureau",
                    "bureaus",
                    "freeze",
                    "fraud alert",
                    "征信",
                    "冻结",
                ])
            {
                add(PhishSign::AsksSsn);
            }
            if any(&[
                "card number",
                "cvv",
                "expiration date",
                "security code",
                "卡号",
            ]) {
                add(PhishSign::AsksCardNumber);
            }
            if any(&["pin", "pin number"]) {
                add(PhishSign::AsksPin);
            }
            if any(&[
                "bank account",
                "routing number",
                "account number",
                "银行账户",
                "账号",
            ]) && any(&["bank account", "routing", "银行"])
            {
                add(PhishSign::AsksBankAccount);
            }
        }
        if any(&[
            "within 24 hours",
            "within 48 hours",
            "within 12 hours",
            "within 72 hours",
            "permanently",
            "suspended",
            "final notice",
            "held responsible",
            "legal action",
            "arrest",
            "closed",
            "24小时内",
            "48小时内",
            "永久",
            "法律责任",
            "没收",
            "冻结",
        ]) && any(&[
            "will",
            "if",
            "must",
            "immediately",
            "now",
            "如",
            "将",
            "必须",
            "立即",
        ]) {
            add(PhishSign::UrgentThreat);
        }
    }
    // A link to a site named for the sender ("mrcooper-incident.com") is
    // its own unless the letter asks for what only a lure asks for.
    let asks = signs.iter().any(|s| {
        matches!(
            s,
            PhishSign::AsksPayment
                | PhishSign::GiftCards
                | PhishSign::AsksPassword
                | PhishSign::AsksSsn
                | PhishSign::AsksCardNumber
                | PhishSign::AsksPin
                | PhishSign::AsksBankAccount
        )
    });
    let named_for_sender = |host: &str| {
        let registrable = registrable(host);
        let label = registrable.split('.').next().unwrap_or("");
        let squashed: String = label.chars().filter(char::is_ascii_alphanumeric).collect();
        own.iter().any(|n| {
            (n.len() >= 4 && squashed.contains(n.as_str())) || label.split('-').any(|p| p == n)
        })
    };
    for url in urls(text) {
        let host = url.host.to_ascii_lowercase();
        let registrable = registrable(&host);
        let trusted = TRUSTED.contains(&registrable.as_str())
            || host.ends_with(".gov")
            || host.ends_with(".edu")
            || host.ends_with(".example")
            || sender_domain.is_some_and(|d| registrable == registrable_of(d));
        if trusted {
            continue;
        }
        let odd_tld = [
            ".top", ".xyz", ".click", ".online", ".site", ".live", ".icu", ".cn.com", ".support",
            ".info", ".ru",
        ]
        .iter()
        .any(|t| host.ends_with(t));
        let lure_word = [
            "verify", "secure", "login", "signin", "restore", "unlock", "update", "confirm",
            "anquan", "account-", "-account", "support",
        ]
        .iter()
        .any(|w| host.contains(w));
        let lookalike =
            odd_tld || brands(&host) || (lure_word && (!url.https || sender_domain.is_some()));
        if lookalike
            && (asks || !named_for_sender(&host))
            && !signs.contains(&PhishSign::LookalikeLink)
        {
            signs.push(PhishSign::LookalikeLink);
        }
    }
    signs
}

struct Url {
    host: String,
    https: bool,
}

fn urls(text: &str) -> Vec<Url> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("http") {
        let rest = &text[i..];
        let (https, rest) = if let Some(r) = rest.strip_prefix("https://") {
            (true, r)
        } else if let Some(r) = rest.strip_prefix("http://") {
            (false, r)
        } else {
            continue;
        };
        let host: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        if host.contains('.') {
            out.push(Url {
                host: host.trim_end_matches('.').to_string(),
                https,
            });
        }
    }
    out
}

/// The last two labels of a host ("enroll.krollmonitoring.com" →
/// "krollmonitoring.com").
fn registrable(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    labels[labels.len().saturating_sub(2)..].join(".")
}

fn registrable_of(domain: &str) -> String {
    registrable(&domain.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn involved_types_not_denied_ones() {
        let text = "What Information Was Involved?\nThe records included your name, address, Social Security number and date of birth. Your driver's license number was not involved.\nWhat We Are Doing\nWe will never ask for your password. The credit bureaus may ask for your Social Security number.";
        assert_eq!(
            data_types(text),
            ["ssn", "date_of_birth", "postal_address", "full_name"]
        );
        let zh = "涉及的信息\n被下载的数据包含您的姓名、出生日期和社会安全号码。\n我们采取的措施\n我们不会要求您提供密码。";
        assert_eq!(data_types(zh), ["ssn", "date_of_birth", "full_name"]);
        assert_eq!(data_types("Your e-mail address was exposed."), ["email"]);
    }

    #[test]
    fn the_staffs_passwords_are_not_the_readers() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Employees received phishing emails and provided their credentials; all passwords were changed. The mailbox contained your name and Social Security number.",
                &["ssn", "full_name"],
            ),
            (
                "The information involved included your username and password.",
                &["password"],
            ),
            // The list on the lines under a cue that ends in a colon.
            (
                "What Information Was Involved:\n\nWhat We Are Doing:\n\nThe following may have been contained in the mailbox: \nnames, dates of birth, home addresses and insurance information.\n",
                &["date_of_birth", "health_insurance", "postal_address", "full_name"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(data_types(text), *want, "{text}");
        }
    }

    #[test]
    fn the_labelled_deadline_before_a_date_near_enrolling() {
        let text = "Identity restoration is available until February 9, 2020, by calling Experian. No enrollment or activation is necessary.\nWe are offering Experian IdentityWorks credit monitoring for 12 months. To enroll:\nEnrollment Deadline: April 6, 2018\n";
        let dates = super::super::dates::find(text);
        let o = offer(text, &dates).unwrap();
        assert_eq!(o.enroll_by, Some(crate::PartialDate::ymd(2018, 4, 6)));
    }

    #[test]
    fn offers_months_and_codes() {
        let text = "we are offering a complimentary two-year membership in Experian IdentityWorks. You must enroll by May 31, 2024.\nActivation Code: BQ7M4K2XZ";
        let dates = super::super::dates::find(text);
        let o = offer(text, &dates).unwrap();
        assert_eq!(o.provider.as_deref(), Some("Experian IdentityWorks"));
        assert_eq!(o.months, Some(24));
        assert_eq!(o.enroll_by, Some(crate::PartialDate::ymd(2024, 5, 31)));
        assert_eq!(o.code.as_deref(), Some("BQ7M4K2XZ"));
        assert_eq!(months("提供为期两年（24个月）的服务"), Some(24));
        assert_eq!(offer("Nothing to see.", &[]), None);
    }

    #[test]
    fn deadlines_with_a_time_of_day() {
        let offered = "We offer Kroll identity monitoring at no cost to you. ";
        let cases = [
            (
                "You must enroll by: 11:59 p.m. ET on 06/15/2025.",
                (2025, 6, 15),
            ),
            (
                "Please enroll by 11:59 p.m. on June 15, 2025.",
                (2025, 6, 15),
            ),
            ("Enroll by 11:59pm (ET) on July 1, 2025.", (2025, 7, 1)),
            (
                "Enroll by\u{a0}11:59\u{3000}p.m. on July 1, 2025.",
                (2025, 7, 1),
            ),
            (
                "Activate before 5 p.m. Pacific Time on 9/30/2025. Questions? Call us.",
                (2025, 9, 30),
            ),
            (
                "The deadline to enroll is 11:59 a.m. CST on May 2, 2026.",
                (2026, 5, 2),
            ),
        ];
        for (sentence, (y, m, d)) in cases {
            let text = format!("{offered}{sentence}");
            let o = offer(&text, &super::super::dates::find(&text)).unwrap();
            assert_eq!(
                o.enroll_by,
                Some(crate::PartialDate::ymd(y, m, d)),
                "{sentence}"
            );
        }
    }

    #[test]
    fn abbreviations_do_not_end_a_sentence() {
        // (text, where the sentence holding its end starts)
        let cases = [
            ("Call 9 a.m. to 5 p.m. ET on weekdays", 0),
            ("Acme Inc. and Beta Corp. wrote", 0),
            ("See example.com today", 0),
            ("Done. Then U.S. mail", 5),
            ("First line\nsecond", 11),
            ("It ended. Next", 9),
        ];
        for (text, start) in cases {
            assert_eq!(sentence_start(text, text.len()), start, "{text}");
        }
        assert_eq!(
            clauses("Arrived at 9 a.m. The name was taken."),
            ["arrived at 9 a.m. the name was taken"]
        );
    }

    #[test]
    fn codes_after_their_label() {
        let cases = [
            ("Your unique code is: WW4471KQ", Some("WW4471KQ")),
            ("Your activation code is ZX81KQ22.", Some("ZX81KQ22")),
            ("Enrollment Code: K2T9-Q74MX", Some("K2T9-Q74MX")),
            ("您的激活码为：CND88Q4ZT7", Some("CND88Q4ZT7")),
            ("The code is: printed above", None),
            ("code is:", None),
        ];
        for (text, want) in cases {
            assert_eq!(code(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_site_named_for_the_sender_is_its_own_unless_the_letter_asks() {
        let brands = |h: &str| h.contains("mrcooper-") || h.contains("-paypal");
        let own = ["mrcooper".to_string(), "mrcooperdataincident".to_string()];
        let att = ["att".to_string()];
        // (text, the senders' names, the look-alike sign expected)
        let cases: [(&str, &[String], bool); 6] = [
            (
                "Details: https://www.mrcooper-dataincident.com.",
                &own,
                false,
            ),
            ("Details: https://www.mrcooper-dataincident.com.", &[], true),
            (
                "Details: https://www.mrcooper-dataincident.com. Reply with your password.",
                &own,
                true,
            ),
            // Another brand's look-alike is one whoever sends it.
            ("Log in at https://secure-paypal.top now.", &own, true),
            // A short name is the sender's only as a whole part.
            ("Help at https://att-help.top.", &att, false),
            ("Claims at https://attorney-claims.top.", &att, true),
        ];
        for (text, own, sign) in cases {
            let signs = phishing(text, Some("mrcooper.com"), &brands, own);
            assert_eq!(
                signs.contains(&PhishSign::LookalikeLink),
                sign,
                "{text}: {signs:?}"
            );
        }
    }

    #[test]
    fn advice_to_pay_ones_taxes_is_not_a_payment_ask() {
        let advice =
            "Continue to pay your taxes and file your tax return, even if you must do so by paper.";
        assert!(phishing(advice, None, &|_| false, &[]).is_empty());
        let ask = "A processing fee of $25 must be paid to restore your account.";
        assert!(phishing(ask, None, &|_| false, &[]).contains(&PhishSign::AsksPayment));
    }

    #[test]
    fn lures_are_flagged_and_genuine_advice_is_not() {
        let no = |_: &str| false;
        let lure = "To restore your protection, a one-time reactivation fee of $89.95 is required. Purchase a Google Play gift card. Reply with your full Social Security number. Visit http://secure-verify-id.top/login within 24 hours or your case will be closed.";
        let s = phishing(lure, None, &no, &[]);
        for want in [
            PhishSign::AsksPayment,
            PhishSign::GiftCards,
            PhishSign::AsksSsn,
            PhishSign::LookalikeLink,
            PhishSign::UrgentThreat,
        ] {
            assert!(s.contains(&want), "{want:?} in {s:?}");
        }
        let genuine = "We will never ask for your password or your Social Security number by e-mail. We recommend that you change your password. The service is free; you do not need to pay. Enroll at https://enroll.krollmonitoring.com.";
        assert_eq!(phishing(genuine, None, &no, &[]), []);
    }
}
