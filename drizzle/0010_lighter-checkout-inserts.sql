-- Ingest (issue #15 item 4, docs/ledger.md "Where the ceiling is"): an insert into checkouts no longer
-- pays three foreign-key checks per row (≈ 11 µs of PostgreSQL per checkout) nor the statement
-- trigger over a transition table that summed new rows into the day aggregate (≈ 20 µs: every new
-- row, document included, copied into the transition table). The ingest writes the day aggregate's
-- delta rows itself, summed in the same way (src/domain/report/day-sum-deltas.ts), in the same
-- transaction; updates, deletes and truncates are still summed by the triggers of migration 0008.
ALTER TABLE "checkouts" DROP CONSTRAINT "checkouts_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "checkouts" DROP CONSTRAINT "checkouts_store_id_stores_id_fk";
--> statement-breakpoint
ALTER TABLE "checkouts" DROP CONSTRAINT "checkouts_register_id_registers_id_fk";
--> statement-breakpoint
DROP TRIGGER "checkouts_day_sums_insert" ON "checkouts";
--> statement-breakpoint
DROP FUNCTION "store_day_sums_after_insert"();
