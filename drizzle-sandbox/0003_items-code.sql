ALTER TABLE "freee_sandbox"."companies" ADD COLUMN "use_item_code" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."items" ADD COLUMN "code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "items_company_code" ON "freee_sandbox"."items" USING btree ("company_id","code");