CREATE TABLE "reconcile_aliases" (
	"company_id" uuid NOT NULL,
	"partner_id" bigint NOT NULL,
	"payer_name" text NOT NULL,
	"learned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reconcile_aliases_company_id_payer_name_partner_id_pk" PRIMARY KEY("company_id","payer_name","partner_id")
);
--> statement-breakpoint
CREATE TABLE "reconcile_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"line_key" text NOT NULL,
	"plan" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconcile_claims" (
	"company_id" uuid NOT NULL,
	"deal_id" bigint NOT NULL,
	"application_id" uuid NOT NULL,
	CONSTRAINT "reconcile_claims_company_id_deal_id_pk" PRIMARY KEY("company_id","deal_id")
);
--> statement-breakpoint
CREATE TABLE "reconcile_statement_lines" (
	"company_id" uuid NOT NULL,
	"key" text NOT NULL,
	"account" text NOT NULL,
	"date" date NOT NULL,
	"amount_yen" bigint NOT NULL,
	"direction" text NOT NULL,
	"payer_name" text NOT NULL,
	"description" text NOT NULL,
	"balance_yen" bigint,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reconcile_statement_lines_company_id_key_pk" PRIMARY KEY("company_id","key")
);
--> statement-breakpoint
CREATE TABLE "reconcile_writes" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"deal_id" bigint,
	"amount_yen" bigint NOT NULL,
	"intent_at" timestamp with time zone NOT NULL,
	"freee_id" bigint,
	"done_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	CONSTRAINT "reconcile_writes_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
ALTER TABLE "reconcile_aliases" ADD CONSTRAINT "reconcile_aliases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_applications" ADD CONSTRAINT "reconcile_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_claims" ADD CONSTRAINT "reconcile_claims_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_claims" ADD CONSTRAINT "reconcile_claims_application_id_reconcile_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."reconcile_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_statement_lines" ADD CONSTRAINT "reconcile_statement_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_writes" ADD CONSTRAINT "reconcile_writes_application_id_reconcile_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."reconcile_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconcile_statement_lines_company_id_date_index" ON "reconcile_statement_lines" USING btree ("company_id","date");