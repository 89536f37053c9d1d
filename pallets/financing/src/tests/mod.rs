mod finance;
mod loans;
mod partial;
mod programs;
mod property;
mod queries;
mod recourse;
mod requests;
