//! `pm lint`'s output formats through the real binary: the JSON document
//! against `schema/pm-lint.schema.json`, SARIF against the official 2.1.0
//! schema, GitHub workflow commands with their escaping, JUnit XML, then
//! `--output-file`, `--statistics`, `--exit-zero`, `pm completions` and
//! `pm man`.

mod common;

use common::lint as support;

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use serde_json::Value;
use support::{CLEAN, Run, clean_with, edit, pm, repo, run, tmp, with_status, write};
use tempfile::TempDir;

// Fixtures

/// The concise output of [`several`] linted as `docs`.
const SEVERAL_CONCISE: &str = "\
docs/a,b:c.md:6:9: PM006 [error] status `done` is not one of draft, in-review, final
docs/blame.md:31:8: PM401 [warning] blame language: `human error`
docs/blame.md:31:37: PM401 [warning] blame language: `should have known`
docs/sub/post mortem.md:5:11: PM004 [error] severity `sev2` is not in the scale
docs/sub/post mortem.md:31:1: PM205 [error] `TODO` left in the document
docs/sub/post mortem.md:31:11: PM201 [error] unfilled placeholder `[owner]`
docs/sub/post mortem.md:31:29: PM401 [warning] blame language: `Human error`
";

/// The stderr summary of [`several`].
const SEVERAL_SUMMARY: &str = "Found 4 errors and 3 warnings in 3 of 4 files checked.\n";

/// The stderr of [`several`] in the human format: the summary and how many
/// findings `--fix` fixes (the severity `sev2`).
const SEVERAL_HUMAN_SUMMARY: &str = "Found 4 errors and 3 warnings in 3 of 4 files checked.\n\
    [*] 1 fixable with `pm lint --fix`.\n";

/// The stderr of [`several`] in `format`.
fn several_summary(format: &str) -> &'static str {
    if format == "human" {
        SEVERAL_HUMAN_SUMMARY
    } else {
        SEVERAL_SUMMARY
    }
}

/// Four files under `docs/`: one clean, one with warnings only, one (with a
/// space in its name, in a subfolder) with errors and a warning, and one
/// (named `a,b:c.md`) with an error.
fn several() -> TempDir {
    let tmp = tmp();
    write(&tmp, "docs/clean.md", CLEAN);
    write(
        &tmp,
        "docs/blame.md",
        with_id(
            &clean_with("It was human error and the engineer should have known."),
            2,
        ),
    );
    write(
        &tmp,
        "docs/sub/post mortem.md",
        with_id(
            &edit(
                &clean_with("TODO: ask [owner] about it. Human error again."),
                "severity: SEV-2\n",
                "severity: sev2\n",
            ),
            3,
        ),
    );
    write(
        &tmp,
        "docs/a,b:c.md",
        with_id(&with_status(CLEAN, "done"), 4),
    );
    tmp
}

/// `text` with incident id INC-2026-000`n` (ids must differ across files).
fn with_id(text: &str, n: u32) -> String {
    edit(
        text,
        "incident_id: INC-2026-0042\n",
        &format!("incident_id: INC-2026-{n:04}\n"),
    )
}

/// `pm lint --format <format> <args>` inside `tmp`.
fn lint_as(tmp: &TempDir, format: &str, args: &[&str]) -> Run {
    run(pm(tmp).args(["lint", "--format", format]).args(args))
}

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{text}"))
}

fn read_json(path: &str) -> Value {
    let full = repo().join(path);
    let text =
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()));
    parse_json(&text)
}

/// The schema of `--format json`.
fn lint_schema() -> jsonschema::Validator {
    jsonschema::validator_for(&read_json("schema/pm-lint.schema.json"))
        .expect("schema/pm-lint.schema.json is a valid JSON Schema")
}

/// The official SARIF 2.1.0 schema (draft-04), with formats checked.
///
/// Its `language` pattern (on `run` and `toolComponent`) has an unescaped
/// `]`, which ECMA-262 reads as a literal but the crate's meta-schema check
/// rejects as an invalid `regex`; it is escaped here, which means the same.
fn sarif_schema() -> jsonschema::Validator {
    const LANGUAGE: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    let mut schema = read_json("tests/fixtures/sarif-2.1.0.json");
    for at in ["run", "toolComponent"] {
        let pattern = schema
            .pointer_mut(&format!("/definitions/{at}/properties/language/pattern"))
            .expect("a language pattern");
        assert_eq!(pattern, LANGUAGE);
        *pattern = Value::from(LANGUAGE.replace("]?", "\\]?"));
    }
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema is a valid draft-04 schema")
}

