mod finance;
mod loans;
mod partial;
mod programs;
mod property;
mod recourse;
mod requests;
