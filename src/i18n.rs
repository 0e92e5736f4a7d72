//! Interface text in English and Simplified Chinese. The data's own texts
//! (data types, actions, incidents) come from the core (`Lang`, `Texts`).

pub use exposure_core::Lang;

macro_rules! texts {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// Every piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key),* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key),*];
        }

        /// The text in the given language.
        pub fn tr(lang: Lang, text: Text) -> &'static str {
            match (lang, text) {
                $((Lang::En, Text::$key) => $en, (Lang::Zh, Text::$key) => $zh,)*
            }
        }
    };
}

texts! {
    AppName => "Exposure Check", "数据泄露自查";
    LetterHeading => "I got a breach letter", "我收到了数据泄露通知信";
    LetterIntro => "Paste the text of the letter or e-mail, or choose a .txt or .eml file. It is read here, in your browser: it is not sent anywhere or stored. For a PDF, copy its text and paste it here.",
                   "粘贴通知信或电子邮件的文字，或选择 .txt 或 .eml 文件。信件只在你的浏览器中读取，不会发送到任何地方，也不会被保存。如果是 PDF，请复制其中的文字粘贴到这里。";
    LetterInputLabel => "The letter's text", "通知信的文字";
    LetterFile => "Or choose a file (.txt, .eml)", "或选择文件（.txt、.eml）";
    LetterRead => "Read the letter", "读取这封信";
    LetterReading => "Reading the letter, here in this browser…", "正在本浏览器中读取这封信……";
    LetterEmpty => "Paste a letter or choose a file first.", "请先粘贴信件内容或选择文件。";
    LetterLure => "This looks like a lure, not a genuine notice:", "这看起来是诈骗信，而不是真正的通知：";
    LetterLureAdvice => "Do not reply, call a number in it, click its links or pay. Contact the company through its own website or the number on your card or statement.",
                        "不要回复、不要拨打信中的电话、不要点击其中的链接，也不要付款。请通过公司的官方网站或你的银行卡、账单上的电话联系该公司。";
    LetterFrom => "From", "发信方";
    LetterOnBehalf => "On behalf of", "代表";
    LetterTypes => "Data it names", "信中提到的数据";
    LetterNoTypes => "The letter names no data type we could read; tick them in the short form below.", "未能从信中读出数据类型；请在下面的简表中勾选。";
    LetterDated => "Letter dated", "来信日期";
    LetterWindow => "Intrusion", "入侵时间";
    LetterOffer => "Offered", "提供的服务";
    LetterMonitoring => "monitoring", "监控服务";
    LetterMonths => "months", "个月";
    LetterDeadline => "enrol by", "登记截止";
    LetterCode => "Your code (shown only here)", "你的激活码（只在这里显示）";
    LetterKeepCode => "Also keep the code on this device", "同时在本设备上保存激活码";
    LetterKeep => "Add to my results", "加入我的结果";
    LetterKept => "Letters you added", "你已添加的来信";
    LetterPaper => "A paper letter? Fill in what it says", "纸质信件？填写信中的内容";
    LetterSender => "Who sent it (as printed)", "发信方（按信上所写）";
    LetterUse => "Use this letter", "使用这封信";
    FromLetter => "from your letter", "来自你的来信";
    ShowExposed => "Each kind of data exposed, its harm and where from", "每类泄露数据、其危害及来源";
    MoreAboutIt => "What happened, figures and sources", "事件经过、数字和来源";
    LoadingDetails => "Loading what happened and the sources…", "正在载入事件经过和来源……";
    HowToDoIt => "How to do it", "具体做法";
    MoreIncidents => "more incidents through", "起其他事件，经由";
    MoreNotices => "more reported breaches filed by", "份其他已报告的泄露通知，提交者为";
    NewSince => "New since your last visit", "自你上次访问以来的新事件";
    NewSinceData => "the data is now as of", "数据现已更新至";
    Tagline => "Which breaches touched your data — directly or through a company's vendors — and exactly what to do about it.",
               "哪些数据泄露事件波及了你的数据（直接或经由企业的供应商），以及应当如何应对。";
    PrivacyNote => "Everything you type stays in this browser. Nothing is sent anywhere.",
                   "你输入的一切都只保存在本浏览器中，不会发送到任何地方。";
    Language => "Language", "语言";
    CompaniesHeading => "Companies that hold your data", "持有你数据的公司";
    InputLabel => "Add a company: your bank, phone carrier, insurer, shops, employer…",
                  "添加公司：你的银行、电信运营商、保险公司、商家、雇主……";
    InputPlaceholder => "e.g. AT&T, Bank of America", "例如 AT&T、美国银行";
    InputHint => "Type a name and press Enter, or paste a list with one company per line.",
                 "输入名称后按回车，或粘贴每行一个公司的列表。";
    LoadingData => "Loading the breach data…", "正在载入数据泄露资料……";
    DataUnavailable => "The page cannot check anything without its breach data.",
                       "没有数据泄露资料，本页无法进行任何查询。";
    Add => "Add", "添加";
    QuickPicks => "Or pick common companies by sector", "或按行业选择常见公司";
    Remove => "Remove", "移除";
    WhenCustomer => "years?", "哪些年份？";
    Now => "now", "至今";
    CustomerFrom => "Customer from", "开始年份";
    CustomerUntil => "until", "结束年份";
    TenureLabel => "Current or former", "现在还是以前";
    TenureNotSure => "not sure", "不确定";
    YearHint => "a year from 1900 to 2100", "1900 至 2100 之间的年份";
    YourCompanies => "Your companies", "你的公司";
    NotRecognised => "not recognised", "未识别";
    StillChecking => "still checking: the full list of companies is loading…", "仍在核对：完整的公司名单正在载入……";
    Matched => "matched", "匹配";
    VerdictHeading => "The answer in short", "简要结论";
    FirstSteps => "First steps:", "首先要做的：";
    SeeIncidents => "See the incidents and how each reached you", "查看各个事件以及它们如何波及你";
    NoCompanies => "No companies yet. Add the companies that have your data to see what leaked.",
                   "还没有添加公司。添加持有你数据的公司，看看泄露了什么。";
    IncidentsHeading => "Incidents that touched your data", "波及你数据的事件";
    NoIncidents => "No known incident touched these companies. That is good news, but not a guarantee: not every breach is public or in our data.",
                   "这些公司没有已知的泄露事件。这是好消息，但不代表绝对安全：并非所有泄露都会公开或被收录。";
    ReadAs => "read as", "识别为";
    IfApplies => "If this applies to you", "如果以下情况适用于你";
    PastForTheRecord => "Past, for the record", "已过期，仅供记录";
    OnlyIfYou => "Only if", "仅当";
    DidYouMean => "Did you mean", "你是不是指";
    IAmA => "I am a", "我是";
    FigureAsOf => "as of", "截至";
    DataAsOf => "Breach data as of", "泄露数据截至";
    RegistersCovered => "Public breach registers read", "已收录的公开泄露通报登记";
    PeopleAsFiled => "people, as filed", "人（据申报）";
    ReportedBreach => "Reported breach", "已通报的泄露";
    ReportedTo => "Reported to", "通报对象";
    ReportedOn => "Reported", "通报日期";
    NotifierState => "State", "所在州";
    NotifierKind => "Kind of organization", "机构类型";
    Cause => "Cause, as filed", "原因（按通报原文）";
    PeopleInRegister => "People affected, as filed", "受影响人数（按通报）";
    ResidentsOnly => "residents of the state only", "仅计该州居民";
    RegisterSaysNoData => "The register does not say which data was exposed; the notification letter will. The steps below fit any breach.",
                          "登记未说明泄露了哪些数据，通知信中会写明。下面的步骤适用于任何数据泄露。";
    NoticeIsClaim => "What the register lists is the organization's own notice; no one here has checked it.",
                     "登记所列为该机构自己的通报，本站未另行核实。";
    NoticeDisputed => "Disputed: the named organization contradicts this notice.",
                      "有争议：被点名的机构否认这份通报。";
    NoticeWithdrawn => "Withdrawn from the register.", "已从登记中撤回。";
    AlsoReported => "Also reported", "另见通报";
    Source => "Source", "来源";
    CuratedIncidents => "Curated incidents", "整理过的事件";
    AllSources => "All, with register notices", "全部（含登记通报）";
    NoticesOf => "Notices to", "通报至";
    FirstRowsOnly => "the first {n} are listed; search or filter to narrow", "仅列出前 {n} 条，请搜索或筛选以缩小范围";
    OpenRegister => "Open the register", "打开登记页面";
    NoKnownIncidentAsOf => "no known incident in our data as of", "我们的数据中没有已知事件，截至";
    NotInOurData => "not in our data yet — that is not an all-clear: watch for breach letters and check the public breach registers.",
                    "尚未收录——这不代表安全：请留意数据泄露通知信，并查看公开的泄露登记册。";
    CoverageHeading => "What the data was checked against", "数据核对所依据的清单";
    CoveredTo => "covered to", "核对至";
    UnlikelyHeading => "Unlikely for the years you gave", "按你提供的年份看不太可能受影响";
    PathLabel => "How it reaches you", "波及路径";
    You => "You", "你";
    PeopleAffected => "People affected", "受影响人数";
    Unconfirmed => "unconfirmed", "未经证实";
    Breach => "Breach", "入侵时间";
    Disclosed => "Disclosed", "披露时间";
    DataExposed => "Data exposed", "泄露的数据";
    WhoWasAffected => "Who was affected", "受影响人群";
    Sources => "Sources", "来源";
    Confirmed => "Confirmed", "已确认";
    Likely => "Likely", "很可能";
    Possible => "Possible", "可能";
    Unlikely => "Unlikely", "不太可能";
    SummaryHeading => "What was exposed", "泄露了哪些数据";
    SummaryIntro => "Every kind of data exposed across your matches, most dangerous first.",
                    "所有匹配事件中泄露的数据类型，按危险程度排序。";
    PlanHeading => "Your action plan", "你的行动计划";
    PlanIntro => "One list, most urgent first. Tick each step when it is done; your progress stays in this browser.",
                 "一份清单，最紧急的在前。完成后打勾，进度只保存在本浏览器中。";
    Progress => "done", "已完成";
    Why => "Why", "原因";
    Minutes => "min", "分钟";
    Repeats => "Repeats", "重复";
    DeadlinePassed => "deadline passed", "已过截止日期";
    Deadline => "Deadline", "截止日期";
    OutsideUs => "Outside the US", "美国以外";
    FactsChecked => "Facts and links checked", "事实与链接核对于";
    Completed => "Completed", "已完成的事项";
    Print => "Print", "打印";
    ExportMarkdown => "Markdown", "Markdown";
    ExportJson => "JSON", "JSON";
    RemindersOtherDay => "from another day", "从其他日期开始";
    RemindersFrom => "Reminders from", "提醒起始日期";
    ExportIcs => "Calendar reminders (.ics)", "日历提醒 (.ics)";
    ExportHeading => "Keep your plan", "保存计划";
    ClearAll => "Erase everything stored", "清除所有已保存的数据";
    ClearAllHint => "Removes your companies and progress from this browser.", "从本浏览器中删除你的公司列表和进度。";
    ImportHeading => "Import a file", "导入文件";
    ImportHint => "Add the list of all breaches downloaded from the Have I Been Pwned website to check against more breaches, or a plan you saved from this page to carry on with it on this device. Files are read in this browser only.",
                  "可添加从 Have I Been Pwned 网站下载的全部泄露事件列表，以对照更多泄露事件检查；或添加你从本页保存的计划，在此设备上继续。文件只在本浏览器中读取。";
    ImportBusy => "Reading the catalogue…", "正在读取目录……";
    ImportReading => "Reading and checking the file", "正在读取并检查文件";
    ShowAllCompanies => "Show all companies", "显示全部公司";
    ImportIndexing => "Indexing the names", "正在为名称建立索引";
    ImportProgressLabel => "Import progress", "导入进度";
    RemoveCatalog => "Remove the imported catalogue", "移除已导入的目录";
    Dismiss => "Dismiss", "关闭";
    SkipToContent => "Skip to content", "跳到正文";
    NavCheck => "Check my companies", "检查我的公司";
    NavIncidents => "All incidents", "全部事件";
    BrowserHeading => "All incidents", "全部事件";
    BrowserIntro => "Every incident in the data set, newest first. Filter to find the ones that matter to you.",
                    "数据集中的所有事件，最新的在前。可筛选出与你相关的事件。";
    Search => "Search", "搜索";
    SearchPlaceholder => "Company, vendor or incident", "公司、供应商或事件";
    Year => "Year", "年份";
    Sector => "Sector", "行业";
    DataType => "Data type", "数据类型";
    Any => "Any", "全部";
    ThirdPartyOnly => "Through a vendor or platform only", "仅限经由供应商或平台的事件";
    ThirdParty => "Through a vendor", "经由供应商";
    Shown => "shown", "条";
    ClearFilters => "Clear filters", "清除筛选";
    Involving => "Involving", "涉及";
    Details => "Details and sources", "详情与来源";
    BackToResults => "My results", "我的结果";
    BackToList => "All incidents", "返回事件列表";
    NoSuchIncident => "There is no incident with this address. It may have been renamed; see the list of all incidents.",
                      "没有与此地址对应的事件，可能已更名；请查看全部事件列表。";
    BreachedOrg => "Breached organization", "被入侵机构";
    Platform => "Platform", "平台";
    Kind => "What happened", "事件类型";
    Actor => "Attacker", "攻击者";
    Timeline => "Timeline", "时间线";
    AffectedClients => "Clients whose customers were affected", "客户受影响的企业";
    ConfirmedBy => "How we know", "依据";
    Client => "Client", "客户企业";
    Note => "Note", "备注";
    Offered => "Offered to the people affected", "向受影响者提供的补救";
    Settlements => "Fines and settlements", "罚款与和解";
    Expired => "expired", "已过期";
    Amount => "Amount", "金额";
    Footer => "Facts come from public notices and reporting; each incident lists its sources. This is not legal or financial advice.",
              "事实来自公开通知和报道，每个事件都列出来源。本页面不构成法律或财务建议。";
}

