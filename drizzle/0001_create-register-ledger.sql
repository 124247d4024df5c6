CREATE TABLE "checkout_revisions" (
	"company_id" uuid NOT NULL,
	"checkout_id" text NOT NULL,
	"revision" bigint NOT NULL,
	"status" text NOT NULL,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkout_revisions_pk" PRIMARY KEY("company_id","checkout_id","revision")
);
--> statement-breakpoint
CREATE TABLE "checkouts" (
	"company_id" uuid NOT NULL,
	"checkout_id" text NOT NULL,
	"revision" bigint NOT NULL,
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"status" text NOT NULL,
	"completed_at" timestamp with time zone,
	"total_yen" bigint NOT NULL,
	"redoes" text,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkouts_pk" PRIMARY KEY("company_id","checkout_id"),
	CONSTRAINT "checkouts_revision" CHECK ("checkouts"."revision" >= 1),
	CONSTRAINT "checkouts_status" CHECK ("checkouts"."status" in ('pending','completed','cancelled','redone','aborted'))
);
--> statement-breakpoint
CREATE TABLE "day_closes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"version" integer NOT NULL,
	"float_yen" bigint NOT NULL,
	"counted_cash_yen" bigint NOT NULL,
	"expected_cash_yen" bigint NOT NULL,
	"difference_yen" bigint NOT NULL,
	"report" jsonb NOT NULL,
	"report_hash" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" text NOT NULL,
	CONSTRAINT "day_closes_version" CHECK ("day_closes"."version" >= 1),
	CONSTRAINT "day_closes_cash" CHECK ("day_closes"."float_yen" >= 0 and "day_closes"."counted_cash_yen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drawer_events" (
	"company_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"amount_yen" bigint NOT NULL,
	"reason" text,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drawer_events_pk" PRIMARY KEY("company_id","event_id"),
	CONSTRAINT "drawer_events_type" CHECK ("drawer_events"."type" in ('cashIn','cashOut')),
	CONSTRAINT "drawer_events_amount" CHECK ("drawer_events"."amount_yen" > 0)
);
--> statement-breakpoint
ALTER TABLE "checkout_revisions" ADD CONSTRAINT "checkout_revisions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_closes" ADD CONSTRAINT "day_closes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_closes" ADD CONSTRAINT "day_closes_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_events" ADD CONSTRAINT "drawer_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_events" ADD CONSTRAINT "drawer_events_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_events" ADD CONSTRAINT "drawer_events_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkouts_store_day" ON "checkouts" USING btree ("store_id","business_date","status");--> statement-breakpoint
CREATE UNIQUE INDEX "day_closes_store_day_version" ON "day_closes" USING btree ("store_id","business_date","version");--> statement-breakpoint
CREATE INDEX "domain_events_type_created" ON "domain_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "drawer_events_store_day" ON "drawer_events" USING btree ("store_id","business_date");