/// Asserts `instance` is valid, listing every error otherwise.
#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "schema errors:\n{}\nin:\n{instance:#}",
        errors.join("\n")
    );
}

fn int(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("not an integer: {value}"))
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
}

/// The stderr summary line `pm lint` prints for `summary` (a JSON summary).
fn summary_line(summary: &Value) -> String {
    let plural = |n: u64, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let (files, with, errors, warnings) = (
        int(&summary["files"]),
        int(&summary["files_with_findings"]),
        int(&summary["errors"]),
        int(&summary["warnings"]),
    );
    if errors + warnings == 0 {
        format!("Checked {}: no problems found.\n", plural(files, "file"))
    } else {
        format!(
            "Found {} and {} in {with} of {} checked.\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        )
    }
}

// JSON

#[test]
fn json_with_findings_in_several_files_validates_against_the_schema() {
    let tmp = several();
    let out = lint_as(&tmp, "json", &["docs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, SEVERAL_SUMMARY);
    let doc = parse_json(&out.stdout);
    assert_valid(&lint_schema(), &doc);
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 7);
    let levels: Vec<&str> = findings.iter().map(|f| text(&f["level"])).collect();
    assert!(levels.contains(&"error") && levels.contains(&"warning"));
    let mut paths: Vec<&str> = findings.iter().map(|f| text(&f["path"])).collect();
    paths.dedup();
    assert_eq!(
        paths,
        ["docs/a,b:c.md", "docs/blame.md", "docs/sub/post mortem.md"]
    );
}

#[test]
fn json_of_a_clean_run_validates_against_the_schema() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "b.md", edit(CLEAN, "INC-2026-0042", "INC-2026-0043"));
    let out = lint_as(&tmp, "json", &["a.md", "b.md"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "Checked 2 files: no problems found.\n");
    assert_eq!(
        out.stdout,
        "{\n  \"version\": 1,\n  \"findings\": [],\n  \"summary\": {\n    \"files\": 2,\n    \
         \"files_with_findings\": 0,\n    \"errors\": 0,\n    \"warnings\": 0\n  },\n  \"notes\": []\n}\n"
    );
    assert_valid(&lint_schema(), &parse_json(&out.stdout));
}

#[test]
fn notes_reach_json_and_sarif() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "notes.txt", "not Markdown\n");
    let out = lint_as(&tmp, "json", &["a.md", "notes.txt", "gone.md"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "note: skipping notes.txt: not a Markdown file (.md)\n\
         error: gone.md: no such file or directory\n\
         Checked 1 file; 1 path not found.\n"
    );
    let json = parse_json(&out.stdout);
    assert_eq!(
        json["notes"],
        serde_json::json!([
            { "level": "note", "path": "notes.txt", "message": "skipping notes.txt: not a Markdown file (.md)" },
            { "level": "error", "path": "gone.md", "message": "gone.md: no such file or directory" },
        ])
    );
    assert_valid(&lint_schema(), &json);

    let out = lint_as(&tmp, "sarif", &["a.md", "notes.txt", "gone.md"]);
    let sarif = parse_json(&out.stdout);
    assert_eq!(
        sarif["runs"][0]["invocations"],
        serde_json::json!([{
            "executionSuccessful": false,
            "toolExecutionNotifications": [
                {
                    "level": "note",
                    "message": { "text": "skipping notes.txt: not a Markdown file (.md)" },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "notes.txt" } } }],
                },
                {
                    "level": "error",
                    "message": { "text": "gone.md: no such file or directory" },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "gone.md" } } }],
                },
            ],
        }])
    );
}

