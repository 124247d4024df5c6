CREATE TABLE "register_receipt_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"company_id" uuid NOT NULL,
	"checkout_id" text NOT NULL,
	"revision" integer NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"reissue" boolean NOT NULL,
	"addressee" text,
	"note" text,
	"source" text NOT NULL,
	"requested_by" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"printer_address" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_receipt_issues_kind" CHECK ("register_receipt_issues"."kind" in ('receipt','formal')),
	CONSTRAINT "register_receipt_issues_status" CHECK ("register_receipt_issues"."status" in ('printing','printed','failed')),
	CONSTRAINT "register_receipt_issues_count_min" CHECK ("register_receipt_issues"."count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "register_receipt_issues" ADD CONSTRAINT "register_receipt_issues_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_receipt_issues_count" ON "register_receipt_issues" USING btree ("company_id","checkout_id","kind","count");