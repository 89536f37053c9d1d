mod credit_code;
mod credit_lines;
mod queries;
mod registry;
