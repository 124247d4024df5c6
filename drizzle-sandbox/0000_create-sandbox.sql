-- IF NOT EXISTS (edited after generation): the migrator creates freee_sandbox first, for its __migrations table.
CREATE SCHEMA IF NOT EXISTS "freee_sandbox";
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."companies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."companies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 3000001 CACHE 1),
	"name" text NOT NULL,
	"name_kana" text,
	"display_name" text NOT NULL,
	"company_number" text NOT NULL,
	"org_code" integer DEFAULT 1 NOT NULL,
	"amount_fraction" integer DEFAULT 0 NOT NULL,
	"use_partner_code" boolean DEFAULT false NOT NULL,
	"segments_available" integer DEFAULT 0 NOT NULL,
	"external_cid" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."fiscal_years" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."fiscal_years_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 9000001 CACHE 1),
	"company_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"is_closed" boolean DEFAULT false NOT NULL,
	"month_end_date" date,
	"temp_month_end_date" date,
	"tax_method" integer DEFAULT 2 NOT NULL,
	"sales_tax_business_code" integer DEFAULT 1 NOT NULL,
	"tax_fraction" integer DEFAULT 0 NOT NULL,
	"tax_account_method" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."members" (
	"company_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "members_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 5000001 CACHE 1),
	"email" text NOT NULL,
	"display_name" text,
	"first_name" text,
	"last_name" text,
	"first_name_kana" text,
	"last_name_kana" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."account_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."account_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 100000001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"shortcut" text,
	"shortcut_num" text,
	"tax_code" integer NOT NULL,
	"account_category" text NOT NULL,
	"account_category_id" integer NOT NULL,
	"categories" jsonb NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"walletable_id" integer,
	"group_name" text,
	"corresponding_income_id" integer,
	"corresponding_expense_id" integer,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 20000001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"shortcut1" text,
	"shortcut2" text,
	"available" boolean DEFAULT true NOT NULL,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."partners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."partners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 30000001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"shortcut1" text,
	"shortcut2" text,
	"long_name" text,
	"name_kana" text,
	"org_code" integer,
	"country_code" text DEFAULT 'JP' NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."sections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 50000001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"long_name" text,
	"shortcut1" text,
	"shortcut2" text,
	"code" text,
	"available" boolean DEFAULT true NOT NULL,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."segment_tags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."segment_tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 60000001 CACHE 1),
	"company_id" integer NOT NULL,
	"segment_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"shortcut1" text,
	"shortcut2" text,
	"code" text,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."tags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 40000001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"shortcut1" text,
	"shortcut2" text,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."taxes" (
	"company_id" integer NOT NULL,
	"code" integer NOT NULL,
	"name" text NOT NULL,
	"name_ja" text NOT NULL,
	"display_category" text,
	"available" boolean NOT NULL,
	"rate_percent" integer NOT NULL,
	CONSTRAINT "taxes_company_id_code_pk" PRIMARY KEY("company_id","code")
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."wallet_txns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."wallet_txns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 300000001 CACHE 1),
	"company_id" integer NOT NULL,
	"walletable_id" integer NOT NULL,
	"walletable_type" text NOT NULL,
	"date" date NOT NULL,
	"amount" bigint NOT NULL,
	"due_amount" bigint NOT NULL,
	"balance" bigint,
	"entry_side" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" integer DEFAULT 1 NOT NULL,
	"rule_matched" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."walletables" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."walletables_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"bank_id" integer,
	"walletable_balance" bigint DEFAULT 0 NOT NULL,
	"last_balance" bigint DEFAULT 0 NOT NULL,
	"update_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."deal_details" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."deal_details_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 800000001 CACHE 1),
	"deal_id" integer NOT NULL,
	"position" integer NOT NULL,
	"account_item_id" integer NOT NULL,
	"tax_code" integer NOT NULL,
	"amount" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"item_id" integer,
	"section_id" integer,
	"partner_id" integer,
	"tag_ids" jsonb NOT NULL,
	"segment_1_tag_id" integer,
	"segment_2_tag_id" integer,
	"segment_3_tag_id" integer,
	"description" text,
	"entry_side" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."deal_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."deal_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 900000001 CACHE 1),
	"deal_id" integer NOT NULL,
	"date" date NOT NULL,
	"from_walletable_type" text NOT NULL,
	"from_walletable_id" integer NOT NULL,
	"amount" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."deals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."deals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 700000001 CACHE 1),
	"company_id" integer NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date,
	"type" text NOT NULL,
	"partner_id" integer,
	"ref_number" text,
	"amount" bigint NOT NULL,
	"deal_origin_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."oauth_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"client_secret_hash" text NOT NULL,
	"redirect_uris" jsonb NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."oauth_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"redirect_uri" text NOT NULL,
	"code_challenge" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "freee_sandbox"."oauth_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freee_sandbox"."oauth_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"access_token_hash" text NOT NULL,
	"refresh_token_hash" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"refresh_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "oauth_tokens_access_token_hash_unique" UNIQUE("access_token_hash"),
	CONSTRAINT "oauth_tokens_refresh_token_hash_unique" UNIQUE("refresh_token_hash")
);
--> statement-breakpoint
ALTER TABLE "freee_sandbox"."fiscal_years" ADD CONSTRAINT "fiscal_years_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."members" ADD CONSTRAINT "members_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "freee_sandbox"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."account_items" ADD CONSTRAINT "account_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."items" ADD CONSTRAINT "items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."partners" ADD CONSTRAINT "partners_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."sections" ADD CONSTRAINT "sections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."segment_tags" ADD CONSTRAINT "segment_tags_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."tags" ADD CONSTRAINT "tags_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."taxes" ADD CONSTRAINT "taxes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."wallet_txns" ADD CONSTRAINT "wallet_txns_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."wallet_txns" ADD CONSTRAINT "wallet_txns_walletable_id_walletables_id_fk" FOREIGN KEY ("walletable_id") REFERENCES "freee_sandbox"."walletables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."walletables" ADD CONSTRAINT "walletables_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."deal_details" ADD CONSTRAINT "deal_details_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "freee_sandbox"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."deal_payments" ADD CONSTRAINT "deal_payments_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "freee_sandbox"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."deals" ADD CONSTRAINT "deals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_codes" ADD CONSTRAINT "oauth_codes_client_id_oauth_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "freee_sandbox"."oauth_clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_codes" ADD CONSTRAINT "oauth_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "freee_sandbox"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_codes" ADD CONSTRAINT "oauth_codes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_tokens" ADD CONSTRAINT "oauth_tokens_client_id_oauth_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "freee_sandbox"."oauth_clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_tokens" ADD CONSTRAINT "oauth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "freee_sandbox"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freee_sandbox"."oauth_tokens" ADD CONSTRAINT "oauth_tokens_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "freee_sandbox"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_items_company_name" ON "freee_sandbox"."account_items" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "items_company_name" ON "freee_sandbox"."items" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_company_name" ON "freee_sandbox"."partners" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_company_name" ON "freee_sandbox"."sections" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_company_name" ON "freee_sandbox"."tags" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "walletables_company_name" ON "freee_sandbox"."walletables" USING btree ("company_id","name");--> statement-breakpoint
CREATE INDEX "deal_details_deal" ON "freee_sandbox"."deal_details" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "deal_payments_deal" ON "freee_sandbox"."deal_payments" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "deals_company_issue_date" ON "freee_sandbox"."deals" USING btree ("company_id","issue_date");