/// The name of a sector.
/// "no known incident in our data as of DATE", in the reader's word order.
/// A register's own word for a cause or a kind of notifier ("Hacking/IT
/// Incident", "Health Plan"), in the reader's language: each part of a
/// list ("Loss, Theft", "Cyberattack: Ransomware"); a word not known here
/// stays as filed.
pub fn register_term(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let one = |w: &str| -> String {
        let zh = match w.trim() {
            "Hacking/IT Incident" => "黑客攻击/IT 事件",
            "Unauthorized Access/Disclosure" => "未经授权的访问或披露",
            "Unauthorized Access" => "未经授权的访问",
            "Theft" => "盗窃",
            "Loss" => "遗失",
            "Improper Disposal" => "处置不当",
            "Theft or Mistake" => "盗窃或失误",
            "Cyberattack" => "网络攻击",
            "Ransomware" => "勒索软件",
            "Malware" => "恶意软件",
            "Phishing" => "网络钓鱼",
            "Skimmers" => "盗刷装置",
            "Unclear/unknown" | "Unknown" => "不明",
            "Other" => "其他",
            "Healthcare Provider" => "医疗服务机构",
            "Business Associate" => "业务伙伴（供应商）",
            "Health Plan" => "医疗保险计划",
            "Healthcare Clearing House" => "医疗数据交换机构",
            "Health" => "医疗",
            "Finance" => "金融",
            "Retail" => "零售",
            "Non-Profit/Charity" => "非营利或慈善机构",
            "Education" => "教育",
            "Hospitality" => "酒店餐饮",
            "Government" => "政府机构",
            "Professional Services" => "专业服务",
            "Manufacturing" => "制造业",
            "Software" => "软件",
            "Legal" => "法律服务",
            "Consumable" => "消费品",
            "Clothing" => "服装",
            "Entertainment" => "娱乐",
            "Construction" => "建筑",
            "Transportation" => "交通运输",
            "Telecommunications" => "电信",
            "Human Resources" => "人力资源",
            "Web Services" => "网络服务",
            "Cosmetic" => "化妆品",
            "Accessories" => "配饰",
            "Shipping" => "货运物流",
            "Real Estate" => "房地产",
            "Home" => "家居",
            "Fitness" => "健身",
            "Cleaning" => "清洁",
            "Cryptocurrency" => "加密货币",
            "Biotech" => "生物科技",
            other => return other.to_string(),
        };
        zh.to_string()
    };
    let mut out = Vec::new();
    for part in text.split(", ") {
        let words: Vec<String> = part.split(": ").map(one).collect();
        out.push(words.join("："));
    }
    out.join("、")
}

