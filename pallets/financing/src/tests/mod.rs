mod finance;
mod loans;
mod programs;
mod property;
mod recourse;
mod requests;
