ALTER TABLE "stores" ADD COLUMN "legacy_ref_numbers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Stores that posted before ref_numbers carried the company keep `URG-<store>-…`, so that their
-- deals in freee are still recognised (look-up after an unclear failure, differences, 連携結果).
UPDATE "stores" SET "legacy_ref_numbers" = true
  WHERE "id" IN (SELECT DISTINCT "store_id" FROM "posted_deals");
