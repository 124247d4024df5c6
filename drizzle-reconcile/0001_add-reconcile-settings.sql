CREATE TABLE "reconcile_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"auto_apply_exact" boolean NOT NULL,
	"bank_synced" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reconcile_settings" ADD CONSTRAINT "reconcile_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;