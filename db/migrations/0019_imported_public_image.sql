ALTER TABLE "imported_badges" ADD COLUMN "public_image" "bytea";--> statement-breakpoint
ALTER TABLE "imported_badges" ADD COLUMN "has_been_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "imported_badges" SET "has_been_verified" = true WHERE "status"::text IN ('verified', 'expired');
