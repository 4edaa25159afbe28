//! One vocabulary of options across commands (issue 15): `-` for standard
//! input, `--output FILE`, `--quiet`, `--rules` on `rules`, the format
//! names, `--width`; and what a new user meets first: `init`, the hint
//! when `rules/` is missing, completions and the man page.

use std::fs;

use crate::support::{article, crosscheck, run, workspace};

const CONFLICT: &str = "---\nid: s\npublished: 2025-02-10\n---\n\
                        Trade between China and Russia hit $240 billion last year.\n";

#[test]
fn a_dash_reads_one_article_from_standard_input_on_report_check_and_facts() {
    let ws = workspace();
    for (command, said) in [("check", "--> -:5:36"), ("report", "-:5"), ("facts", "-:5")] {
        let out = crosscheck(ws.path())
            .args([command, "fixtures", "-"])
            .write_stdin(CONFLICT)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(said), "{command}: {stdout}");
        assert!(stdout.contains("$240 billion"), "{command}: {stdout}");
    }
}

#[test]
fn output_writes_the_file_atomically_and_quiet_prints_nothing() {
    let ws = workspace();
    let dir = ws.path();
    let r = run(
        dir,
        &["check", "--format", "sarif", "--output", "out.sarif"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let sarif = fs::read_to_string(dir.join("out.sarif")).unwrap();
    assert!(sarif.contains("\"version\": \"2.1.0\""), "{sarif}");
    // no temporary file is left beside it
    let left: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let r = run(dir, &["report", "-o", "-", "--format", "json"]);
    assert!(r.stdout.contains("\"version\""), "{}", r.stdout);
    assert!(!dir.join("-").exists());
    // a folder that is not there is an error naming the file, exit 2
    let r = run(dir, &["facts", "--output", "missing/facts.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing/facts.txt: cannot write"),
        "{}",
        r.stderr
    );
    // --quiet: nothing on standard output, no warning, the same status
    fs::write(dir.join("rules/notes.txt"), "").unwrap();
    std::os::unix::fs::symlink("nowhere.md", dir.join("fixtures/gone.md")).unwrap();
    let r = run(dir, &["check", "--quiet"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (1, "", ""));
    let r = run(dir, &["-q", "report"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

#[test]
fn rules_commands_take_rules_as_the_others_do_and_formats_share_names() {
    let ws = workspace();
    let dir = ws.path();
    let positional = run(dir, &["rules", "list", "rules"]);
    let flag = run(dir, &["rules", "list", "--rules", "rules"]);
    assert_eq!(positional.code, 0, "{}", positional.stderr);
    assert_eq!(positional.stdout, flag.stdout);
    let r = run(dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // `table` and `text` both name the format for people
    assert_eq!(
        run(dir, &["check", "--format", "table"]).stdout,
        run(dir, &["check", "--format", "text"]).stdout
    );
    assert_eq!(
        run(dir, &["report", "--format", "text"]).stdout,
        run(dir, &["report"]).stdout
    );
    // --help names where the defaults come from
    let help = run(dir, &["report", "--help"]).stdout;
    assert!(
        help.contains("[default: the configuration's `corpus`, else fixtures]"),
        "{help}"
    );
}

#[test]
fn a_new_folder_gets_a_hint_and_init_starts_a_project_that_checks() {
    let dir = tempfile::TempDir::new().unwrap();
    let r = run(dir.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("rules: no such file or folder (the default rules folder, as no crosscheck.yaml names one); give --rules DIR, or run `crosscheck init`"),
        "{}",
        r.stderr
    );
    let r = run(dir.path(), &["init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for file in [
        "crosscheck.yaml",
        "rules/entities.yaml",
        "rules/metrics.yaml",
        "articles/example.md",
        ".github/workflows/crosscheck.yml",
    ] {
        assert!(r.stdout.contains(&format!("wrote {file}")), "{}", r.stdout);
    }
    assert_eq!(run(dir.path(), &["rules", "test"]).code, 0);
    let r = run(dir.path(), &["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("in 1 source (1 fact)"), "{}", r.stdout);
    // a contradicting article fails the check
    article(
        &dir.path().join("articles"),
        "other.md",
        "2025-03-01",
        "Trade between Canada and Mexico was $61 billion in 2024.",
    );
    assert_eq!(run(dir.path(), &["check"]).code, 1);
    // never overwrites
    fs::write(dir.path().join("rules/metrics.yaml"), "metrics: []\n").unwrap();
    let r = run(dir.path(), &["init"]);
    assert!(r.stdout.contains("kept rules/metrics.yaml"), "{}", r.stdout);
    assert_eq!(
        fs::read_to_string(dir.path().join("rules/metrics.yaml")).unwrap(),
        "metrics: []\n"
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_options() {
    let dir = tempfile::TempDir::new().unwrap();
    let bash = run(dir.path(), &["completions", "bash"]);
    assert_eq!(bash.code, 0);
    assert!(bash.stdout.contains("--fail-on") && bash.stdout.contains("baseline"));
    let fish = run(dir.path(), &["completions", "fish"]);
    assert!(
        fish.stdout.contains("complete -c crosscheck"),
        "{}",
        fish.stdout
    );
    let man = run(dir.path(), &["man"]);
    assert_eq!(man.code, 0);
    assert!(man.stdout.starts_with(".ie"), "{}", &man.stdout[..80]);
    assert!(man.stdout.contains("crosscheck"));
}

#[test]
fn facts_never_compared_are_named_in_every_format() {
    let ws = workspace();
    let dir = ws.path();
    // no `published`: "last year" has no year
    fs::write(
        dir.join("fixtures/009-undated.md"),
        "---\nid: undated\n---\nTrade between China and Russia hit $240 billion last year.\n",
    )
    .unwrap();
    let at = "fixtures/009-undated.md:4";
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!("{at}: \"$240 billion\" (trade.china_russia.total) is not compared: its year is unknown")),
        "{}",
        r.stdout
    );
    assert!(run(dir, &["report"])
        .stdout
        .contains("Not compared: 1 fact"));
    for format in ["json", "jsonl", "sarif", "github", "markdown"] {
        let r = run(dir, &["report", "--format", format]);
        assert!(
            r.stderr
                .contains(&format!("crosscheck: warning: {at}: \"$240 billion\"")),
            "{format}: {}",
            r.stderr
        );
        let shown = match format {
            "json" => r.stdout.contains("\"not_compared\": [\n    {"),
            "jsonl" => r.stdout.contains(r#"{"not_compared":{"metric":"trade.china_russia.total","source":"fixtures/009-undated.md""#),
            "sarif" => r.stdout.contains(r#""ruleId": "crosscheck/not-compared""#),
            "github" => r.stdout.contains("::warning file=fixtures/009-undated.md,line=4,col="),
            _ => r.stdout.contains("#### Not compared: 1 fact") && r.stdout.contains(&format!("`{at}`")),
        };
        assert!(shown, "{format}: {}", r.stdout);
    }
}

#[test]
fn tables_fit_the_width_and_never_cut_an_id_or_a_place() {
    let ws = workspace();
    // at 80 columns the finding's table cannot fit (its places alone are
    // 40 wide, and no word is cut): it is as narrow as it can be
    for (columns, width) in [(None, 100), (Some("80"), 100), (Some("300"), 300)] {
        let mut cmd = crosscheck(ws.path());
        cmd.arg("report");
        match columns {
            Some(c) => cmd.env("COLUMNS", c),
            None => cmd.env_remove("COLUMNS"),
        };
        let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        // the finding's table fits; ids and places are whole
        let finding: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.starts_with("error[conflict]"))
            .skip(1)
            .take_while(|l| !l.starts_with("  difference"))
            .collect();
        assert!(
            finding.iter().all(|l| l.chars().count() <= width),
            "{columns:?}:\n{out}"
        );
        for whole in [
            "fixtures/001-putin-xi-video-call.md:19",
            "fixtures/004-putin-li-qiang-sco.md:16",
            "investment.russia_china.portfolio",
            "tourism.china_to_russia.tourists",
        ] {
            assert!(out.contains(whole), "{columns:?}: {whole}:\n{out}");
        }
    }
    let r = run(ws.path(), &["--width", "120", "rules", "list"]);
    assert!(
        r.stdout.lines().all(|l| l.chars().count() <= 120),
        "{}",
        r.stdout
    );
}

#[test]
fn paths_are_shown_without_a_leading_dot_and_one_source_is_singular() {
    let ws = workspace();
    let r = run(
        ws.path(),
        &["check", "./fixtures/001-putin-xi-video-call.md"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("0 conflicts at or above `error` in 1 source (3 facts)"),
        "{}",
        r.stdout
    );
    let r = run(ws.path(), &["facts", "./fixtures"]);
    assert!(
        r.stdout
            .contains("┆ fixtures/001-putin-xi-video-call.md:19"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("./fixtures"), "{}", r.stdout);
    let r = run(
        &ws.path().join("fixtures"),
        &["facts", ".", "--rules", "../rules"],
    );
    assert!(
        r.stdout.contains("┆ 001-putin-xi-video-call.md:19"),
        "{}{}",
        r.stdout,
        r.stderr
    );
}
