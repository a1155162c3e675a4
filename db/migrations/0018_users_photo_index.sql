DROP INDEX "users_deleting_photo_idx";--> statement-breakpoint
CREATE INDEX "users_photo_idx" ON "users" USING btree ("photo_image_id") WHERE "users"."photo_image_id" is not null;