CREATE TABLE "posted_deals" (
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"freee_company_id" bigint NOT NULL,
	"entry_key" text NOT NULL,
	"company_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"method_code" text NOT NULL,
	"item_name" text NOT NULL,
	"ref_number" text NOT NULL,
	"deal_id" bigint,
	"content" jsonb,
	"content_hash" text,
	"amount_yen" bigint,
	"deal_type" text,
	"has_payments" boolean DEFAULT false NOT NULL,
	"intent" text,
	"intent_content" jsonb,
	"intent_hash" text,
	"intent_at" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "posted_deals_pk" PRIMARY KEY("store_id","business_date","freee_company_id","entry_key"),
	CONSTRAINT "posted_deals_intent" CHECK ("posted_deals"."intent" is null or "posted_deals"."intent" in ('create','update','delete')),
	CONSTRAINT "posted_deals_provider" CHECK ("posted_deals"."provider" in ('freee','sandbox'))
);
--> statement-breakpoint
CREATE TABLE "posting_days" (
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"message" text,
	"freee_messages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"close_version" integer,
	"posted_version" integer,
	"auto_retries" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_calls" integer DEFAULT 0 NOT NULL,
	"last_writes" integer DEFAULT 0 NOT NULL,
	"lease_id" uuid,
	"lease_until" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "posting_days_pk" PRIMARY KEY("store_id","business_date"),
	CONSTRAINT "posting_days_status" CHECK ("posting_days"."status" in ('queued','sending','posted','retry_wait','failed','outside_fiscal_year','period_closed','expired','error'))
);
--> statement-breakpoint
CREATE TABLE "posting_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "posted_deals" ADD CONSTRAINT "posted_deals_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_deals" ADD CONSTRAINT "posted_deals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_days" ADD CONSTRAINT "posting_days_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_days" ADD CONSTRAINT "posting_days_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_settings" ADD CONSTRAINT "posting_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posted_deals_company_date" ON "posted_deals" USING btree ("company_id","business_date");--> statement-breakpoint
CREATE INDEX "posting_days_company_date" ON "posting_days" USING btree ("company_id","business_date");