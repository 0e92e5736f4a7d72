//! `exposure`: Exposure Check's engine on the command line.
//!
//! All logic lives in `exposure-core`; this file parses arguments, reads the
//! clock, prints, and chooses the exit code (0 ok, 1 invalid data, 2 bad usage).

use std::borrow::Cow;
use std::process::ExitCode;

use exposure_core::exposure::ExposedType;
use exposure_core::json::JsonEnum;
use exposure_core::lang::Lang;
use exposure_core::model::Relation;
use exposure_core::reading::split_list;
use exposure_core::report::{actions_out, incident_out, Words};
use exposure_core::{CompanyQuery, Confidence, Engine, PartialDate, Period, Report, Tenure};

const USAGE: &str = "\
usage:
  exposure check [--json] [--catalog FILE] [--file FILE] [--] NAME[@FROM-UNTIL]... | -
                                                      incidents, exposure and plan for these companies;
                                                      '-' reads a list from standard input, --file from a file
                                                      (a company a line, as the page reads a pasted list)
  exposure incidents [--json] [--catalog FILE]        every incident in the data set
  exposure import-hibp [--json] FILE                  read a Have I Been Pwned breaches file and report
  exposure plan [--json] --types TYPE,TYPE...         the actions for these data types
  exposure read-letter [--json] [--show-code] FILE | -
                                                      read a breach letter (text or .eml): sender, on whose
                                                      behalf, incident, data types, dates, offer, lure signs
  exposure validate                                   check the data set; exit 1 when it has problems
  exposure stats [--json]                             counts of the data set
  exposure ingest REGISTER FILE [--snapshot TEXT] [--notices FILE] [--decisions FILE]
                                                      read a register snapshot (CSV) into the notices file
                                                      (default static/data/notices.json), resolving names and
                                                      linking incidents with the decisions file (default
                                                      data/registers/decisions.json); registers: hhs-ocr, wa-ag
  exposure pack DIR                                   split the site's copy of the curated data in DIR into what a
                                                      first answer needs (incidents.json: the facts;
                                                      organizations.json: those an answer involves) and what the
                                                      page adds after (details.json, organizations-more.json)
  exposure normalize                                  the matching key of each name read from standard input, a line each
  exposure help                                       this text

NAME@FROM-UNTIL gives the years you were a customer: AT&T@2010-2016, AT&T@2021-; say whether
you still are with now or former: AT&T@2021-now (still a customer), AT&T@former, AT&T@2010-former
NAME#RELATION says what you are to it (customer unless given): customer, employee, applicant,
patient, member, student, plan_participant: Verizon#employee, Verizon#customer@2015-
--catalog FILE adds a Have I Been Pwned breaches file (API v3 JSON) to the curated data.";

/// Prints a line to stdout. A closed pipe (`exposure … | head`) ends the
/// output quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// A usage error: printed with the usage text, exit code 2.
#[derive(Debug)]
struct UsageError(String);

/// A failure after the arguments were understood (a file that is not a
/// catalogue): printed as a message, exit code 1.
#[derive(Debug)]
struct Failure(String);

#[derive(Debug)]
enum CliError {
    Usage(UsageError),
    Failed(Failure),
}

impl From<UsageError> for CliError {
    fn from(e: UsageError) -> Self {
        CliError::Usage(e)
    }
}

impl From<Failure> for CliError {
    fn from(e: Failure) -> Self {
        CliError::Failed(e)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(CliError::Usage(UsageError(msg))) => {
            eprintln!("exposure: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(CliError::Failed(Failure(msg))) => {
            eprintln!("exposure: {msg}");
            ExitCode::from(1)
        }
    }
}

fn today() -> PartialDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    PartialDate::from_days_since_epoch((secs / 86_400) as i64)
}

/// Flags and positional arguments of one subcommand.
#[derive(Default)]
struct Parsed {
    json: bool,
    types: Option<String>,
    catalog: Option<String>,
    /// `--file`: a list of companies, a line each.
    file: Option<String>,
    /// `ingest`'s options.
    snapshot: Option<String>,
    notices: Option<String>,
    decisions: Option<String>,
    /// Company names (`check`), `ingest`'s register and file, or
    /// `read-letter`'s file.
    names: Vec<String>,
    /// `read-letter --show-code`: print the activation code.
    show_code: bool,
}

