CREATE TYPE "public"."lm_title_kind" AS ENUM('alternate', 'short', 'reported');--> statement-breakpoint
CREATE TYPE "public"."lm_rating_domain" AS ENUM('skill', 'knowledge');--> statement-breakpoint
CREATE TYPE "public"."lm_related_tier" AS ENUM('primary_short', 'primary_long', 'supplemental');--> statement-breakpoint
CREATE TYPE "public"."lm_release_status" AS ENUM('loading', 'active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."lm_wage_match" AS ENUM('exact', 'oews_aggregate', 'broad', 'none');--> statement-breakpoint
CREATE TABLE "job_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_key" text NOT NULL,
	"external_id" text NOT NULL,
	"employer_name" text NOT NULL,
	"employer_url" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"url" text,
	"date_posted" timestamp with time zone NOT NULL,
	"valid_through" timestamp with time zone,
	"employment_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_remote" boolean DEFAULT false NOT NULL,
	"country" text,
	"locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"salary_currency" text,
	"salary_min" double precision,
	"salary_max" double precision,
	"salary_unit" text,
	"salary_is_estimate" boolean DEFAULT false NOT NULL,
	"occupation_code" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"technology_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labor_market_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "lm_release_status" DEFAULT 'loading' NOT NULL,
	"onet_version" text NOT NULL,
	"wage_year" integer NOT NULL,
	"source" text NOT NULL,
	"row_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lm_job_zones" (
	"release_id" uuid NOT NULL,
	"zone" integer NOT NULL,
	"name" text NOT NULL,
	"experience" text NOT NULL,
	"education" text NOT NULL,
	"job_training" text NOT NULL,
	"examples" text NOT NULL,
	CONSTRAINT "lm_job_zones_release_id_zone_pk" PRIMARY KEY("release_id","zone")
);
--> statement-breakpoint
CREATE TABLE "lm_occupation_ratings" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"element_id" text NOT NULL,
	"element_name" text NOT NULL,
	"domain" "lm_rating_domain" NOT NULL,
	"importance" double precision NOT NULL,
	"level" double precision NOT NULL,
	"is_not_relevant" boolean DEFAULT false NOT NULL,
	"is_low_confidence" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lm_occupation_ratings_release_id_code_element_id_pk" PRIMARY KEY("release_id","code","element_id")
);
--> statement-breakpoint
CREATE TABLE "lm_occupation_technologies" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"technology_slug" text NOT NULL,
	"commodity_code" text NOT NULL,
	"commodity_title" text NOT NULL,
	"is_in_demand" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lm_occupation_technologies_release_id_code_technology_slug_pk" PRIMARY KEY("release_id","code","technology_slug")
);
--> statement-breakpoint
CREATE TABLE "lm_occupation_titles" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "lm_title_kind" NOT NULL,
	"title" text NOT NULL,
	"title_norm" text NOT NULL,
	"is_featured" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lm_occupation_titles_release_id_code_kind_title_pk" PRIMARY KEY("release_id","code","kind","title")
);
--> statement-breakpoint
CREATE TABLE "lm_occupations" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"soc_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"job_zone" integer,
	CONSTRAINT "lm_occupations_release_id_code_pk" PRIMARY KEY("release_id","code")
);
--> statement-breakpoint
CREATE TABLE "lm_related_occupations" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"related_code" text NOT NULL,
	"tier" "lm_related_tier" NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "lm_related_occupations_release_id_code_related_code_pk" PRIMARY KEY("release_id","code","related_code")
);
--> statement-breakpoint
CREATE TABLE "lm_technologies" (
	"release_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_norm" text NOT NULL,
	"is_hot" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lm_technologies_release_id_slug_pk" PRIMARY KEY("release_id","slug")
);
--> statement-breakpoint
CREATE TABLE "lm_technology_aliases" (
	"release_id" uuid NOT NULL,
	"alias_norm" text NOT NULL,
	"technology_slug" text NOT NULL,
	CONSTRAINT "lm_technology_aliases_release_id_alias_norm_pk" PRIMARY KEY("release_id","alias_norm")
);
--> statement-breakpoint
CREATE TABLE "lm_wage_links" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"oews_code" text,
	"match" "lm_wage_match" NOT NULL,
	CONSTRAINT "lm_wage_links_release_id_code_pk" PRIMARY KEY("release_id","code")
);
--> statement-breakpoint
CREATE TABLE "lm_wages" (
	"release_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"occ_code" text NOT NULL,
	"occ_group" text NOT NULL,
	"occ_title" text NOT NULL,
	"employment" integer,
	"annual_mean" integer,
	"annual_p10" integer,
	"annual_p25" integer,
	"annual_median" integer,
	"annual_p75" integer,
	"annual_p90" integer,
	"hourly_mean" double precision,
	"hourly_p10" double precision,
	"hourly_p25" double precision,
	"hourly_median" double precision,
	"hourly_p75" double precision,
	"hourly_p90" double precision,
	"topcoded" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "lm_wages_release_id_year_occ_code_occ_group_pk" PRIMARY KEY("release_id","year","occ_code","occ_group")
);
--> statement-breakpoint
ALTER TABLE "lm_job_zones" ADD CONSTRAINT "lm_job_zones_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_occupation_ratings" ADD CONSTRAINT "lm_occupation_ratings_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_occupation_technologies" ADD CONSTRAINT "lm_occupation_technologies_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_occupation_titles" ADD CONSTRAINT "lm_occupation_titles_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_occupations" ADD CONSTRAINT "lm_occupations_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_related_occupations" ADD CONSTRAINT "lm_related_occupations_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_technologies" ADD CONSTRAINT "lm_technologies_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_technology_aliases" ADD CONSTRAINT "lm_technology_aliases_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_wage_links" ADD CONSTRAINT "lm_wage_links_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_wages" ADD CONSTRAINT "lm_wages_release_id_labor_market_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."labor_market_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_postings_employer_identifier" ON "job_postings" USING btree ("org_key","external_id");--> statement-breakpoint
CREATE INDEX "job_postings_occupation_idx" ON "job_postings" USING btree ("occupation_code");--> statement-breakpoint
CREATE UNIQUE INDEX "labor_market_releases_one_active" ON "labor_market_releases" USING btree ("status") WHERE "labor_market_releases"."status" = 'active';--> statement-breakpoint
CREATE INDEX "lm_occupation_technologies_tech_idx" ON "lm_occupation_technologies" USING btree ("release_id","technology_slug");--> statement-breakpoint
CREATE INDEX "lm_occupation_titles_norm_idx" ON "lm_occupation_titles" USING btree ("release_id","title_norm");--> statement-breakpoint
CREATE INDEX "lm_technologies_norm_idx" ON "lm_technologies" USING btree ("release_id","name_norm");