#[test]
fn the_json_schema_is_strict() {
    let schema = lint_schema();
    let good = serde_json::json!({
        "version": 1,
        "findings": [{
            "path": "a.md", "line": 1, "column": 1, "end_line": 1, "end_column": 2,
            "rule": "PM201", "name": "bracket-placeholder", "level": "error",
            "message": "m", "help": "h",
            "fix": { "applicability": "safe", "message": "m", "edits": [
                { "line": 1, "column": 1, "end_line": 1, "end_column": 2, "content": "x" },
            ] },
        }],
        "summary": { "files": 1, "files_with_findings": 1, "errors": 1, "warnings": 0 },
        "notes": [{ "level": "note", "path": null, "message": "m" }],
    });
    assert_valid(&schema, &good);
    let bad = |pointer: &str, value: Value| {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).expect(pointer) = value;
        assert!(!schema.is_valid(&doc), "{pointer} accepted in {doc:#}");
    };
    bad("/version", Value::from(2));
    bad("/findings/0/rule", Value::from("PM1"));
    bad("/findings/0/rule", Value::from("XX201"));
    bad("/findings/0/level", Value::from("info"));
    bad("/notes/0/level", Value::from("warning"));
    bad("/notes/0/path", Value::from(1));
    bad("/findings/0/line", Value::from(0));
    bad("/findings/0/end_column", Value::from(0));
    bad("/findings/0/column", Value::from(1.5));
    bad("/summary/errors", Value::from(-1));
    bad("/summary", serde_json::json!({ "files": 1 }));
    bad("/findings/0/fix/applicability", Value::from("maybe"));
    bad("/findings/0/fix/edits", serde_json::json!([]));
    bad("/findings/0/fix/edits/0/line", Value::from(0));
    let mut without = good.clone();
    *without.pointer_mut("/findings/0/fix").expect("fix") = Value::Null;
    assert_valid(&schema, &without);
    for pointer in [
        "",
        "/findings/0",
        "/summary",
        "/findings/0/fix",
        "/findings/0/fix/edits/0",
    ] {
        let mut doc = good.clone();
        doc.pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .expect(pointer)
            .insert("extra".into(), Value::Null);
        assert!(!schema.is_valid(&doc), "an extra property in {pointer:?}");
    }
}

#[test]
fn every_property_of_the_json_schema_has_a_description() {
    fn walk(node: &Value, at: &str, missing: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    for (name, property) in properties {
                        if property
                            .get("description")
                            .and_then(Value::as_str)
                            .is_none()
                        {
                            missing.push(format!("{at}/properties/{name}"));
                        }
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{at}/{key}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let schema = read_json("schema/pm-lint.schema.json");
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:?}");
}

#[test]
fn json_findings_equal_the_concise_findings_field_by_field() {
    let tmp = several();
    let json = lint_as(&tmp, "json", &["docs"]);
    let concise = lint_as(&tmp, "concise", &["docs"]);
    assert_eq!(concise.stdout, SEVERAL_CONCISE);
    let doc = parse_json(&json.stdout);
    let findings = doc["findings"].as_array().expect("findings");
    let from_json: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {} [{}] {}",
                text(&f["path"]),
                int(&f["line"]),
                int(&f["column"]),
                text(&f["rule"]),
                text(&f["level"]),
                text(&f["message"])
            )
        })
        .collect();
    assert_eq!(from_json, concise.lines());

    // One finding, every field.
    assert_eq!(
        findings[4],
        serde_json::json!({
            "path": "docs/sub/post mortem.md",
            "line": 31,
            "column": 1,
            "end_line": 31,
            "end_column": 5,
            "rule": "PM205",
            "name": "todo-marker",
            "level": "error",
            "message": "`TODO` left in the document",
            "help": "resolve the TODO and remove the marker",
            "fix": null,
        })
    );
}

#[test]
fn json_summary_equals_the_stderr_summary_line() {
    let tmp = several();
    let out = lint_as(&tmp, "json", &["docs"]);
    let doc = parse_json(&out.stdout);
    assert_eq!(
        doc["summary"],
        serde_json::json!({ "files": 4, "files_with_findings": 3, "errors": 4, "warnings": 3 })
    );
    assert_eq!(summary_line(&doc["summary"]), out.stderr);
    let findings = doc["findings"].as_array().expect("findings");
    let count = |level: &str| findings.iter().filter(|f| f["level"] == level).count() as u64;
    assert_eq!(int(&doc["summary"]["errors"]), count("error"));
    assert_eq!(int(&doc["summary"]["warnings"]), count("warning"));
}

// SARIF

/// The SARIF log and the JSON document of one run over `args`.
fn sarif_and_json(tmp: &TempDir, args: &[&str]) -> (Value, Value) {
    let sarif = lint_as(tmp, "sarif", args);
    let json = lint_as(tmp, "json", args);
    assert_eq!(sarif.stderr, json.stderr);
    assert_eq!(sarif.code, json.code);
    (parse_json(&sarif.stdout), parse_json(&json.stdout))
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().expect("results")
}