/// A register's name as the page says it (the data names it in full).
pub fn register_name(lang: Lang, id: &str, full: &str) -> String {
    match (lang, id) {
        (Lang::En, "hhs-ocr") => "the US health department (HHS)".into(),
        (Lang::Zh, "hhs-ocr") => "美国卫生与公众服务部（HHS）".into(),
        (Lang::En, "wa-ag") => "the Washington State Attorney General".into(),
        (Lang::Zh, "wa-ag") => "华盛顿州总检察长办公室".into(),
        _ => full.to_string(),
    }
}

/// "Also reported to … on …: N people" for a notice of an event shown on
/// another card.
pub fn also_reported_line(
    lang: Lang,
    register: &str,
    date: &str,
    people: Option<String>,
    residents: bool,
) -> String {
    match (lang, people) {
        (Lang::En, Some(n)) => format!(
            "{register} on {date}: {n} {}",
            if residents { "residents" } else { "people" }
        ),
        (Lang::En, None) => format!("{register} on {date}"),
        (Lang::Zh, Some(n)) => format!(
            "{date}通报{register}：{n}{}",
            if residents { "名该州居民" } else { "人" }
        ),
        (Lang::Zh, None) => format!("{date}通报{register}"),
    }
}

pub fn no_incident_as_of(lang: Lang, date: &str) -> String {
    match lang {
        Lang::En => format!("{} {date}", tr(lang, Text::NoKnownIncidentAsOf)),
        Lang::Zh => format!("截至{date}，我们的数据中没有已知事件"),
    }
}

