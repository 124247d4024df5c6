CREATE TABLE "print_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"company_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"close_version" integer,
	"source" text NOT NULL,
	"requested_by" text NOT NULL,
	"event_id" uuid,
	"status" text NOT NULL,
	"queue_job_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"attempts_max" integer NOT NULL,
	"reason" text,
	"error_detail" text,
	"printer_address" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"printed_at" timestamp with time zone,
	CONSTRAINT "print_jobs_status" CHECK ("print_jobs"."status" in ('queued','printing','retrying','printed','failed')),
	CONSTRAINT "print_jobs_attempts" CHECK ("print_jobs"."attempts" >= 0 and "print_jobs"."attempts_max" >= 1)
);
--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "print_jobs_store_day" ON "print_jobs" USING btree ("store_id","business_date","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "print_jobs_event" ON "print_jobs" USING btree ("event_id");
