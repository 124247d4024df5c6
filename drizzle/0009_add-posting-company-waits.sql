CREATE TABLE "posting_company_waits" (
	"company_id" uuid NOT NULL,
	"store_code" text NOT NULL,
	"business_date" date NOT NULL,
	"waiting_since" timestamp with time zone NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "posting_company_waits_pk" PRIMARY KEY("company_id","store_code","business_date")
);
--> statement-breakpoint
ALTER TABLE "posting_company_waits" ADD CONSTRAINT "posting_company_waits_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posting_company_waits_line" ON "posting_company_waits" USING btree ("company_id","waiting_since");