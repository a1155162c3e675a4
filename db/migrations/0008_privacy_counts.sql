CREATE TABLE "badge_views" (
	"award_id" uuid NOT NULL,
	"visitor_hash" text NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "badge_views_award_id_visitor_hash_pk" PRIMARY KEY("award_id","visitor_hash")
);
--> statement-breakpoint
CREATE TABLE "email_check_counts" (
	"client_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "email_check_counts_client_hash_window_start_pk" PRIMARY KEY("client_hash","window_start")
);
--> statement-breakpoint
ALTER TABLE "badge_views" ADD CONSTRAINT "badge_views_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "badge_views_day_idx" ON "badge_views" USING btree ("day");