/// The mark on a card the last visit (on `date`) did not show.
pub fn new_since_mark(lang: Lang, date: &str) -> String {
    match lang {
        Lang::En => format!("New since {date}"),
        Lang::Zh => format!("{date}以来新增"),
    }
}

/// A person's relationship to a company, in words (shared with the CLI).
pub use exposure_words::relation_label;

/// Current or former, with what the person is: "current customer", "former
/// employee"; "仍是客户", "以前是员工" (shared with the exports).
pub use exposure_words::tenure_label;

/// A company chip's years, as its editor's summary says them: "2015–now"
/// for a current customer, "2010–2016", "until 2016", "former customer
/// from 2010" or "former customer" for a former one (an end year alone
/// says so: `Period::status`), "from 2015" when not said; "years?" when
/// nothing is.
pub fn period_summary(
    lang: Lang,
    relation: exposure_core::model::Relation,
    period: exposure_core::Period,
) -> String {
    use exposure_core::Tenure::{Current, Former};
    let now = tr(lang, Text::Now);
    match (lang, period.status(), period.from, period.ended()) {
        (_, None, None, _) => tr(lang, Text::WhenCustomer).to_string(),
        (Lang::En, None, Some(a), _) => format!("from {a}"),
        (Lang::Zh, None, Some(a), _) => format!("{a}年起"),
        (_, Some(Current), Some(a), _) => format!("{a}–{now}"),
        (_, Some(t @ Current), None, _) | (_, Some(t @ Former), None, None) => {
            tenure_label(lang, t, relation)
        }
        (_, Some(Former), Some(a), Some(b)) => format!("{a}–{b}"),
        (Lang::En, Some(Former), None, Some(b)) => format!("until {b}"),
        (Lang::Zh, Some(Former), None, Some(b)) => format!("至{b}年"),
        (Lang::En, Some(Former), Some(a), None) => {
            format!("{} from {a}", tenure_label(lang, Former, relation))
        }
        (Lang::Zh, Some(Former), Some(a), None) => {
            format!("{}，{a}年起", tenure_label(lang, Former, relation))
        }
    }
}

