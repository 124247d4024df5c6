CREATE TABLE "freee_authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"company_id" uuid NOT NULL,
	"staff_id" uuid,
	"provider" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"code_verifier_sealed" text NOT NULL,
	"status" text NOT NULL,
	"failure_code" text,
	"access_token_sealed" text,
	"refresh_token_sealed" text,
	"access_expires_at" timestamp with time zone,
	"freee_company_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "freee_authorizations_state_hash_unique" UNIQUE("state_hash"),
	CONSTRAINT "freee_authorizations_provider" CHECK ("freee_authorizations"."provider" in ('freee','sandbox')),
	CONSTRAINT "freee_authorizations_status" CHECK ("freee_authorizations"."status" in ('started','authorized','registered','failed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "freee_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"freee_company_id" bigint NOT NULL,
	"freee_company_name" text NOT NULL,
	"freee_user_id" bigint,
	"status" text NOT NULL,
	"status_code" text,
	"status_message" text,
	"status_changed_at" timestamp with time zone NOT NULL,
	"can_write_deals" boolean,
	"access_token_sealed" text,
	"refresh_token_sealed" text,
	"access_expires_at" timestamp with time zone,
	"refresh_expires_at" timestamp with time zone,
	"token_generation" integer DEFAULT 0 NOT NULL,
	"refresh_lease_id" uuid,
	"refresh_lease_until" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "freee_connections_provider" CHECK ("freee_connections"."provider" in ('freee','sandbox')),
	CONSTRAINT "freee_connections_status" CHECK ("freee_connections"."status" in ('connected','expired','error','disconnected'))
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox_apps" (
	"redirect_uri" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_store_connections" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "freee_authorizations" ADD CONSTRAINT "freee_authorizations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_authorizations" ADD CONSTRAINT "freee_authorizations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_connections" ADD CONSTRAINT "freee_connections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_store_connections" ADD CONSTRAINT "freee_store_connections_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_store_connections" ADD CONSTRAINT "freee_store_connections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_store_connections" ADD CONSTRAINT "freee_store_connections_connection_id_freee_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."freee_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "freee_authorizations_company" ON "freee_authorizations" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "freee_connections_company_target" ON "freee_connections" USING btree ("company_id","provider","freee_company_id");--> statement-breakpoint
CREATE INDEX "freee_store_connections_connection" ON "freee_store_connections" USING btree ("connection_id");