mod attestations;
mod credit_code;
mod credit_lines;
mod feeless;
mod queries;
mod registry;