/// What a subcommand accepts besides `--json`.
#[derive(Clone, Copy, Default)]
struct Accepts {
    names: bool,
    types: bool,
    catalog: bool,
    ingest: bool,
    letter: bool,
}

/// One subcommand's arguments (`--flag value` and `--flag=value` alike,
/// `--` before names that begin with a dash).
fn parse(args: &[String], accepts: Accepts) -> Result<Parsed, UsageError> {
    use lexopt::Arg::{Long, Short, Value};
    let mut p = Parsed::default();
    let mut parser = lexopt::Parser::from_args(args);
    let usage = |e: lexopt::Error| UsageError(e.to_string().to_lowercase());
    let text = |v: std::ffi::OsString| {
        v.into_string()
            .map_err(|v| UsageError(format!("'{}' is not valid text", v.to_string_lossy())))
    };
    while let Some(arg) = parser.next().map_err(usage)? {
        let flag = |name: &str| format!("--{name}");
        match arg {
            Long("json") => p.json = true,
            Long("show-code") if accepts.letter => p.show_code = true,
            Long("types") if accepts.types => p.types = Some(text(parser.value().map_err(usage)?)?),
            Long("catalog") if accepts.catalog => {
                p.catalog = Some(text(parser.value().map_err(usage)?)?)
            }
            Long("file") if accepts.names => p.file = Some(text(parser.value().map_err(usage)?)?),
            Long("snapshot") if accepts.ingest => {
                p.snapshot = Some(text(parser.value().map_err(usage)?)?)
            }
            Long("notices") if accepts.ingest => {
                p.notices = Some(text(parser.value().map_err(usage)?)?)
            }
            Long("decisions") if accepts.ingest => {
                p.decisions = Some(text(parser.value().map_err(usage)?)?)
            }
            Long(other) => return Err(UsageError(format!("unknown option '{}'", flag(other)))),
            Short(c) => return Err(UsageError(format!("unknown option '-{c}'"))),
            Value(v) if accepts.names || accepts.ingest || accepts.letter => p.names.push(text(v)?),
            Value(v) => {
                return Err(UsageError(format!(
                    "unexpected argument '{}'",
                    v.to_string_lossy()
                )))
            }
        }
    }
    Ok(p)
}

/// A letter file's text, or standard input's for `-`: bytes that are not
/// UTF-8 are read as GB18030 or Windows-1252 (`text_from_bytes`). A file
/// that cannot be read is a failure, not a usage error.
fn letter_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map(|_| bytes)
            .map_err(|e| Failure(format!("cannot read standard input: {}", lower(&e))))?
    } else {
        std::fs::read(path).map_err(|e| Failure(format!("cannot read '{path}': {}", lower(&e))))?
    };
    Ok(exposure_core::letter::text_from_bytes(&bytes))
}

