//! The data set shipped with this build, compiled in from `static/data/`.
//! (Compile-time inclusion, not I/O: the core stays free of file access.)

use crate::dataset::{DataSet, LoadError};
use crate::lang::Translations;

pub const TAXONOMY_JSON: &str = include_str!("../../../static/data/taxonomy.json");
pub const ORGANIZATIONS_JSON: &str = include_str!("../../../static/data/organizations.json");
pub const INCIDENTS_JSON: &str = include_str!("../../../static/data/incidents.json");
pub const ZH_JSON: &str = include_str!("../../../static/data/zh.json");
pub const NOTICES_JSON: &str = include_str!("../../../static/data/notices.json");

/// Parses the bundled data set, with its register notices.
pub fn dataset() -> Result<DataSet, LoadError> {
    DataSet::from_json_with_notices(
        TAXONOMY_JSON,
        ORGANIZATIONS_JSON,
        INCIDENTS_JSON,
        NOTICES_JSON,
    )
}

/// The curated data alone (what register names are resolved against).
pub fn curated() -> Result<DataSet, LoadError> {
    DataSet::from_json(TAXONOMY_JSON, ORGANIZATIONS_JSON, INCIDENTS_JSON)
}

/// The bundled Chinese texts of the data.
pub fn translations() -> Result<Translations, LoadError> {
    Translations::from_json(ZH_JSON)
}
