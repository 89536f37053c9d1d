//! A receivable's lineage tree, as indented text and as an SVG picture.
//!
//! The tree comes from `cascade_tree` (every note with its parent). The picture is a tidy layered
//! layout: leaves take consecutive columns in depth-first order, a parent sits centred over its
//! children, each depth is a row. Every note is a box with its id, state, holder and amount.

use std::{collections::BTreeMap, fmt::Write};

use crate::ledger::Note;
use cascade_runtime_api::NoteState;
use sp_core::crypto::Ss58Codec;

use crate::units::format_amount;

/// A note ready to show: its JSON plus the holder's display name.
pub struct Node<'a> {
	pub note: &'a Note,
	pub holder: String,
}

/// Children of each note, in id order, and the roots (notes without a parent in the list).
fn children<'a>(nodes: &'a [Node<'a>]) -> (Vec<usize>, BTreeMap<u64, Vec<usize>>) {
	let ids: std::collections::HashSet<u64> = nodes.iter().map(|n| n.note.id).collect();
	let mut roots = Vec::new();
	let mut kids: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
	for (i, n) in nodes.iter().enumerate() {
		match n.note.parent.filter(|p| ids.contains(p)) {
			Some(p) => kids.entry(p).or_default().push(i),
			None => roots.push(i),
		}
	}
	for list in kids.values_mut() {
		list.sort_by_key(|i| nodes[*i].note.id);
	}
	(roots, kids)
}

fn amount(note: &Note, decimals: u8) -> String {
	format_amount(*note.amount, decimals)
}

fn state(note: &Note, names: &dyn Fn(&str) -> String) -> String {
	match &note.state {
		NoteState::Pending { to } => format!("pending → {}", names(&to.to_ss58check())),
		NoteState::Pledged { financing } => format!("pledged (financing {financing})"),
		other => other.name().to_string(),
	}
}

/// The tree as indented text, one note a line.
pub fn text(
	nodes: &[Node<'_>],
	symbol: &str,
	decimals: u8,
	names: &dyn Fn(&str) -> String,
) -> String {
	let (roots, kids) = children(nodes);
	let line = |n: &Node<'_>| {
		format!(
			"note {}  {} {}  {}  held by {}",
			n.note.id,
			amount(n.note, decimals),
			symbol,
			state(n.note, names),
			n.holder
		)
	};
	let mut out = String::new();
	// Depth first with an explicit stack: (note, prefix of its line, is the last child, is a root).
	let mut stack: Vec<(usize, String, bool, bool)> =
		roots.iter().rev().map(|r| (*r, String::new(), true, true)).collect();
	while let Some((i, prefix, last, root)) = stack.pop() {
		let (branch, next) = match (root, last) {
			(true, _) => ("", String::new()),
			(false, true) => ("└─ ", format!("{prefix}   ")),
			(false, false) => ("├─ ", format!("{prefix}│  ")),
		};
		let _ = writeln!(out, "{prefix}{branch}{}", line(&nodes[i]));
		if let Some(list) = kids.get(&nodes[i].note.id) {
			for (k, child) in list.iter().enumerate().rev() {
				stack.push((*child, next.clone(), k + 1 == list.len(), false));
			}
		}
	}
	out
}

fn escape(text: &str) -> String {
	text.replace('&', "&amp;")
		.replace('<', "&lt;")
		.replace('>', "&gt;")
		.replace('"', "&quot;")
		.replace('\'', "&apos;")
}

const BOX_W: f64 = 210.0;
const BOX_H: f64 = 64.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 48.0;
const MARGIN: f64 = 20.0;
const TITLE_H: f64 = 36.0;

fn colour(state: &str) -> &'static str {
	match state {
		"active" => "#e3f2e1",
		"pending" => "#fff4d6",
		"pledged" => "#e1ecf7",
		"frozen" => "#f7e1e1",
		"redeemed" => "#ececec",
		"consumed" => "#f5f5f5",
		_ => "#ffffff",
	}
}