fn location(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema = sarif_schema();
    let tmp = several();
    let (sarif, _) = sarif_and_json(&tmp, &["docs"]);
    assert_valid(&schema, &sarif);
    assert_eq!(results(&sarif).len(), 7);
    // The schema does reject what SARIF does not allow.
    for (pointer, value) in [
        ("/version", "2.0.0"),
        ("/runs/0/results/0/level", "fatal"),
        ("/runs/0/columnKind", "bytes"),
    ] {
        let mut broken = sarif.clone();
        *broken.pointer_mut(pointer).expect(pointer) = Value::from(value);
        assert!(!schema.is_valid(&broken), "{pointer} = {value} accepted");
    }

    let clean = lint_as(&tmp, "sarif", &["docs/clean.md"]);
    assert_eq!(clean.code, 0);
    let clean = parse_json(&clean.stdout);
    assert_valid(&schema, &clean);
    assert_eq!(results(&clean).len(), 0);
}

#[test]
fn sarif_names_the_tool_and_lists_every_rule_in_order() {
    let tmp = several();
    let (sarif, _) = sarif_and_json(&tmp, &["docs"]);
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"].as_array().expect("runs").len(), 1);
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "pm");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));

    let listed = run(pm(&tmp).arg("rules"));
    assert_eq!(listed.code, 0);
    let listed: Vec<&str> = listed
        .stdout
        .lines()
        .map(|line| line.split_whitespace().next().expect("a rule id"))
        .collect();
    assert!(listed.len() > 10 && listed.contains(&"PM401"), "{listed:?}");
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|rule| text(&rule["id"]))
        .collect();
    assert_eq!(ids, listed);
}

#[test]
fn sarif_rule_ids_match_the_rule_at_their_index() {
    let tmp = several();
    let (sarif, json) = sarif_and_json(&tmp, &["docs"]);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    for (result, finding) in results(&sarif)
        .iter()
        .zip(json["findings"].as_array().unwrap())
    {
        let index = usize::try_from(int(&result["ruleIndex"])).expect("an index");
        assert_eq!(result["ruleId"], rules[index]["id"], "{result:#}");
        assert_eq!(result["ruleId"], finding["rule"]);
        assert_eq!(result["level"], finding["level"]);
        assert_eq!(rules[index]["name"], finding["name"]);
    }
}

#[test]
fn sarif_uris_are_relative_forward_slash_and_percent_encoded() {
    let tmp = several();
    for arg in ["docs", "./docs"] {
        let (sarif, _) = sarif_and_json(&tmp, &[arg]);
        let mut uris: Vec<&str> = results(&sarif)
            .iter()
            .map(|r| text(&location(r)["artifactLocation"]["uri"]))
            .collect();
        uris.dedup();
        assert_eq!(
            uris,
            [
                "docs/a,b%3Ac.md",
                "docs/blame.md",
                "docs/sub/post%20mortem.md"
            ],
            "pm lint --format sarif {arg}"
        );
        for uri in uris {
            assert!(
                !uri.starts_with('/') && !uri.starts_with("./") && !uri.contains('\\'),
                "{uri}"
            );
        }
    }
}

#[test]
fn sarif_locates_a_file_outside_the_current_folder_by_an_absolute_file_uri() {
    let here = several();
    let elsewhere = tmp();
    write(&elsewhere, "far away.md", with_status(CLEAN, "done"));
    let far = elsewhere.path().join("far away.md");
    let far = far.to_str().expect("a UTF-8 temp path");
    let (sarif, _) = sarif_and_json(&here, &["docs/blame.md", far]);
    assert_valid(&sarif_schema(), &sarif);
    let artifacts: Vec<&Value> = results(&sarif)
        .iter()
        .map(|r| &location(r)["artifactLocation"])
        .collect();
    let (near, away): (Vec<&Value>, Vec<&Value>) = artifacts
        .into_iter()
        .partition(|a| text(&a["uri"]) == "docs/blame.md");
    assert!(!near.is_empty() && !away.is_empty(), "{sarif:#}");
    for artifact in near {
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    }
    let expected = format!("file://{}", far.replace(' ', "%20"));
    for artifact in away {
        assert_eq!(text(&artifact["uri"]), expected);
        assert!(artifact.get("uriBaseId").is_none(), "{artifact}");
    }
}

#[test]

fn sarif_uri_of_a_top_level_file_with_a_colon_has_no_scheme() {
    let tmp = tmp();
    write(&tmp, "c:d.md", with_status(CLEAN, "done"));
    let (sarif, _) = sarif_and_json(&tmp, &["c:d.md"]);
    let uri = text(&location(&results(&sarif)[0])["artifactLocation"]["uri"]);
    // RFC 3986 §4.2: a relative reference's first segment holds no `:`.
    let first = uri.split('/').next().unwrap_or_default();
    assert!(!first.contains(':'), "{uri} reads as an absolute URI");
}

