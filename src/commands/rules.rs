//! `crosscheck rules test`: run the examples of every rule; `rules list`:
//! the metrics.

use std::io::Write;

use crate::cli::RulesCommand;
use crate::config::Config;
use crate::error::Errors;
use crate::report::rule_tests as render;
use crate::{rule_tests, ExitStatus, Outcome};

pub fn run(cmd: &RulesCommand, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    match cmd {
        RulesCommand::Test(args) => {
            let rules = super::load_rules(&args.all(), config)?;
            let results = rule_tests::run(&rules);
            render::write_results(out, &results).map_err(crate::output_error)?;
            let status = if results.iter().all(|r| r.passed) {
                ExitStatus::Clean
            } else {
                ExitStatus::Findings
            };
            Ok(Outcome::after_reading(status, Errors::default()).warning(rules.skipped))
        }
        RulesCommand::Schema => {
            out.write_all(crate::rules::json_schema().as_bytes())
                .map_err(crate::output_error)?;
            Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()))
        }
        RulesCommand::List(args) => {
            let rules = super::load_rules(&args.all(), config)?;
            crate::report::rules::write_list(out, &rules).map_err(crate::output_error)?;
            Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()).warning(rules.skipped))
        }
    }
}
