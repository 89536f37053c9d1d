//! `cascade attest ENTERPRISE GRADE --until TIME`: an Attestor (a bank or a rating body the
//! Operator admitted) grades an enterprise — its tier (A–D) or green grade (deep-green,
//! light-green, yellow, red) — until a time; programs price its financing by it.

use anyhow::{bail, Result};
use serde_json::json;

use super::Context;
use crate::{
	chain::parse_account,
	compat::Use,
	interface::cascade::{
		self,
		runtime_types::cascade_primitives::attestation::{Grade, GreenGrade, TierGrade},
	},
	output::block_json,
};

#[derive(clap::Args)]
pub struct Args {
	/// The enterprise's account (SS58).
	enterprise: String,
	/// The grade: a tier `A`, `B`, `C`, `D`, or a green grade `deep-green`, `light-green`,
	/// `yellow`, `red` (深绿/浅绿/黄/红 also read).
	grade: String,
	/// When it stops counting: `2027-03-31` (midnight UTC), `2027-03-31T09:30+08:00`, or ms.
	#[arg(long)]
	until: String,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] = &[Use::Call("Enterprises", "attest")];

/// A grade as typed: a tier letter or a green grade's name.
pub fn parse_grade(text: &str) -> Result<Grade> {
	Ok(match text.trim().to_lowercase().as_str() {
		"a" => Grade::Tier(TierGrade::A),
		"b" => Grade::Tier(TierGrade::B),
		"c" => Grade::Tier(TierGrade::C),
		"d" => Grade::Tier(TierGrade::D),
		"deep-green" | "deepgreen" | "深绿" => Grade::Green(GreenGrade::DeepGreen),
		"light-green" | "lightgreen" | "浅绿" => Grade::Green(GreenGrade::LightGreen),
		"yellow" | "黄" => Grade::Green(GreenGrade::Yellow),
		"red" | "红" => Grade::Green(GreenGrade::Red),
		other => bail!(
			"`{other}` is no grade: give a tier A, B, C or D, or deep-green, light-green, yellow or red"
		),
	})
}

pub async fn run(ctx: &Context, Args { enterprise, grade, until, finalized }: Args) -> Result<()> {
	let who = parse_account(&enterprise).map_err(anyhow::Error::msg)?;
	let parsed = parse_grade(&grade)?;
	let expires_at = crate::units::parse_moment(&until).map_err(anyhow::Error::msg)?;
	let call = cascade::tx().enterprises().attest(who, parsed, expires_at);
	let inclusion = ctx.send_one(call, finalized).await?;
	ctx.out.print(
		block_json(
			&inclusion,
			json!({ "enterprise": enterprise, "grade": grade, "expiresAt": expires_at }),
		),
		|| {
			format!(
				"Attested {enterprise} as {grade} until {until} in block #{}.\n",
				inclusion.block.number
			)
		},
	);
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn grades_read_as_typed() {
		assert!(matches!(parse_grade("A").unwrap(), Grade::Tier(TierGrade::A)));
		assert!(matches!(parse_grade(" d ").unwrap(), Grade::Tier(TierGrade::D)));
		assert!(matches!(parse_grade("deep-green").unwrap(), Grade::Green(GreenGrade::DeepGreen)));
		assert!(matches!(parse_grade("红").unwrap(), Grade::Green(GreenGrade::Red)));
		assert!(parse_grade("E").unwrap_err().to_string().contains("no grade"));
	}
}
