CREATE TABLE "domain_event_dispatches" (
	"event_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"job_id" text,
	"dispatched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "domain_event_dispatches_event_id_consumer_pk" PRIMARY KEY("event_id","consumer")
);
--> statement-breakpoint
ALTER TABLE "domain_event_dispatches" ADD CONSTRAINT "domain_event_dispatches_event_id_domain_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."domain_events"("id") ON DELETE no action ON UPDATE no action;