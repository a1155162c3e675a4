CREATE TYPE "public"."imported_badge_status" AS ENUM('verified', 'unverified', 'invalid');--> statement-breakpoint
CREATE TABLE "imported_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"original" "bytea" NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"credential" jsonb NOT NULL,
	"badge_name" text NOT NULL,
	"description" text,
	"image_url" text,
	"issuer_name" text NOT NULL,
	"issuer_url" text,
	"issued_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"is_recipient_checked" boolean NOT NULL,
	"status" "imported_badge_status" NOT NULL,
	"report" jsonb NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imported_badges" ADD CONSTRAINT "imported_badges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "imported_badges_user_dedupe_key" ON "imported_badges" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "imported_badges_unverified_idx" ON "imported_badges" USING btree ("verified_at") WHERE "imported_badges"."status" = 'unverified';