/// The tree as an SVG document.
pub fn svg(
	nodes: &[Node<'_>],
	title: &str,
	symbol: &str,
	decimals: u8,
	names: &dyn Fn(&str) -> String,
) -> String {
	let (roots, kids) = children(nodes);
	// Column of every node: leaves in depth-first order, parents centred on their children.
	let mut x = vec![0f64; nodes.len()];
	let mut row = vec![0usize; nodes.len()];
	let mut next_leaf = 0f64;
	// Iterative post-order, so a tree 1,000 notes deep cannot overflow the stack.
	let mut stack: Vec<(usize, usize, bool)> = roots.iter().rev().map(|r| (*r, 0, false)).collect();
	while let Some((i, depth, expanded)) = stack.pop() {
		row[i] = depth;
		let list = kids.get(&nodes[i].note.id);
		match (list, expanded) {
			(Some(list), false) => {
				stack.push((i, depth, true));
				for c in list.iter().rev() {
					stack.push((*c, depth + 1, false));
				}
			}
			(Some(list), true) => {
				let first = x[list[0]];
				let last = x[list[list.len() - 1]];
				x[i] = (first + last) / 2.0;
			}
			(None, _) => {
				x[i] = next_leaf;
				next_leaf += 1.0;
			}
		}
	}
	let columns = next_leaf.max(1.0);
	let depth = row.iter().copied().max().unwrap_or(0) + 1;
	// Wide enough for the boxes and for the title (about 9 px a character at 16 px).
	let width = (MARGIN * 2.0 + columns * BOX_W + (columns - 1.0) * GAP_X)
		.max(MARGIN * 2.0 + title.chars().count() as f64 * 9.0);
	let height = MARGIN * 2.0 + TITLE_H + depth as f64 * BOX_H + (depth as f64 - 1.0) * GAP_Y;
	let left = |i: usize| MARGIN + x[i] * (BOX_W + GAP_X);
	let top = |i: usize| MARGIN + TITLE_H + row[i] as f64 * (BOX_H + GAP_Y);

	let mut out = String::new();
	let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
	let _ = writeln!(
		out,
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
	);
	let _ = writeln!(out, "<title>{}</title>", escape(title));
	let _ = writeln!(
		out,
		r#"<text x="{MARGIN}" y="{}" font-size="16" font-weight="bold">{}</text>"#,
		MARGIN + 16.0,
		escape(title)
	);
	let index: std::collections::HashMap<u64, usize> =
		nodes.iter().enumerate().map(|(i, n)| (n.note.id, i)).collect();
	for (i, n) in nodes.iter().enumerate() {
		if let Some(&p) = n.note.parent.and_then(|p| index.get(&p)) {
			let _ = writeln!(
				out,
				r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888" stroke-width="1.5"/>"##,
				left(p) + BOX_W / 2.0,
				top(p) + BOX_H,
				left(i) + BOX_W / 2.0,
				top(i)
			);
		}
	}
	for (i, n) in nodes.iter().enumerate() {
		let note = n.note;
		let (bx, by) = (left(i), top(i));
		let _ = writeln!(
			out,
			r##"<g class="note" id="note-{id}" data-holder="{holder}" data-amount="{amount}" data-state="{state}">"##,
			id = note.id,
			holder = escape(&note.holder.to_ss58check()),
			amount = note.amount.0,
			state = note.state.name(),
		);
		let _ = writeln!(
			out,
			r##"<rect x="{bx}" y="{by}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{}" stroke="#555"/>"##,
			colour(note.state.name())
		);
		let lines = [
			format!("note {} · {}", note.id, state(note, names)),
			n.holder.clone(),
			format!("{} {symbol}", amount(note, decimals)),
		];
		for (k, line) in lines.iter().enumerate() {
			let weight = if k == 0 { r#" font-weight="bold""# } else { "" };
			let _ = writeln!(
				out,
				r#"<text x="{}" y="{}"{weight}>{}</text>"#,
				bx + 8.0,
				by + 18.0 + 17.0 * k as f64,
				escape(line)
			);
		}
		let _ = writeln!(out, "</g>");
	}
	let _ = writeln!(out, "</svg>");
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::AccountId32;

	fn note(id: u64, parent: Option<u64>, amount: u128, state: NoteState<AccountId32>) -> Note {
		Note {
			id,
			receivable: 0,
			parent,
			depth: 0,
			holder: AccountId32::new([id as u8; 32]),
			amount: amount.into(),
			paid: 0.into(),
			state,
		}
	}

	fn sample() -> Vec<Note> {
		vec![
			note(0, None, 100_000, NoteState::Consumed),
			note(1, Some(0), 60_000, NoteState::Active),
			note(2, Some(0), 40_000, NoteState::Consumed),
			note(3, Some(2), 10_000, NoteState::Pledged { financing: 0 }),
			note(4, Some(2), 30_000, NoteState::Redeemed),
		]
	}

	#[test]
	fn text_tree_indents_children_under_parents() {
		let notes = sample();
		let nodes: Vec<Node> =
			notes.iter().map(|n| Node { note: n, holder: n.holder.to_ss58check() }).collect();
		let out = text(&nodes, "CNY", 2, &|s| s.to_string());
		let lines: Vec<&str> = out.lines().collect();
		assert_eq!(lines.len(), 5);
		assert!(lines[0].starts_with("note 0  1,000.00 CNY  consumed"));
		assert!(lines[1].starts_with("├─ note 1  600.00 CNY  active"));
		assert!(lines[2].starts_with("└─ note 2"));
		assert!(lines[3].starts_with("   ├─ note 3"));
		assert!(lines[4].starts_with("   └─ note 4  300.00 CNY  redeemed"));
	}

	#[test]
	fn svg_parses_and_shows_every_note() {
		let notes = sample();
		let nodes: Vec<Node> = notes
			.iter()
			.map(|n| Node { note: n, holder: format!("Firm <{}> & Co", n.id) })
			.collect();
		let doc = svg(&nodes, "Receivable 0", "CNY", 2, &|s| s.to_string());
		let parsed = roxmltree::Document::parse(&doc).expect("well-formed XML");
		let root = parsed.root_element();
		assert_eq!(root.tag_name().name(), "svg");
		assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
		let groups: Vec<_> =
			root.children().filter(|n| n.attribute("class") == Some("note")).collect();
		assert_eq!(groups.len(), notes.len());
		for n in &notes {
			let g = groups
				.iter()
				.find(|g| g.attribute("id") == Some(&format!("note-{}", n.id)))
				.unwrap();
			let texts: Vec<&str> = g.descendants().filter_map(|t| t.text()).collect();
			assert!(texts.iter().any(|t| t.contains(n.state.name())), "{texts:?}");
			assert!(texts.iter().any(|t| *t == format!("Firm <{}> & Co", n.id)), "{texts:?}");
			let shown = format_amount(*n.amount, 2);
			assert!(texts.iter().any(|t| t.contains(&shown)), "{texts:?}");
		}
		// four edges: every note but the root has a line to its parent
		assert_eq!(root.children().filter(|n| n.tag_name().name() == "line").count(), 4);
	}

	#[test]
	fn deep_trees_lay_out_without_recursion() {
		let mut notes = vec![note(0, None, 2, NoteState::Consumed)];
		for id in 1..3000u64 {
			let state = if id == 2999 { NoteState::Active } else { NoteState::Consumed };
			notes.push(note(id, Some(id - 1), 1, state));
		}
		let nodes: Vec<Node> =
			notes.iter().map(|n| Node { note: n, holder: n.holder.to_ss58check() }).collect();
		let doc = svg(&nodes, "deep", "CNY", 2, &|s| s.to_string());
		assert!(roxmltree::Document::parse_with_options(
			&doc,
			roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: u32::MAX }
		)
		.is_ok());
	}
}