#[test]
fn sarif_regions_equal_the_json_positions() {
    let tmp = several();
    let (sarif, json) = sarif_and_json(&tmp, &["docs"]);
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(results(&sarif).len(), findings.len());
    for (result, finding) in results(&sarif).iter().zip(findings) {
        let region = &location(result)["region"];
        assert_eq!(region["startLine"], finding["line"], "{result:#}");
        assert_eq!(region["startColumn"], finding["column"], "{result:#}");
        assert_eq!(region["endLine"], finding["end_line"], "{result:#}");
        assert_eq!(region["endColumn"], finding["end_column"], "{result:#}");
        let uri = text(&location(result)["artifactLocation"]["uri"]);
        assert_eq!(
            uri.replace("%20", " ").replace("%3A", ":"),
            text(&finding["path"])
        );
    }
}

// GitHub

#[test]
fn github_prints_one_exact_command_per_finding() {
    let tmp = several();
    let out = lint_as(&tmp, "github", &["docs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, SEVERAL_SUMMARY);
    assert_eq!(
        out.lines(),
        [
            "::error file=docs/a%2Cb%3Ac.md,line=6,col=9,endLine=6,endColumn=13,title=PM006::status `done` is not one of draft, in-review, final (unknown-status)",
            "::warning file=docs/blame.md,line=31,col=8,endLine=31,endColumn=19,title=PM401::blame language: `human error` (blame-language)",
            "::warning file=docs/blame.md,line=31,col=37,endLine=31,endColumn=54,title=PM401::blame language: `should have known` (blame-language)",
            "::error file=docs/sub/post mortem.md,line=5,col=11,endLine=5,endColumn=15,title=PM004::severity `sev2` is not in the scale (unknown-severity)",
            "::error file=docs/sub/post mortem.md,line=31,col=1,endLine=31,endColumn=5,title=PM205::`TODO` left in the document (todo-marker)",
            "::error file=docs/sub/post mortem.md,line=31,col=11,endLine=31,endColumn=18,title=PM201::unfilled placeholder `[owner]` (bracket-placeholder)",
            "::warning file=docs/sub/post mortem.md,line=31,col=29,endLine=31,endColumn=40,title=PM401::blame language: `Human error` (blame-language)",
        ]
    );
}

#[test]
fn github_escapes_percent_cr_and_lf_in_the_message_but_not_commas() {
    let tmp = tmp();
    // A YAML double-quoted scalar: the message holds `%`, `,`, CR and LF.
    write(
        &tmp,
        "a.md",
        edit(
            CLEAN,
            "severity: SEV-2\n",
            "severity: \"50%, or\\r\\nmore\"\n",
        ),
    );
    let json = parse_json(&lint_as(&tmp, "json", &["a.md"]).stdout);
    assert_eq!(
        json["findings"][0]["message"],
        "severity `50%, or\r\nmore` is not in the scale"
    );
    let out = lint_as(&tmp, "github", &["a.md"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "::error file=a.md,line=5,col=11,endLine=5,endColumn=28,title=PM004::\
         severity `50%25, or%0D%0Amore` is not in the scale (unknown-severity)\n"
    );
}

// JUnit

/// An element of the JUnit document: its name, attributes (normalized as an
/// XML parser reads them) and children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("<{}> has no {name}: {self:?}", self.name))
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        for child in &self.children {
            if child.name == name {
                found.push(child);
            }
            found.extend(child.all(name));
        }
        found
    }

    fn kids(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

/// Parses `xml` with quick-xml into its root element.
fn parse_xml(xml: &str) -> Element {
    fn element(start: &quick_xml::events::BytesStart<'_>) -> Element {
        Element {
            name: start.name().as_ref().to_owned(),
            attributes: start
                .attributes()
                .map(|a| {
                    let a = a.expect("a well-formed attribute");
                    (
                        a.key.as_ref().to_owned(),
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .expect("a valid value")
                            .into_owned(),
                    )
                })
                .collect(),
            children: Vec::new(),
        }
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let done = element(&start);
                stack.last_mut().expect("a parent").children.push(done);
            }
            Event::End(_) => {
                let done = stack.pop().expect("an open element");
                stack.last_mut().expect("a parent").children.push(done);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().expect("the document");
    assert!(stack.is_empty(), "unclosed elements");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.remove(0)
}

#[test]
fn junit_has_one_suite_per_file_and_one_failure_per_error() {
    let tmp = several();
    let out = lint_as(&tmp, "junit", &["docs"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, SEVERAL_SUMMARY);
    assert!(
        out.stdout
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    );
    let root = parse_xml(&out.stdout);
    assert_eq!(root.name, "testsuites");
    assert_eq!(root.attr("failures"), "4");
    assert_eq!(root.all("failure").len(), 4);
    assert_eq!(root.attr("tests"), root.all("testcase").len().to_string());

    let suites = root.kids("testsuite");
    let names: Vec<&str> = suites.iter().map(|s| s.attr("name")).collect();
    assert_eq!(
        names,
        [
            "docs/a,b:c.md",
            "docs/blame.md",
            "docs/clean.md",
            "docs/sub/post mortem.md"
        ]
    );
    let shape: Vec<(usize, usize, &str)> = suites
        .iter()
        .map(|s| {
            (
                s.kids("testcase").len(),
                s.all("failure").len(),
                s.attr("failures"),
            )
        })
        .collect();
    assert_eq!(shape, [(1, 1, "1"), (2, 0, "0"), (1, 0, "0"), (4, 3, "3")]);

    // The clean file: one passing test case.
    let clean = suites[2].kids("testcase");
    assert!(clean[0].children.is_empty(), "{clean:?}");

    // Warnings pass, with the warning in their output.
    for case in suites[1].kids("testcase") {
        assert_eq!(case.all("failure").len(), 0);
        assert_eq!(case.kids("system-out").len(), 1);
    }

    let failure = suites[3].all("failure")[0];
    assert_eq!(failure.attr("type"), "PM004");
    assert_eq!(
        failure.attr("message"),
        "severity `sev2` is not in the scale"
    );
}

#[test]

fn junit_failure_message_attribute_keeps_the_message_exactly() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        edit(CLEAN, "severity: SEV-2\n", "severity: \"50%, or\\nmore\"\n"),
    );
    let out = lint_as(&tmp, "junit", &["a.md"]);
    let root = parse_xml(&out.stdout);
    assert_eq!(
        root.all("failure")[0].attr("message"),
        "severity `50%, or\nmore` is not in the scale"
    );
}

// --output-file

#[test]
fn output_file_holds_exactly_what_stdout_would_have() {
    let tmp = several();
    let cases: [&[&str]; 8] = [
        &["--format", "human"],
        &["--format", "concise"],
        &["--format", "json"],
        &["--format", "sarif"],
        &["--format", "github"],
        &["--format", "junit"],
        &["--statistics"],
        &["--format", "json", "--exit-zero"],
    ];
    for (i, args) in cases.iter().enumerate() {
        let plain = run(pm(&tmp).arg("lint").args(*args).arg("docs"));
        assert!(!plain.stdout.is_empty(), "{args:?}");
        let flag = if i % 2 == 0 { "-o" } else { "--output-file" };
        let file = format!("out/{i}.txt");
        std::fs::create_dir_all(tmp.path().join("out")).expect("create out/");
        let to_file = run(pm(&tmp)
            .arg("lint")
            .args(*args)
            .args([flag, file.as_str(), "docs"]));
        assert_eq!(to_file.stdout, "", "{args:?} {flag}");
        assert_eq!(to_file.stderr, plain.stderr, "{args:?} {flag}");
        let format = if args.contains(&"human") { "human" } else { "" };
        assert_eq!(to_file.stderr, several_summary(format), "{args:?} {flag}");
        assert_eq!(to_file.code, plain.code, "{args:?} {flag}");
        let written = std::fs::read_to_string(tmp.path().join(&file)).expect("the output file");
        assert_eq!(written, plain.stdout, "{args:?} {flag}");
    }
}

#[test]
fn output_file_keeps_the_exit_code_of_a_clean_run() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    let out = run(pm(&tmp).args(["lint", "--format", "sarif", "-o", "pm.sarif", "a.md"]));
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "Checked 1 file: no problems found.\n");
    let written = std::fs::read_to_string(tmp.path().join("pm.sarif")).expect("pm.sarif");
    assert_valid(&sarif_schema(), &parse_json(&written));
}

/// The `--format` values `pm lint --help` lists, in its order.
fn formats_of_help(tmp: &TempDir) -> Vec<String> {
    let help = run(pm(tmp).args(["lint", "--help"])).stdout;
    let listed = help
        .split("Possible values:")
        .nth(1)
        .expect("--help lists the formats");
    listed
        .lines()
        .skip(1)
        .map_while(|line| line.trim().strip_prefix("- "))
        .map(|line| line.split(':').next().unwrap_or(line).to_owned())
        .collect()
}

#[test]
fn every_format_of_help_reports_every_finding_and_writes_the_same_to_a_file() {
    let tmp = several();
    assert_eq!(
        formats_of_help(&tmp),
        ["human", "concise", "json", "sarif", "github", "junit"]
    );
    for format in formats_of_help(&tmp) {
        let out = lint_as(&tmp, &format, &["docs"]);
        assert_eq!(out.code, 1, "{format}");
        assert_eq!(out.stderr, several_summary(&format), "{format}");
        for id in ["PM006", "PM401", "PM004", "PM205", "PM201"] {
            assert!(out.stdout.contains(id), "{format} does not name {id}");
        }
        let file = format!("out.{format}");
        let written = lint_as(&tmp, &format, &["-o", &file, "docs"]);
        assert_eq!((written.code, written.stdout.as_str()), (1, ""), "{format}");
        let kept = std::fs::read_to_string(tmp.path().join(&file)).expect("written");
        assert_eq!(kept, out.stdout, "{format}");
    }
}

#[test]
fn machine_formats_print_nothing_but_their_document_on_stdout() {
    let tmp = several();
    let json = lint_as(&tmp, "json", &["docs"]);
    assert_eq!(json.stderr, SEVERAL_SUMMARY);
    assert!(json.stdout.ends_with("}\n"));
    parse_json(&json.stdout);

    let sarif = lint_as(&tmp, "sarif", &["docs"]);
    assert_eq!(sarif.stderr, SEVERAL_SUMMARY);
    assert!(sarif.stdout.ends_with("}\n"));
    parse_json(&sarif.stdout);

    let github = lint_as(&tmp, "github", &["docs"]);
    assert_eq!(github.stderr, SEVERAL_SUMMARY);
    for line in github.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
    }

    let junit = lint_as(&tmp, "junit", &["docs"]);
    assert_eq!(junit.stderr, SEVERAL_SUMMARY);
    assert!(junit.stdout.starts_with("<?xml "));
    assert!(junit.stdout.ends_with("</testsuites>\n"));
    parse_xml(&junit.stdout);
}

