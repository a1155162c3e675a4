CREATE TYPE "public"."issuer_key_kind" AS ENUM('Ed25519', 'RSA');--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"kind" "issuer_key_kind" NOT NULL,
	"public_key_multibase" text,
	"public_key_jwk" jsonb,
	"private_key_ciphertext" text NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ob3_credentials" (
	"award_id" uuid PRIMARY KEY NOT NULL,
	"credential_json" text NOT NULL,
	"jwt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ob3_credentials" ADD CONSTRAINT "ob3_credentials_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_issuer_key_id" ON "issuer_keys" USING btree ("issuer_id","key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_current" ON "issuer_keys" USING btree ("issuer_id","kind") WHERE "issuer_keys"."is_current";