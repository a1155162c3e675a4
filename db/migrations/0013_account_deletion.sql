ALTER TYPE "public"."award_event_kind" ADD VALUE 'unclaimed';--> statement-breakpoint
ALTER TYPE "public"."webhook_event" ADD VALUE 'award.unclaimed';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_deletion_requested_idx" ON "users" USING btree ("deletion_requested_at") WHERE "users"."deletion_requested_at" is not null;--> statement-breakpoint
CREATE INDEX "users_deleting_photo_idx" ON "users" USING btree ("photo_image_id") WHERE "users"."deletion_requested_at" is not null;