pub fn sector_label(lang: Lang, s: exposure_core::model::Sector) -> &'static str {
    use exposure_core::model::Sector::*;
    match (lang, s) {
        (Lang::En, Carrier) => "Phone carriers",
        (Lang::En, Bank) => "Banks",
        (Lang::En, Fintech) => "Fintech",
        (Lang::En, Lending) => "Lending",
        (Lang::En, Insurer) => "Insurers",
        (Lang::En, Retirement) => "Retirement plans",
        (Lang::En, Health) => "Health care",
        (Lang::En, Retail) => "Retail",
        (Lang::En, Entertainment) => "Entertainment and tickets",
        (Lang::En, CloudPlatform) => "Cloud platforms",
        (Lang::En, Software) => "Software",
        (Lang::En, BusinessServices) => "Business services",
        (Lang::En, Government) => "Government",
        (Lang::En, Education) => "Education",
        (Lang::En, Travel) => "Travel",
        (Lang::En, Other) => "Other",
        (Lang::Zh, Carrier) => "电信运营商",
        (Lang::Zh, Bank) => "银行",
        (Lang::Zh, Fintech) => "金融科技",
        (Lang::Zh, Lending) => "贷款",
        (Lang::Zh, Insurer) => "保险",
        (Lang::Zh, Retirement) => "退休金计划",
        (Lang::Zh, Health) => "医疗健康",
        (Lang::Zh, Retail) => "零售",
        (Lang::Zh, Travel) => "旅行出行",
        (Lang::Zh, Entertainment) => "娱乐与票务",
        (Lang::Zh, CloudPlatform) => "云平台",
        (Lang::Zh, Software) => "软件",
        (Lang::Zh, BusinessServices) => "企业服务",
        (Lang::Zh, Government) => "政府",
        (Lang::Zh, Education) => "教育",
        (Lang::Zh, Other) => "其他",
    }
}

