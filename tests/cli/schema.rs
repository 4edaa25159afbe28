//! The JSON Schema of rule files: shipped, current, and true to the rules.

use std::fs;

use serde_json::Value;

use crate::support::{root, run, workspace};

fn shipped_schema() -> Value {
    let text = fs::read_to_string(root().join("rules/schema.json")).expect("rules/schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn yaml_as_json(text: &str) -> Value {
    serde_yaml::from_str(text).expect("a rule file is YAML")
}

/// The rule files of `rules/` and of every pack under `packs/`.
fn shipped_rule_files() -> Vec<(String, String)> {
    let mut dirs = vec![root().join("rules")];
    for pack in fs::read_dir(root().join("packs")).expect("packs/") {
        dirs.push(pack.expect("a directory entry").path().join("rules"));
    }
    let mut files: Vec<(String, String)> = dirs
        .iter()
        .flat_map(|d| fs::read_dir(d).expect("a rules folder"))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            (
                p.display().to_string(),
                fs::read_to_string(&p).expect("readable"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_shipped_schema_is_what_the_code_generates() {
    let ws = workspace();
    let r = run(ws.path(), &["rules", "schema"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shipped = fs::read_to_string(root().join("rules/schema.json")).expect("rules/schema.json");
    assert!(
        r.stdout == shipped,
        "rules/schema.json is stale: run `cargo run -- rules schema > rules/schema.json`"
    );
}

#[test]
fn the_schema_accepts_every_shipped_rule_file_and_each_names_it() {
    let validator = jsonschema::validator_for(&shipped_schema()).expect("a valid JSON Schema");
    let files = shipped_rule_files();
    assert!(files.len() >= 5, "{files:?}");
    for (path, text) in &files {
        let errors: Vec<String> = validator
            .iter_errors(&yaml_as_json(text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
        assert!(
            text.starts_with("# yaml-language-server: $schema=")
                && text
                    .lines()
                    .next()
                    .is_some_and(|l| l.ends_with("schema.json")),
            "{path} does not reference the schema"
        );
    }
}

#[test]
fn the_schema_rejects_unknown_keys_and_values() {
    let validator = jsonschema::validator_for(&shipped_schema()).expect("a valid JSON Schema");
    let (_, text) = shipped_rule_files()
        .into_iter()
        .find(|(p, _)| p.ends_with("russia-china.yaml"))
        .expect("the Russia-China rules");
    let good = yaml_as_json(&text);
    assert!(validator.is_valid(&good));
    let mut misspelt = good.clone();
    misspelt["metrics"][0]["tolerence"] = Value::from("exact");
    assert!(
        !validator.is_valid(&misspelt),
        "an unknown metric key passed"
    );
    let mut nested = good.clone();
    nested["metrics"][0]["match"]["entitties"] = Value::from(vec!["russia"]);
    assert!(!validator.is_valid(&nested), "an unknown match key passed");
    let mut kind = good;
    kind["metrics"][0]["kind"] = Value::from("currency");
    assert!(!validator.is_valid(&kind), "an unknown kind passed");
}

/// Every key of the schema is documented in rules/README.md, so the
/// reference cannot fall behind the code.
#[test]
fn every_schema_key_is_documented_in_the_rules_readme() {
    let readme = fs::read_to_string(root().join("rules/README.md")).expect("rules/README.md");
    let schema = shipped_schema();
    let mut keys = Vec::new();
    let mut objects = vec![&schema];
    objects.extend(schema["$defs"].as_object().expect("$defs").values());
    for object in objects {
        if let Some(props) = object["properties"].as_object() {
            keys.extend(props.keys().cloned());
        }
    }
    assert!(keys.len() > 20, "{keys:?}");
    for key in keys {
        assert!(
            readme.contains(&format!("`{key}`")),
            "rules/README.md does not document `{key}`"
        );
    }
}
