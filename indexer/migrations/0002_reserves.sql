-- Factoring reserves (issue 30): a payout on a factored note may pay part of the share to the
-- seller of the factoring (its reserve) beside the holder and the pledgee.
ALTER TABLE payouts ADD COLUMN seller TEXT;
ALTER TABLE payouts ADD COLUMN to_seller TEXT NOT NULL DEFAULT '0';
CREATE INDEX payouts_seller ON payouts (seller, block);
