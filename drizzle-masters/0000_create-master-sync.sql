CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "master_import_states" (
	"company_id" uuid NOT NULL,
	"freee_company_id" integer NOT NULL,
	"master" text NOT NULL,
	"last_import_date" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "master_import_states_company_id_freee_company_id_master_pk" PRIMARY KEY("company_id","freee_company_id","master")
);
--> statement-breakpoint
CREATE TABLE "master_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"freee_company_id" integer NOT NULL,
	"master" text NOT NULL,
	"key" text NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"available" boolean,
	"update_date" date,
	"data" jsonb NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "master_sync_results" (
	"run_id" uuid NOT NULL,
	"master" text NOT NULL,
	"mode" text NOT NULL,
	"target" integer NOT NULL,
	"succeeded" integer NOT NULL,
	"failed" integer NOT NULL,
	"archived" integer NOT NULL,
	"failures" jsonb NOT NULL,
	CONSTRAINT "master_sync_results_run_id_master_pk" PRIMARY KEY("run_id","master")
);
--> statement-breakpoint
CREATE TABLE "master_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"full" boolean NOT NULL,
	"masters" jsonb NOT NULL,
	"connection_id" uuid,
	"freee_company_id" integer,
	"requested_by" text NOT NULL,
	"reason" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "master_sync_runs_status" CHECK ("master_sync_runs"."status" in ('running','succeeded','failed','stopped','skipped','not_run'))
);
--> statement-breakpoint
CREATE TABLE "master_sync_schedules" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"hour" integer NOT NULL,
	"connection_id" uuid NOT NULL,
	"enabled_by_staff_id" uuid,
	"enabled_by_label" text NOT NULL,
	"notify_email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "master_sync_schedules_hour" CHECK ("master_sync_schedules"."hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "master_import_states" ADD CONSTRAINT "master_import_states_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_records" ADD CONSTRAINT "master_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_sync_results" ADD CONSTRAINT "master_sync_results_run_id_master_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."master_sync_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_sync_runs" ADD CONSTRAINT "master_sync_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_sync_schedules" ADD CONSTRAINT "master_sync_schedules_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "master_records_key" ON "master_records" USING btree ("company_id","freee_company_id","master","key");--> statement-breakpoint
CREATE UNIQUE INDEX "master_sync_runs_one_running" ON "master_sync_runs" USING btree ("company_id") WHERE "master_sync_runs"."status" = 'running';