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
    // Every one of the person's companies the sender works for.
    let mut yours: Vec<&str> = companies
        .iter()
        .filter(|c| !c.from_letter)
        .filter_map(|c| c.org_id.as_deref())
        .filter(|c| service_for(c).is_some() && Some(*c) != client_id)
        .collect();
    yours.dedup();
    match (client_id, k.on_behalf_of.as_ref(), yours.first().copied()) {
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
        (None, None, Some(company)) if yours.len() == 1 => {
            let name = org_name(ds, company, lang);
            let s = service_for(company).unwrap_or_default();
            out.push(if zh {
                format!("{sender}为你的公司{name}提供{s}服务：它很可能因此持有你的数据。")
            } else {
                format!("{sender} works for {name}, one of your companies ({s}): that is probably how it had your data.")
            });
        }
        (None, None, Some(_)) => {
            let names: Vec<&str> = yours.iter().map(|id| org_name(ds, id, lang)).collect();
            out.push(if zh {
                format!("{sender}为你的多家公司提供服务（{}）：你的数据很可能经由其中一家到了它手里。", t.list(&names))
            } else {
                format!("{sender} works for {} of your companies ({}): your data probably reached it through one of them.", names.len(), t.list(&names))
            });
        }
        (None, None, None) => {
            // The companies our data says it works for, or whose customers
            // its breach reached: how a stranger comes to hold your data.
            let mut clients: Vec<&str> = Vec::new();
            if let Some(v) = sender_id {
                for r in ds.relationships().iter().filter(|r| r.vendor == v) {
                    clients.push(&r.client);
                }
                if let Some(inc) = k.incident.as_deref().and_then(|id| ds.incident(id)) {
                    clients.extend(inc.more().affected_clients.iter().map(|c| c.org.as_str()));
                }
            }
            let mut seen = std::collections::BTreeSet::new();
            clients.retain(|c| seen.insert(*c) && Some(*c) != sender_id);
            let some: Vec<&str> = clients
                .iter()
                .take(3)
                .map(|id| org_name(ds, id, lang))
                .collect();
            out.push(match (sender_id.is_some(), clients.len(), zh) {
                (true, 0, false) => format!("The letter is from {sender}."),
                (true, 0, true) => format!("这封信来自{sender}。"),
                (true, n, false) => format!(
                    "{sender} handles data for other companies — our data links it to {n}, among them {} — so your data may have reached it through any of them, even if you never dealt with it.",
                    t.list(&some)
                ),
                (true, n, true) => format!(
                    "{sender}为其他公司处理数据——我们的数据中与它相关的有 {n} 家，包括{}——即使你从未与它打过交道，你的数据也可能经由其中任何一家到了它手里。",
                    t.list(&some)
                ),
                (false, _, false) => {
                    format!("{sender} is not in our data yet: what the letter says is what we know.")
                }
                (false, _, true) => format!("我们的数据中还没有{sender}：我们所知的就是信中所说的内容。"),
            });
        }
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
        // A vendor the person never dealt with, writing for itself: whom it
        // works for, so the reader sees how it came to hold their data.
        let vendor = Kept {
            sender: Some(party("conduent")),
            ..Default::default()
        };
        let en = summary(ds, Lang::En.into(), &vendor, &[]);
        assert!(
            en[0].contains("handles data for other companies") && en[0].contains("among them"),
            "{en:?}"
        );
        let zh = summary(ds, Locale::new(Lang::Zh, Some(&texts)), &vendor, &[]);
        assert!(zh[0].contains("为其他公司处理数据"), "{zh:?}");
        // Working for several of the person's companies: all are named.
        let clients: Vec<&str> = ds
            .relationships()
            .iter()
            .filter(|r| r.vendor == "conduent")
            .map(|r| r.client.as_str())
            .take(2)
            .collect();
        let engine_queries: Vec<CompanyQuery> = clients
            .iter()
            .map(|id| CompanyQuery {
                input: id.to_string(),
                org_id: Some(id.to_string()),
                ..Default::default()
            })
            .collect();
        let en = summary(ds, Lang::En.into(), &vendor, &engine_queries);
        assert_eq!(clients.len(), 2);
        assert!(
            en[0].contains("works for 2 of your companies")
                && clients.iter().all(|id| en[0].contains(ds.org_name(id))),
            "{en:?}"
        );
    }
}
