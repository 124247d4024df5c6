CREATE TABLE "company_network_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"printer_networks" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_network_settings" ADD CONSTRAINT "company_network_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;