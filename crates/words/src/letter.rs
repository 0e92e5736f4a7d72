//! A letter's findings in words: who sent it and why it had the person's
//! data, and which incident it is about, in two or three plain sentences.

use exposure_core::dataset::DataSet;
use exposure_core::lang::{Lang, Locale};
use exposure_core::letter::Kept;
use exposure_core::CompanyQuery;

use crate::org_name;

/// Who the sender is and why it had the data (through the client it wrote
/// for, or one of the person's companies it works for), and the incident.
pub fn summary(ds: &DataSet, locale: Locale, k: &Kept, companies: &[CompanyQuery]) -> Vec<String> {
    let lang = locale.lang;
    let t = ds.texts(locale);
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    let sender_id = k.sender.as_ref().and_then(|p| p.org_id.as_deref());
    let client_id = k.on_behalf_of.as_ref().and_then(|p| p.org_id.as_deref());
    let sender = match sender_id {
        Some(id) => org_name(ds, id, lang).to_string(),
        None => k.sender_name().to_string(),
    };
    // The vendor → client link behind the letter: the client it names, or
    // one of the person's companies the sender works for.
    let service_for = |client: &str| {
        sender_id.and_then(|v| {
            ds.relationships()
                .iter()
                .find(|r| r.vendor == v && r.client == client)
                .map(|r| t.service(&r.service).to_string())
        })
    };
    let yours = companies
        .iter()
        .filter(|c| !c.from_letter)
        .filter_map(|c| c.org_id.as_deref())
        .find(|c| service_for(c).is_some() && Some(*c) != client_id);
    match (client_id, k.on_behalf_of.as_ref(), yours) {
        (Some(client), _, _) => {
            let name = org_name(ds, client, lang);
            out.push(match (service_for(client), zh) {
                (Some(s), false) => format!("{sender} wrote on behalf of {name}: it handles {s} for {name}, which is how it had your data."),
                (Some(s), true) => format!("{sender}代表{name}致函：它为{name}提供{s}服务，因此持有你的数据。"),
                (None, false) => format!("{sender} wrote on behalf of {name}, which shared your data with it."),
                (None, true) => format!("{sender}代表{name}致函；{name}曾与它共享你的数据。"),
            });
        }
        (None, Some(p), _) => out.push(if zh {
            format!("{sender}代表{}致函；我们的数据中还没有{}。", p.name, p.name)
        } else {
            format!(
                "{sender} wrote on behalf of {}, which is not in our data yet.",
                p.name
            )
        }),
        (None, None, Some(company)) => {
            let name = org_name(ds, company, lang);
            let s = service_for(company).unwrap_or_default();
            out.push(if zh {
                format!("{sender}为你的公司{name}提供{s}服务：它很可能因此持有你的数据。")
            } else {
                format!("{sender} works for {name}, one of your companies ({s}): that is probably how it had your data.")
            });
        }
        (None, None, None) => out.push(match (sender_id.is_some(), zh) {
            (true, false) => format!("The letter is from {sender}."),
            (true, true) => format!("这封信来自{sender}。"),
            (false, false) => {
                format!("{sender} is not in our data yet: what the letter says is what we know.")
            }
            (false, true) => format!("我们的数据中还没有{sender}：我们所知的就是信中所说的内容。"),
        }),
    }
    match k.incident.as_deref().and_then(|id| ds.incident(id)) {
        Some(inc) => {
            let title = crate::incident_title(t, inc);
            out.push(if zh {
                format!("信中所说的是“{title}”：此事件已确认与你有关，并已加入你的结果和行动计划。")
            } else {
                format!("The letter is about “{title}”: it is now confirmed for you, in your results and your plan.")
            });
        }
        None => out.push(if zh {
            "我们的数据中还没有这封信所说的事件：信中列出的数据类型和截止日期已加入你的行动计划。".to_string()
        } else {
            "The incident it tells of is not in our data yet: the data types and the deadline it gives go into your plan.".to_string()
        }),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use exposure_core::letter::Party;

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn a_vendor_letter_says_who_and_why_in_both_languages() {
        let engine = exposure_core::Engine::bundled().unwrap();
        let ds = &engine.data;
        let texts = exposure_core::bundled::translations().unwrap();
        let party = |id: &str| Party {
            name: id.into(),
            org_id: Some(id.into()),
        };
        let k = Kept {
            sender: Some(party("infosys-mccamish")),
            on_behalf_of: Some(party("bank-of-america")),
            incident: Some("infosys-mccamish-2023".into()),
            ..Default::default()
        };
        let en = summary(ds, Lang::En.into(), &k, &[]);
        assert!(
            en[0].contains("on behalf of Bank of America") && en[1].contains("confirmed"),
            "{en:?}"
        );
        let zh = summary(ds, Locale::new(Lang::Zh, Some(&texts)), &k, &[]);
        assert!(
            zh.iter().all(|s| has_chinese(s)) && zh[0].contains("美国银行"),
            "{zh:?}"
        );
        let unknown = Kept {
            sender: Some(Party {
                name: "Larkspur Hollow Family Dentistry".into(),
                org_id: None,
            }),
            ..Default::default()
        };
        let en = summary(ds, Lang::En.into(), &unknown, &[]);
        assert!(
            en[0].contains("not in our data yet") && en[1].contains("not in our data yet"),
            "{en:?}"
        );
    }
}
