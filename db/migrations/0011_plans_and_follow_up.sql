CREATE TABLE "follow_up_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"output_value" numeric(12, 2),
	"output_unit" text,
	"minutes_spent" integer,
	"progress_percent" integer,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_entries_status_check" CHECK ("follow_up_entries"."status" in ('not_started','on_track','at_risk','deviation','done')),
	CONSTRAINT "follow_up_entries_period_check" CHECK ("follow_up_entries"."period_end" >= "follow_up_entries"."period_start"),
	CONSTRAINT "follow_up_entries_progress_check" CHECK ("follow_up_entries"."progress_percent" is null or "follow_up_entries"."progress_percent" between 0 and 100),
	CONSTRAINT "follow_up_entries_minutes_check" CHECK ("follow_up_entries"."minutes_spent" is null or "follow_up_entries"."minutes_spent" between 0 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "follow_up_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_summaries_status_check" CHECK ("follow_up_summaries"."status" in ('draft','published'))
);
--> statement-breakpoint
CREATE TABLE "plan_item_links" (
	"item_id" uuid NOT NULL,
	"linked_item_id" uuid NOT NULL,
	CONSTRAINT "plan_item_links_item_id_linked_item_id_pk" PRIMARY KEY("item_id","linked_item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"promisor" text,
	"places" text,
	"operative_goal" text,
	"starts_on" date,
	"ends_on" date,
	"responsible_organisation_id" uuid,
	"responsible_person" text,
	"follow_up_method" text,
	"measure_type" text,
	"measure_nature" text,
	"target_comparator" text,
	"target_value" numeric(12, 2),
	"target_unit" text,
	"cadence" text DEFAULT 'monthly' NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_items_kind_check" CHECK ("plan_items"."kind" in ('goal','focus_area','activity','problem','cause','measure','promise')),
	CONSTRAINT "plan_items_cadence_check" CHECK ("plan_items"."cadence" in ('monthly','quarterly','tertial','half_year')),
	CONSTRAINT "plan_items_promisor_check" CHECK ("plan_items"."promisor" is null or "plan_items"."promisor" in ('police','municipality','joint')),
	CONSTRAINT "plan_items_measure_type_check" CHECK ("plan_items"."measure_type" is null or "plan_items"."measure_type" in ('situational','social')),
	CONSTRAINT "plan_items_measure_nature_check" CHECK ("plan_items"."measure_nature" is null or "plan_items"."measure_nature" in ('one_off','ordinary')),
	CONSTRAINT "plan_items_target_check" CHECK ("plan_items"."target_comparator" is null or "plan_items"."target_comparator" in ('at_least','exactly','at_most')),
	CONSTRAINT "plan_items_weight_check" CHECK ("plan_items"."weight" between 1 and 100),
	CONSTRAINT "plan_items_dates_check" CHECK ("plan_items"."ends_on" is null or "plan_items"."starts_on" is null or "plan_items"."ends_on" >= "plan_items"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"collaboration_id" uuid,
	"organisation_id" uuid NOT NULL,
	"partner_organisation_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"adopted_paragraph" text,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_days" integer DEFAULT 10 NOT NULL,
	"published_at" timestamp with time zone,
	"visibility" text DEFAULT 'partners' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" in ('county_strategy','operational_plan','local_agreement','action_plan','citizen_promise')),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft','adopted','published')),
	CONSTRAINT "plans_visibility_check" CHECK ("plans"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "plans_period_check" CHECK ("plans"."period_end" >= "plans"."period_start"),
	CONSTRAINT "plans_due_days_check" CHECK ("plans"."due_days" between 0 and 90)
);
--> statement-breakpoint
ALTER TABLE "follow_up_entries" ADD CONSTRAINT "follow_up_entries_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_entries" ADD CONSTRAINT "follow_up_entries_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_entries" ADD CONSTRAINT "follow_up_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_summaries" ADD CONSTRAINT "follow_up_summaries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_links" ADD CONSTRAINT "plan_item_links_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_links" ADD CONSTRAINT "plan_item_links_linked_item_id_plan_items_id_fk" FOREIGN KEY ("linked_item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_parent_id_plan_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_entries_item_period_key" ON "follow_up_entries" USING btree ("item_id","period_key");--> statement-breakpoint
CREATE INDEX "follow_up_entries_period_idx" ON "follow_up_entries" USING btree ("period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_summaries_revision_key" ON "follow_up_summaries" USING btree ("plan_id","period_key","revision");--> statement-breakpoint
CREATE INDEX "plan_item_links_linked_idx" ON "plan_item_links" USING btree ("linked_item_id");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_external_key" ON "plan_items" USING btree ("plan_id","external_id");--> statement-breakpoint
CREATE INDEX "plans_organisation_idx" ON "plans" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plans_partner_idx" ON "plans" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE INDEX "plans_collaboration_idx" ON "plans" USING btree ("collaboration_id");--> statement-breakpoint
-- Hand-written: a published summary is what the public was told; it is never changed or removed
-- (editing again starts the next revision). By any path, not only the service.
CREATE FUNCTION follow_up_summaries_published_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'a published follow-up summary cannot be changed or removed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER follow_up_summaries_final BEFORE UPDATE OR DELETE ON follow_up_summaries
  FOR EACH ROW EXECUTE FUNCTION follow_up_summaries_published_are_final();
--> statement-breakpoint
-- The home page's to-do lists (decision 010) include follow-ups that are due: writes here NOTIFY 'work'.
CREATE TRIGGER plans_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER plan_items_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_items
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER follow_up_entries_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_entries
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER follow_up_summaries_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_summaries
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
