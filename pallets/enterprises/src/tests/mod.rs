mod credit_code;
mod credit_lines;
mod registry;
