CREATE TABLE "body_convenors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "body_convenors_validity_check" CHECK ("body_convenors"."valid_to" is null or "body_convenors"."valid_to" >= "body_convenors"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "municipal_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"chair" text,
	"members" text,
	"meeting_rhythm" text,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "municipal_bodies_kind_check" CHECK ("municipal_bodies"."kind" in ('management_group','local_bra','safety_council','other'))
);
--> statement-breakpoint
CREATE TABLE "municipal_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"coordination_role" text,
	"coordination_person" text,
	"coordination_since" date,
	"show_sketch" boolean DEFAULT true NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "body_convenors" ADD CONSTRAINT "body_convenors_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_convenors" ADD CONSTRAINT "body_convenors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_bodies" ADD CONSTRAINT "municipal_bodies_model_id_municipal_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."municipal_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_bodies" ADD CONSTRAINT "municipal_bodies_parent_id_municipal_bodies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."municipal_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_models" ADD CONSTRAINT "municipal_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_convenors_body_idx" ON "body_convenors" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "municipal_bodies_model_idx" ON "municipal_bodies" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_models_organisation_key" ON "municipal_models" USING btree ("organisation_id");