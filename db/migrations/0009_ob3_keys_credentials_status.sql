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
CREATE TABLE "status_list_entries" (
	"list_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"award_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_list_entries_list_id_status_index_pk" PRIMARY KEY("list_id","status_index")
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"capacity" integer NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"signed_credential" jsonb,
	"signed_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ob3_credentials" ADD CONSTRAINT "ob3_credentials_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_list_entries" ADD CONSTRAINT "status_list_entries_list_id_status_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."status_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_list_entries" ADD CONSTRAINT "status_list_entries_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_issuer_key_id" ON "issuer_keys" USING btree ("issuer_id","key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_current" ON "issuer_keys" USING btree ("issuer_id","kind") WHERE "issuer_keys"."is_current";--> statement-breakpoint
CREATE UNIQUE INDEX "status_list_entries_award_idx" ON "status_list_entries" USING btree ("award_id");--> statement-breakpoint
CREATE INDEX "status_lists_issuer_idx" ON "status_lists" USING btree ("issuer_id");