// --statistics

#[test]
fn statistics_count_findings_per_rule_most_first() {
    let tmp = several();
    let out = run(pm(&tmp).args(["lint", "--statistics", "docs"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, SEVERAL_SUMMARY);
    assert_eq!(
        out.stdout,
        "\
3  PM401  blame-language [warning]
1  PM004  unknown-severity [error]
1  PM006  unknown-status [error]
1  PM201  bracket-placeholder [error]
1  PM205  todo-marker [error]
"
    );
}

#[test]
fn statistics_right_align_the_counts_and_print_nothing_for_a_clean_run() {
    let tmp = tmp();
    let todos: Vec<String> = (1..=10).map(|i| format!("- TODO item {i}")).collect();
    write(
        &tmp,
        "a.md",
        edit(
            &clean_with(&todos.join("\n")),
            "status: final\n",
            "status: done\n",
        ),
    );
    write(&tmp, "b.md", CLEAN);
    let out = run(pm(&tmp).args(["lint", "--statistics", "a.md"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "10  PM205  todo-marker [error]\n 1  PM006  unknown-status [error]\n"
    );
    assert_eq!(
        out.stderr,
        "Found 11 errors and 0 warnings in 1 of 1 file checked.\n"
    );

    let clean = run(pm(&tmp).args(["lint", "--statistics", "b.md"]));
    assert_eq!(clean.code, 0);
    assert_eq!(clean.stdout, "");
    assert_eq!(clean.stderr, "Checked 1 file: no problems found.\n");
}

// --exit-zero

#[test]
fn exit_zero_exits_0_when_errors_are_found() {
    let tmp = several();
    let out = run(pm(&tmp).args(["lint", "--format", "concise", "--exit-zero", "docs"]));
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, SEVERAL_CONCISE);
    assert_eq!(out.stderr, SEVERAL_SUMMARY);
}

#[test]
fn exit_zero_still_exits_2_for_a_missing_path() {
    let tmp = several();
    let out = run(pm(&tmp).args([
        "lint",
        "--format",
        "concise",
        "--exit-zero",
        "docs",
        "nope.md",
    ]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, SEVERAL_CONCISE);
    assert_eq!(
        out.stderr,
        format!(
            "error: nope.md: no such file or directory\n{}; 1 path not found.\n",
            SEVERAL_SUMMARY.trim_end().trim_end_matches('.')
        )
    );
}

// pm completions, pm man

#[test]
fn completions_are_printed_for_every_shell() {
    let tmp = tmp();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(pm(&tmp).args(["completions", shell]));
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{shell}");
        assert!(!out.stdout.trim().is_empty(), "{shell}");
        for command in ["lint", "new"] {
            assert!(out.stdout.contains(command), "{shell} lacks {command}");
        }
    }
}

#[test]
fn completions_for_an_unknown_shell_exit_2() {
    let out = run(pm(&tmp()).args(["completions", "tcsh"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error: invalid value 'tcsh' for '<SHELL>'"),
        "{}",
        out.stderr
    );
}

#[test]
fn man_prints_a_roff_page() {
    let out = run(pm(&tmp()).arg("man"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert!(out.stdout.contains(".TH pm"), "{}", out.stdout);
    assert!(out.stdout.contains("lint"));
}

// Control characters from a file or its name never act on the terminal,
// split a record or break the XML.

/// A postmortem whose name holds a line break and whose text holds ESC and
/// vertical-tab sequences.
#[cfg(unix)]
fn hostile() -> TempDir {
    let tmp = tmp();
    write(
        &tmp,
        "docs/we\nird.md",
        "---\ntitle: \"x\"\n---\n\n## Summary\n\nRed \x1b[31m TODO and \x0b.\n",
    );
    tmp
}

/// [`hostile`], the file renamed to `name`.
#[cfg(unix)]
fn hostile_named(name: &str) -> TempDir {
    let tmp = hostile();
    std::fs::rename(tmp.path().join("docs/we\nird.md"), tmp.path().join(name)).unwrap();
    tmp
}

#[cfg(unix)]
#[test]
fn concise_output_keeps_one_record_per_line_whatever_the_file_name() {
    let out = lint_as(&hostile(), "concise", &["docs"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line.starts_with("docs/we\\nird.md:"), "{line}");
    }
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
}

#[cfg(unix)]
#[test]
fn human_output_shows_escape_characters_instead_of_sending_them() {
    let out = lint_as(&hostile(), "human", &["docs"]);
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
    assert!(!out.stdout.contains('\x0b'), "{:?}", out.stdout);
    assert!(
        out.stdout
            .contains("7 | Red \\x1b[31m TODO and \\x0b.\n  |              ^^^^\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(" --> docs/we\\nird.md:7:"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn junit_holds_only_characters_xml_allows() {
    let tmp = hostile_named("docs/we\nird\x0b.md");
    let out = lint_as(&tmp, "junit", &["docs"]);
    let forbidden: Vec<char> = out
        .stdout
        .chars()
        .filter(|&c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    assert!(forbidden.is_empty(), "{forbidden:?}");
    assert!(!out.stdout.contains("&#27;") && !out.stdout.contains("&#x1b;"));
    let root = parse_xml(&out.stdout);
    let suite = &root.kids("testsuite")[0];
    assert_eq!(suite.attr("name"), "docs/we\nird\\x0b.md");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_keeps_its_bytes_in_sarif_and_is_named_in_a_note() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tmp();
    std::fs::create_dir_all(tmp.path().join("docs")).unwrap();
    std::fs::write(
        tmp.path()
            .join("docs")
            .join(std::ffi::OsStr::from_bytes(b"caf\xe9.md")),
        "---\ntitle: x\n---\n\nOwner: [Your Name]\n",
    )
    .unwrap();
    let out = lint_as(&tmp, "sarif", &["docs"]);
    let sarif = parse_json(&out.stdout);
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "docs/caf%E9.md");
    assert!(
        out.stderr.starts_with(
            "note: the name docs/caf\u{fffd}.md is not UTF-8: shown with U+FFFD for the bytes it cannot show (SARIF output keeps them, percent-encoded)\n"
        ),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn github_annotations_show_escape_characters_instead_of_sending_them() {
    let tmp = hostile_named("docs/we\n\x1b[2Jird.md");
    let out = lint_as(&tmp, "github", &["docs"]);
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
    assert!(
        out.stdout
            .contains("::error file=docs/we%0A\\x1b[2Jird.md,line=7,"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_note_shows_control_characters_in_a_name_escaped() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "x\u{1b}[31m.txt", "not Markdown\n");
    let out = lint_as(&tmp, "concise", &["a.md", "x\u{1b}[31m.txt"]);
    assert_eq!(
        out.stderr,
        "note: skipping x\\x1b[31m.txt: not a Markdown file (.md)\nChecked 1 file: no problems found.\n"
    );
}