/// A severity, in words.
pub fn severity_label(lang: Lang, s: exposure_core::model::Severity) -> &'static str {
    use exposure_core::model::Severity::*;
    match s {
        Critical => lang.pick("critical", "极高"),
        High => lang.pick("high", "高"),
        Medium => lang.pick("medium", "中"),
        Low => lang.pick("low", "低"),
    }
}

/// The `lang` attribute of a text shown in the page's language, or in
/// English when it has no translation (so screen readers pronounce it right).
/// A text from the data is in the reader's language: always in English;
/// in Chinese when it has Chinese characters (a translation was found).
pub fn in_reader_language(lang: Lang, text: &str) -> bool {
    lang == Lang::En || text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

pub fn summary_lang(lang: Lang, untranslated: bool) -> &'static str {
    if untranslated {
        Lang::En.code()
    } else {
        lang.code()
    }
}

/// A skip reason of the catalogue import, in the person's language.
pub use exposure_words::skip_reason;

/// What the last import did, as sentences in the person's language.
pub fn notice_text(lang: Lang, n: &crate::state::Notice) -> String {
    use crate::state::Notice;
    let zh = lang == Lang::Zh;
    match n {
        Notice::PlanRestored { companies, done } => {
            if zh {
                format!("已从导出的计划中恢复 {companies} 家公司和 {done} 项已完成的行动。")
            } else {
                format!("Restored {companies} companies and {done} ticked actions from an exported plan.")
            }
        }
        Notice::Catalog {
            breaches,
            imported,
            skipped,
            skipped_total,
            unmapped,
            kept,
            ..
        } => {
            let mut s = if zh {
                format!("已从目录中导入 {imported} 条泄露事件（共 {breaches} 条）。")
            } else {
                format!("Imported {imported} of {breaches} breaches from the catalogue.")
            };
            if *skipped_total > 0 {
                let shown: Vec<String> = skipped
                    .iter()
                    .map(|k| format!("{} ({})", k.name, skip_reason(lang, &k.reason)))
                    .collect();
                let more = skipped_total.saturating_sub(shown.len());
                if zh {
                    s.push_str(&format!("跳过 {skipped_total} 条：{}", shown.join("；")));
                    if more > 0 {
                        s.push_str(&format!("；另有 {more} 条"));
                    }
                    s.push('。');
                } else {
                    s.push_str(&format!(" Skipped {skipped_total}: {}", shown.join("; ")));
                    if more > 0 {
                        s.push_str(&format!("; and {more} more"));
                    }
                    s.push('.');
                }
            }
            if !unmapped.is_empty() {
                s.push_str(&if zh {
                    format!("归为“其他”的数据类别：{}。", unmapped.join("、"))
                } else {
                    format!(" Data classes counted as other: {}.", unmapped.join(", "))
                });
            }
            match kept {
                Some(true) => s.push_str(lang.pick(
                    " The catalogue is kept in this browser until you remove it.",
                    "该目录会保存在本浏览器中，直到你将其移除。",
                )),
                Some(false) => s.push_str(lang.pick(
                    " It is too large for this browser's storage, so it lasts until you close the page.",
                    "该目录太大，无法存入本浏览器的存储空间，因此只在你关闭页面前有效。",
                )),
                None => {}
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for &t in Text::ALL {
            assert!(!tr(Lang::En, t).trim().is_empty(), "{t:?} en");
            assert!(!tr(Lang::Zh, t).trim().is_empty(), "{t:?} zh");
        }
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_code("zh-Hans"), Lang::Zh);
        assert_eq!(Lang::from_code("en-US"), Lang::En);
        assert_eq!(Lang::from_code("fr"), Lang::En);
        assert_eq!(Lang::Zh.code(), "zh-Hans");
    }
}
