mod hold;
mod issue;
mod ledger;
mod offer;
mod property;
mod settlement;
mod split;
mod transfer;