/// An error's message as a clause: its first letter in lower case.
fn lower(e: &std::io::Error) -> String {
    let msg = e.to_string();
    let mut chars = msg.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

fn read_file(path: &str) -> Result<String, UsageError> {
    std::fs::read_to_string(path).map_err(|e| UsageError(format!("cannot read '{path}': {e}")))
}

/// The engine widened by the catalogue, when one is given.
fn with_catalog(engine: Engine, catalog: Option<&str>) -> Result<Engine, CliError> {
    let Some(path) = catalog else {
        return Ok(engine);
    };
    let text = read_file(path)?;
    let (merged, _) = engine
        .with_catalog(&text)
        .map_err(|e| Failure(format!("{path}: {e}")))?;
    Ok(merged)
}

/// `exposure pack DIR`: the site's copy of the curated data in two parts,
/// what a first answer needs first (`exposure_core::dataset::split`,
/// `split_organizations`).
fn pack(args: &[String]) -> Result<ExitCode, CliError> {
    use exposure_core::dataset::{DETAILS_FILE, ORGANIZATIONS_MORE_FILE};
    let p = parse(
        args,
        Accepts {
            names: true,
            ..Default::default()
        },
    )?;
    let [dir] = p.names.as_slice() else {
        return Err(UsageError("pack needs the folder of the site's data".into()).into());
    };
    let path = |f: &str| format!("{dir}/{f}");
    let (taxonomy, organizations, incidents) = (
        read_file(&path("taxonomy.json"))?,
        read_file(&path("organizations.json"))?,
        read_file(&path("incidents.json"))?,
    );
    let failed = |f: &str| {
        let f = path(f);
        move |e: exposure_core::dataset::SplitError| Failure(format!("{f}: {e}"))
    };
    // Both split before either is written: a failure leaves the folder as it was.
    let (orgs, more) =
        exposure_core::dataset::split_organizations(&taxonomy, &organizations, &incidents)
            .map_err(failed("organizations.json"))?;
    let (first, details) =
        exposure_core::dataset::split(&incidents).map_err(failed("incidents.json"))?;
    for (f, text) in [
        ("organizations.json", &orgs),
        (ORGANIZATIONS_MORE_FILE, &more),
        ("incidents.json", &first),
        (DETAILS_FILE, &details),
    ] {
        std::fs::write(path(f), text).map_err(|e| Failure(format!("{}: {e}", path(f))))?;
        out!("{}: {} bytes", path(f), text.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// `exposure ingest`: a register snapshot into the notices file.
fn ingest(args: &[String]) -> Result<ExitCode, CliError> {
    let p = parse(
        args,
        Accepts {
            ingest: true,
            ..Default::default()
        },
    )?;
    let notices = p
        .notices
        .unwrap_or_else(|| "static/data/notices.json".to_string());
    let decisions = p
        .decisions
        .unwrap_or_else(|| "data/registers/decisions.json".to_string());
    let snapshot = p.snapshot;
    let [register, file] = p.names.as_slice() else {
        return Err(UsageError("ingest needs a register and a file".into()).into());
    };
    let snapshot = snapshot.unwrap_or_else(|| file.clone());
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(file)
        .map_err(|e| Failure(format!("{file}: {e}")))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Failure(format!("{file}: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut rows = Vec::new();
    for (i, r) in reader.records().enumerate() {
        let r = r.map_err(|e| Failure(format!("{file}: row {}: {e}", i + 2)))?;
        rows.push(r.iter().map(str::to_string).collect::<Vec<_>>());
    }
    let previous = match std::fs::read_to_string(&notices) {
        Ok(text) => {
            exposure_core::json::from_str(&text).map_err(|e| Failure(format!("{notices}: {e}")))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(Failure(format!("{notices}: {e}")).into()),
    };
    let decided = match std::fs::read_to_string(&decisions) {
        Ok(text) => exposure_core::ingest::Decisions::from_json(&text)
            .map_err(|e| Failure(format!("{decisions}: {e}")))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(Failure(format!("{decisions}: {e}")).into()),
    };
    let curated = exposure_core::bundled::curated()
        .map(Engine::new)
        .map_err(|e| Failure(format!("the bundled data set could not be loaded: {e}")))?;
    let (file_out, summary) = exposure_core::ingest::ingest(
        &curated, register, &snapshot, &header, &rows, previous, &decided,
    )
    .map_err(|e| Failure(e.to_string()))?;
    std::fs::write(&notices, file_out.to_json()).map_err(|e| Failure(format!("{notices}: {e}")))?;
    out!(
        "{register}: {} rows, {} skipped; {} added, {} updated, {} unchanged, {} kept from before; {} notices in {notices}",
        summary.rows,
        summary.skipped.len(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.kept,
        file_out.notices.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(UsageError("no command given".into()).into());
    };
    if matches!(cmd.as_str(), "help" | "--help" | "-h") {
        out!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if cmd == "ingest" {
        return ingest(rest);
    }
    if cmd == "pack" {
        return pack(rest);
    }
    let engine = match Engine::bundled() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("exposure: the bundled data set could not be loaded: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    match cmd.as_str() {
        "check" => {
            let p = parse(
                rest,
                Accepts {
                    names: true,
                    catalog: true,
                    ..Default::default()
                },
            )?;
            // Each argument is one typed name; '-' and --file are lists, a
            // company a line. All are read as the page reads them.
            let mut lines: Vec<String> = Vec::new();
            for n in &p.names {
                if n == "-" {
                    let mut text = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                        .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
                    lines.extend(split_list(&text));
                } else {
                    lines.push(n.clone());
                }
            }
            if let Some(path) = &p.file {
                lines.extend(split_list(&read_file(path)?));
            }
            if lines.is_empty() {
                return Err(UsageError("check needs at least one company name".into()).into());
            }
            let engine = with_catalog(engine, p.catalog.as_deref())?;
            let mut queries: Vec<CompanyQuery> = Vec::new();
            for line in &lines {
                let (line, relation) = split_relation(line)?;
                let (name, period) = split_period(&line)?;
                for mut q in engine.read_companies(name) {
                    q.period = period;
                    q.relation = relation;
                    if q.org_id.is_none() || !queries.iter().any(|o| o.org_id == q.org_id) {
                        queries.push(q);
                    }
                }
            }
            let report = engine.check(&queries, Some(today()));
            if p.json {
                print_json(&engine.output(&report, &english(&engine.data)));
            } else {
                print_report(&engine, &report);
            }
            Ok(ExitCode::SUCCESS)
        }
        "incidents" => {
            let p = parse(
                rest,
                Accepts {
                    catalog: true,
                    ..Default::default()
                },
            )?;
            let engine = with_catalog(engine, p.catalog.as_deref())?;
            let words = english(&engine.data);
            let all: Vec<_> = engine
                .data
                .incidents()
                .iter()
                .map(|i| incident_out(&engine.data, i, &words))
                .collect();
            if p.json {
                print_json(&all);
            } else {
                for i in &all {
                    out!(
                        "{:<42} {:<11} {}",
                        i.id,
                        i.disclosed.as_deref().unwrap_or("-"),
                        i.title
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "plan" => {
            let p = parse(
                rest,
                Accepts {
                    types: true,
                    ..Default::default()
                },
            )?;
            let types = p
                .types
                .ok_or_else(|| UsageError("plan needs --types TYPE,TYPE...".into()))?;
            let mut exposed = Vec::new();
            for t in types.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                let Some(def) = engine.data.data_type(t) else {
                    return Err(UsageError(format!("unknown data type '{t}'")).into());
                };
                exposed.push(ExposedType {
                    type_id: def.id.clone(),
                    severity: def.severity,
                    incidents: Vec::new(),
                });
            }
            let plan = exposure_core::plan::build_plan(&engine.data, &[], &exposed, Some(today()));
            if p.json {
                print_json(&actions_out(&plan, &english(&engine.data)));
            } else {
                for a in &plan {
                    let title =
                        exposure_words::plan::action_title(&engine.data, Lang::En.into(), a);
                    out!(
                        "[{}] {}",
                        exposure_words::urgency_label(Lang::En, a.urgency),
                        title
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "read-letter" => {
            let p = parse(
                rest,
                Accepts {
                    letter: true,
                    ..Default::default()
                },
            )?;
            let [path] = p.names.as_slice() else {
                return Err(UsageError(
                    "read-letter needs one file, or '-' for standard input".into(),
                )
                .into());
            };
            let text = letter_text(path)?;
            let mut letter = engine.read_letter(&text);
            if !p.show_code {
                // The code is the person's: shown only when asked.
                if let Some(o) = letter.offer.as_mut() {
                    o.code = o
                        .code
                        .take()
                        .map(|_| "(hidden: --show-code shows it)".into());
                }
            }
            if p.json {
                print_json(&letter);
            } else {
                print_letter(&engine, &letter);
            }
            Ok(ExitCode::SUCCESS)
        }
        "validate" => {
            parse(rest, Accepts::default())?;
            let mut problems = engine.data.validate();
            match exposure_core::bundled::translations() {
                Ok(zh) => {
                    problems.extend(exposure_core::lang::check_translations(&engine.data, &zh))
                }
                Err(e) => problems.push(exposure_core::Problem {
                    subject: "zh.json".into(),
                    message: e.to_string(),
                }),
            }
            problems.sort();
            if problems.is_empty() {
                let s = engine.data.stats();
                out!(
                    "data set is valid (as of {}): {} incidents, {} organizations, {} data types, {} actions",
                    s.as_of.as_deref().unwrap_or("-"),
                    s.incidents,
                    s.organizations,
                    s.data_types,
                    s.actions
                );
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("the data set has {} problem(s):", problems.len());
                for p in &problems {
                    eprintln!("  - {p}");
                }
                Ok(ExitCode::from(1))
            }
        }
        "normalize" => {
            parse(rest, Accepts::default())?;
            // For data work (tools/data/merge.py): the keys that decide
            // whether two names collide, as the matcher and `validate` see them.
            for line in std::io::stdin().lines().map_while(Result::ok) {
                out!("{}", exposure_core::normalize::normalize(&line));
            }
            Ok(ExitCode::SUCCESS)
        }
        "stats" => {
            let p = parse(rest, Accepts::default())?;
            let s = engine.data.stats();
            if p.json {
                print_json(&s);
            } else {
                out!("{s:#?}");
            }
            Ok(ExitCode::SUCCESS)
        }
        "import-hibp" => {
            let p = parse(
                rest,
                Accepts {
                    names: true,
                    ..Default::default()
                },
            )?;
            let [path] = p.names.as_slice() else {
                return Err(UsageError("import-hibp needs exactly one FILE".into()).into());
            };
            let text = read_file(path)?;
            let (_, import) = engine
                .with_catalog(&text)
                .map_err(|e| Failure(format!("{path}: {e}")))?;
            if p.json {
                print_json(&import);
            } else {
                out!(
                    "{} breaches read: {} imported, {} skipped",
                    import.breaches,
                    import.imported,
                    import.skipped.len()
                );
                for k in &import.skipped {
                    out!(
                        "  skipped {}: {}",
                        k.name,
                        exposure_words::skip_reason(Lang::En, &k.reason)
                    );
                }
                if !import.unmapped_classes.is_empty() {
                    out!(
                        "data classes counted as other: {}",
                        import.unmapped_classes.join(", ")
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError(format!("unknown command '{other}'")).into()),
    }
}

/// "AT&T@2010-2016" → ("AT&T", 2010..2016). A name without a valid year
/// suffix is kept whole (company names may contain '@').
/// `NAME#RELATION` (before any `@FROM-UNTIL`, or after it): the person's
/// relationship to the company; customer when not given.
fn split_relation(arg: &str) -> Result<(String, Relation), UsageError> {
    let Some((head, tail)) = arg.rsplit_once('#') else {
        return Ok((arg.to_string(), Relation::default()));
    };
    // The relation runs to the end or to an '@' of years after it.
    let (word, years) = match tail.split_once('@') {
        Some((w, y)) => (w, format!("@{y}")),
        None => (tail, String::new()),
    };
    let word = word.trim();
    let Some(relation) = Relation::VARIANTS
        .iter()
        .find(|(_, id)| *id == word)
        .map(|(r, _)| *r)
    else {
        return Err(UsageError(format!(
            "'{arg}': '{word}' is not a relationship (customer, employee, applicant, patient, member, student, plan_participant)"
        )));
    };
    Ok((format!("{head}{years}"), relation))
}

/// `NAME@FROM-UNTIL`: the customer years, either end left out; `now` for
/// UNTIL says the person still is a customer, `former` that they no longer
/// are (also alone: `NAME@former`, `NAME@current`).
fn split_period(arg: &str) -> Result<(&str, Period), UsageError> {
    let Some((name, suffix)) = arg.rsplit_once('@') else {
        return Ok((arg, Period::default()));
    };
    // "@former", "@current": said without years.
    let (from, until) = match suffix {
        "former" | "current" => ("", suffix),
        _ => match suffix.split_once('-') {
            Some(years) => years,
            None => return Ok((arg, Period::default())),
        },
    };
    let year = |s: &str| -> Result<Option<i32>, UsageError> {
        if s.is_empty() {
            return Ok(None);
        }
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(s.parse().ok())
        } else {
            Err(UsageError(format!(
                "'{arg}': years must look like 2010-2016, 2021-, 2021-now or 2010-former"
            )))
        }
    };
    // The second part is a year (which says the relationship ended), "now"
    // (it goes on), "former" (it ended, the year not given) or nothing.
    let (until, tenure) = match until {
        "now" | "current" => (None, Some(Tenure::Current)),
        "former" => (None, Some(Tenure::Former)),
        y => (year(y)?, None),
    };
    let period = Period {
        from: year(from)?,
        until,
        tenure,
    };
    if let (Some(f), Some(u)) = (period.from, period.until) {
        if f > u {
            return Err(UsageError(format!(
                "'{arg}': the first year is after the second"
            )));
        }
    }
    if name.trim().is_empty() {
        return Err(UsageError(format!("'{arg}': the company name is missing")));
    }
    Ok((name, period))
}

fn print_json<T: serde::Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => out!("{s}"),
        Err(e) => eprintln!("exposure: could not write JSON: {e}"),
    }
}

fn print_report(engine: &Engine, report: &Report) {
    let ds = &engine.data;
    for c in &report.companies {
        match engine.resolve(&c.input) {
            Some(m) => out!(
                "{} → {} (by {}: {})",
                c.input,
                m.name,
                m.reason.label(),
                m.matched
            ),
            None => out!("{} → not a company we know", c.input),
        }
    }
    out!();
    if report.matches.is_empty() {
        out!("No known incident touched these companies.");
        return;
    }
    out!("Incidents");
    for m in &report.matches {
        let title = ds.incident(&m.incident_id).map_or(Cow::Borrowed(""), |i| {
            exposure_words::incident_title(ds.texts(Lang::En), i)
        });
        let path: Vec<&str> = m.path.iter().map(|p| ds.org_name(p)).collect();
        out!("  [{}] {} ({})", m.confidence.id(), title, m.incident_id);
        out!("      You → {}", path.join(" → "));
        out!(
            "      {}",
            exposure_words::explanation(ds, m, Lang::En.into())
        );
        if let Some(n) = exposure_words::outside_note(ds, m, Lang::En.into()) {
            out!("      {n}");
        }
    }
    out!("\nWhat was exposed (most harmful first)");
    for e in &report.exposed {
        out!(
            "  - {} [{:?}]: {}",
            ds.type_name(&e.type_id),
            e.severity,
            e.incidents.join(", ")
        );
    }
    out!("\nWhat to do");
    for (i, a) in report.plan.iter().enumerate() {
        let expired = if a.expired { " (deadline passed)" } else { "" };
        let w = english(ds).action_words(a);
        out!(
            "  {}. [{}] {}{expired}",
            i + 1,
            exposure_words::urgency_label(Lang::En, a.urgency),
            w.title
        );
        if !w.because.is_empty() {
            out!("     {}", w.because);
        }
    }
    let unlikely = report
        .matches
        .iter()
        .filter(|m| m.confidence == Confidence::Unlikely)
        .count();
    if unlikely > 0 {
        out!("\n{unlikely} match(es) are unlikely given the years you gave and are left out of the summary and plan.");
    }
}

/// A letter's findings, a line each.
fn print_letter(engine: &Engine, l: &exposure_core::letter::Letter) {
    let ds = &engine.data;
    let party = |p: &exposure_core::letter::Party| match &p.org_id {
        Some(id) => format!("{} ({id})", ds.org_name(id)),
        None => format!("{} (not in our data)", p.name),
    };
    if l.is_phishing() {
        out!("LIKELY A LURE, NOT A GENUINE NOTICE:");
        for s in &l.phishing {
            out!("  - {}", exposure_words::phish_reason(Lang::En, *s));
        }
    }
    out!("sender: {}", l.sender.as_ref().map_or("-".into(), party));
    if let Some(b) = &l.on_behalf_of {
        out!("on behalf of: {}", party(b));
    }
    match l.incident.as_deref() {
        Some(id) => out!(
            "incident: {} ({id})",
            ds.incident(id).map_or(Cow::Borrowed(id), |i| {
                exposure_words::incident_title(ds.texts(Lang::En), i)
            })
        ),
        None => out!("incident: not in our data yet"),
    }
    let types: Vec<&str> = l.data_types.iter().map(|t| ds.type_name(t)).collect();
    out!(
        "data types: {}",
        if types.is_empty() {
            "-".into()
        } else {
            types.join(", ")
        }
    );
    let d = |d: Option<exposure_core::PartialDate>| d.map_or("-".into(), |d| d.to_string());
    out!("letter date: {}", d(l.letter_date));
    out!(
        "incident window: {} to {}",
        d(l.window_start),
        d(l.window_end)
    );
    if l.discovered.is_some() {
        out!("discovered: {}", d(l.discovered));
    }
    match &l.offer {
        Some(o) => out!(
            "offer: {}{}, enrol by {}, code {}",
            o.provider.as_deref().unwrap_or("monitoring"),
            o.months
                .map(|m| format!(" for {m} months"))
                .unwrap_or_default(),
            d(o.enroll_by),
            o.code.as_deref().unwrap_or("-")
        ),
        None => out!("offer: none"),
    }
}

/// The CLI's words: English, deadlines judged against today.
fn english(ds: &exposure_core::DataSet) -> exposure_words::Speaker<'_> {
    exposure_words::Speaker {
        ds,
        locale: Lang::En.into(),
        today: Some(today()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let check = Accepts {
            names: true,
            catalog: true,
            ..Default::default()
        };
        let p = parse(
            &args(&["--json", "AT&T", "--file=a.txt", "--catalog", "b.json"]),
            check,
        )
        .unwrap();
        assert!(p.json);
        assert_eq!(p.names, ["AT&T"]);
        assert_eq!(p.file.as_deref(), Some("a.txt"));
        assert_eq!(p.catalog.as_deref(), Some("b.json"));
        // After "--" a name may begin with a dash; "-" is standard input.
        let p = parse(&args(&["-", "--", "-Dash Co"]), check).unwrap();
        assert_eq!(p.names, ["-", "-Dash Co"]);
        let err = |v: &[&str], a: Accepts| parse(&args(v), a).err().map(|e| e.0);
        assert_eq!(
            err(&["--bogus"], check).as_deref(),
            Some("unknown option '--bogus'")
        );
        assert_eq!(err(&["-x"], check).as_deref(), Some("unknown option '-x'"));
        // An option another subcommand takes is unknown here.
        assert_eq!(
            err(&["--types=ssn"], check).as_deref(),
            Some("unknown option '--types'")
        );
        assert_eq!(
            err(&["extra"], Accepts::default()).as_deref(),
            Some("unexpected argument 'extra'")
        );
        assert!(err(&["--file"], check).is_some_and(|m| m.contains("--file")));
        let ingest = Accepts {
            ingest: true,
            ..Default::default()
        };
        let p = parse(
            &args(&["hhs-ocr", "x.csv", "--snapshot=s", "--notices", "n.json"]),
            ingest,
        )
        .unwrap();
        assert_eq!(p.names, ["hhs-ocr", "x.csv"]);
        assert_eq!(
            (p.snapshot.as_deref(), p.notices.as_deref()),
            (Some("s"), Some("n.json"))
        );
    }

    #[test]
    fn a_letter_file_in_gbk_is_read_and_a_missing_one_is_one_line() {
        let dir = std::env::temp_dir().join(format!("exposure-letter-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("gbk.txt");
        // "您的姓名" in GBK.
        std::fs::write(&file, b"\xC4\xFA\xB5\xC4\xD0\xD5\xC3\xFB").unwrap();
        let text = letter_text(file.to_str().unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(text.unwrap(), "您的姓名");
        let missing = dir.join("none.txt");
        let err = letter_text(missing.to_str().unwrap()).unwrap_err().0;
        assert!(err.starts_with("cannot read '"), "{err}");
        assert!(
            !err.contains('\n') && err.contains(": no such file"),
            "{err}"
        );
    }

    #[test]
    fn split_period_table() {
        use Tenure::{Current, Former};
        // (argument, name, from, until, tenure as said, as implied)
        let ok = [
            ("AT&T", "AT&T", None, None, None, None),
            (
                "AT&T@2010-2016",
                "AT&T",
                Some(2010),
                Some(2016),
                None,
                Some(Former),
            ),
            ("AT&T@2021-", "AT&T", Some(2021), None, None, None),
            ("AT&T@-2019", "AT&T", None, Some(2019), None, Some(Former)),
            (
                "AT&T@2021-now",
                "AT&T",
                Some(2021),
                None,
                Some(Current),
                Some(Current),
            ),
            (
                "AT&T@-now",
                "AT&T",
                None,
                None,
                Some(Current),
                Some(Current),
            ),
            (
                "AT&T@current",
                "AT&T",
                None,
                None,
                Some(Current),
                Some(Current),
            ),
            (
                "AT&T@former",
                "AT&T",
                None,
                None,
                Some(Former),
                Some(Former),
            ),
            (
                "AT&T@2010-former",
                "AT&T",
                Some(2010),
                None,
                Some(Former),
                Some(Former),
            ),
            ("me@example.com", "me@example.com", None, None, None, None),
            ("me@formerly.com", "me@formerly.com", None, None, None, None),
        ];
        for (arg, name, from, until, tenure, status) in ok {
            let (n, p) = split_period(arg).unwrap();
            assert_eq!(
                (n, p.from, p.until, p.tenure, p.status()),
                (name, from, until, tenure, status),
                "{arg}"
            );
        }
        for bad in [
            "AT&T@2016-2010",
            "AT&T@20-2016",
            "@2010-2012",
            "@former",
            "AT&T@now-2016",
            "AT&T@2010-later",
        ] {
            assert!(split_period(bad).is_err(), "{bad}");
        }
    }
}
