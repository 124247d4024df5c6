CREATE TABLE "register_invoice_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"registration_number" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_product_versions" (
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"price_yen" integer NOT NULL,
	"price_mode" text NOT NULL,
	"tax_category" text NOT NULL,
	"category" text NOT NULL,
	"active" boolean NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_product_versions_product_id_version_pk" PRIMARY KEY("product_id","version")
);
--> statement-breakpoint
CREATE TABLE "register_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"price_yen" integer NOT NULL,
	"price_mode" text NOT NULL,
	"tax_category" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_products_price" CHECK ("register_products"."price_yen" >= 0),
	CONSTRAINT "register_products_price_mode" CHECK ("register_products"."price_mode" in ('inclusive','exclusive')),
	CONSTRAINT "register_products_tax_category" CHECK ("register_products"."tax_category" in ('standard10','reduced8','exempt','nonSales'))
);
--> statement-breakpoint
ALTER TABLE "register_invoice_settings" ADD CONSTRAINT "register_invoice_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_product_versions" ADD CONSTRAINT "register_product_versions_product_id_register_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."register_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_products" ADD CONSTRAINT "register_products_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_products_company_code" ON "register_products" USING btree ("company_id","code");