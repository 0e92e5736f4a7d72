//! Counts of the data set (`exposure stats`): the curated data and the
//! register notices counted apart.

use super::*;

/// Counts reported by `exposure stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub as_of: Option<String>,
    /// The lists the data was checked against, each with its date.
    pub coverage: Vec<Coverage>,
    pub incidents: usize,
    /// Incidents first disclosed in the year of `as_of` or the one before.
    pub incidents_disclosed_recently: usize,
    pub third_party_incidents: usize,
    pub client_links: usize,
    pub organizations: usize,
    pub aliases: usize,
    pub sources: usize,
    pub incidents_without_source: usize,
    pub relationships: usize,
    pub relationships_without_source: usize,
    pub client_links_without_source: usize,
    pub figures_without_date: usize,
    pub data_types: usize,
    pub actions: usize,
    pub notices: NoticeStats,
}

/// Counts of the register notices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NoticeStats {
    pub total: usize,
    /// Per register: its notices and the newest one's date.
    pub registers: Vec<RegisterStats>,
    /// Notices of an event the curated data has (shown on its card).
    pub linked: usize,
    /// Copies of another register's notice of the same event.
    pub copies: usize,
    /// Notices shown as "reported breach" cards of their own.
    pub standing_alone: usize,
    /// Notices whose name resolved to a curated organization.
    pub resolved_to_curated: usize,
    /// Organizations known only from registers.
    pub register_only_organizations: usize,
    pub disputed_or_withdrawn: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterStats {
    pub id: String,
    pub notices: usize,
    pub covered_to: String,
}

impl DataSet {
    fn notice_stats(&self) -> NoticeStats {
        use crate::notices::{NoticeStatus, REGISTER_ORG_PREFIX};
        let all = &self.notices.notices;
        NoticeStats {
            total: all.len(),
            registers: self
                .notices
                .registers
                .iter()
                .map(|r| RegisterStats {
                    id: r.id.clone(),
                    notices: all.iter().filter(|n| n.register == r.id).count(),
                    covered_to: r.covered_to.to_string(),
                })
                .collect(),
            linked: all.iter().filter(|n| n.incident.is_some()).count(),
            copies: all
                .iter()
                .filter(|n| n.incident.is_none() && n.same_as.is_some())
                .count(),
            standing_alone: all.iter().filter(|n| n.stands_alone()).count(),
            resolved_to_curated: all
                .iter()
                .filter(|n| !n.org.starts_with(REGISTER_ORG_PREFIX))
                .count(),
            register_only_organizations: self
                .organizations
                .iter()
                .filter(|o| o.id.starts_with(REGISTER_ORG_PREFIX))
                .count(),
            disputed_or_withdrawn: all
                .iter()
                .filter(|n| n.status != NoticeStatus::Filed)
                .count(),
        }
    }

    /// Counts of the curated data (the notices counted apart).
    pub fn stats(&self) -> Stats {
        let recent_from = self.info.as_of.map_or(i32::MAX, |d| d.year - 1);
        let curated_orgs = &self.organizations[..self.curated.0.min(self.organizations.len())];
        Stats {
            notices: self.notice_stats(),
            as_of: self.info.as_of.map(|d| d.to_string()),
            coverage: self.info.coverage.clone(),
            incidents: self.curated_incidents().len(),
            incidents_disclosed_recently: self
                .curated_incidents()
                .iter()
                .filter(|i| i.disclosed.is_some_and(|d| d.year >= recent_from))
                .count(),
            third_party_incidents: self
                .curated_incidents()
                .iter()
                .filter(|i| i.is_third_party())
                .count(),
            client_links: self
                .curated_incidents()
                .iter()
                .map(|i| i.more().affected_clients.len())
                .sum(),
            organizations: curated_orgs.len(),
            aliases: curated_orgs.iter().map(|o| o.aliases.len()).sum(),
            sources: self
                .curated_incidents()
                .iter()
                .map(|i| i.sources.len())
                .sum(),
            incidents_without_source: self
                .curated_incidents()
                .iter()
                .filter(|i| i.sources.is_empty())
                .count(),
            relationships: self.relationships.len(),
            relationships_without_source: self
                .relationships
                .iter()
                .filter(|r| !r.is_sourced())
                .count(),
            client_links_without_source: self
                .curated_incidents()
                .iter()
                .flat_map(|i| &i.more().affected_clients)
                .filter(|c| c.source.is_none())
                .count(),
            figures_without_date: self
                .curated_incidents()
                .iter()
                .filter(|i| i.affected.is_some() && i.affected_as_of.is_none())
                .count(),
            data_types: self.taxonomy.data_types.len(),
            actions: self.taxonomy.actions.len(),
        }
    }
}
