CREATE TABLE "law_tracker_settings" (
	"county_code" char(2) PRIMARY KEY NOT NULL,
	"review_interval_months" integer DEFAULT 24 NOT NULL,
	"warn_months" integer DEFAULT 3 NOT NULL,
	"action_plan_deadline" date DEFAULT '2024-07-01' NOT NULL,
	"deciding_body" text DEFAULT 'Kommunstyrelsen' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "law_tracker_settings_interval_check" CHECK ("law_tracker_settings"."review_interval_months" between 1 and 120),
	CONSTRAINT "law_tracker_settings_warn_check" CHECK ("law_tracker_settings"."warn_months" between 0 and 24)
);
--> statement-breakpoint
CREATE TABLE "method_contacts" (
	"method_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"since_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "method_contacts_method_id_organisation_id_pk" PRIMARY KEY("method_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"problem_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"cause_sides" text[] DEFAULT '{}'::text[] NOT NULL,
	"effect_level" text DEFAULT 'unknown' NOT NULL,
	"effect_text" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_url" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "methods_status_check" CHECK ("methods"."status" in ('proposed','curated','declined')),
	CONSTRAINT "methods_effect_check" CHECK ("methods"."effect_level" in ('documented','promising','mixed','unknown','none')),
	CONSTRAINT "methods_sides_check" CHECK ("methods"."cause_sides" <@ array['victim','offender','place']::text[])
);
--> statement-breakpoint
CREATE TABLE "plan_item_methods" (
	"plan_item_id" uuid NOT NULL,
	"method_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_item_methods_plan_item_id_method_id_pk" PRIMARY KEY("plan_item_id","method_id")
);
--> statement-breakpoint
CREATE TABLE "work_process_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"police_area_id" uuid NOT NULL,
	"check_key" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"evidence_url" text,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_process_checks_state_check" CHECK ("work_process_checks"."state" in ('open','done','not_applicable')),
	CONSTRAINT "work_process_checks_done_check" CHECK ("work_process_checks"."state" <> 'done' or "work_process_checks"."done_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "support_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"minutes" integer,
	"participants" integer,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_activities_kind_check" CHECK ("support_activities"."kind" in ('meeting','training','advice','other')),
	CONSTRAINT "support_activities_minutes_check" CHECK ("support_activities"."minutes" is null or "support_activities"."minutes" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "yearly_report_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"section_key" text,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yearly_report_sections" (
	"report_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "yearly_report_sections_report_id_section_key_pk" PRIMARY KEY("report_id","section_key")
);
--> statement-breakpoint
CREATE TABLE "yearly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"scope" text DEFAULT 'year' NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"adopted_paragraph" text,
	"snapshot" jsonb,
	"visibility" text DEFAULT 'partners' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "yearly_reports_kind_check" CHECK ("yearly_reports"."kind" in ('follow_up','bra')),
	CONSTRAINT "yearly_reports_scope_check" CHECK ("yearly_reports"."scope" in ('year','period')),
	CONSTRAINT "yearly_reports_status_check" CHECK ("yearly_reports"."status" in ('draft','review','adopted')),
	CONSTRAINT "yearly_reports_visibility_check" CHECK ("yearly_reports"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "yearly_reports_year_check" CHECK ("yearly_reports"."year" between 2000 and 2100),
	CONSTRAINT "yearly_reports_adoption_check" CHECK ("yearly_reports"."status" <> 'adopted' or ("yearly_reports"."adopted_by" is not null and "yearly_reports"."adopted_on" is not null and "yearly_reports"."snapshot" is not null))
);
--> statement-breakpoint
ALTER TABLE "law_tracker_settings" ADD CONSTRAINT "law_tracker_settings_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "method_contacts" ADD CONSTRAINT "method_contacts_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "method_contacts" ADD CONSTRAINT "method_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methods" ADD CONSTRAINT "methods_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_methods" ADD CONSTRAINT "plan_item_methods_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_methods" ADD CONSTRAINT "plan_item_methods_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_process_checks" ADD CONSTRAINT "work_process_checks_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_process_checks" ADD CONSTRAINT "work_process_checks_police_area_id_organisations_id_fk" FOREIGN KEY ("police_area_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_process_checks" ADD CONSTRAINT "work_process_checks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_report_comments" ADD CONSTRAINT "yearly_report_comments_report_id_yearly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."yearly_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_report_comments" ADD CONSTRAINT "yearly_report_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_report_comments" ADD CONSTRAINT "yearly_report_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_report_sections" ADD CONSTRAINT "yearly_report_sections_report_id_yearly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."yearly_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_report_sections" ADD CONSTRAINT "yearly_report_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "methods_slug_key" ON "methods" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "plan_item_methods_method_idx" ON "plan_item_methods" USING btree ("method_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_process_checks_key" ON "work_process_checks" USING btree ("municipality_id","police_area_id","check_key");--> statement-breakpoint
CREATE INDEX "work_process_checks_police_idx" ON "work_process_checks" USING btree ("police_area_id");--> statement-breakpoint
CREATE INDEX "support_activities_organisation_idx" ON "support_activities" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "yearly_report_comments_report_idx" ON "yearly_report_comments" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "yearly_reports_key" ON "yearly_reports" USING btree ("collaboration_id","kind","year","scope");--> statement-breakpoint
-- Hand-written: an adopted yearly report is the archived version; it and its sections and comments
-- are never changed or removed afterwards (issue 10 §4).
CREATE FUNCTION yearly_reports_adopted_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'adopted' THEN
    RAISE EXCEPTION 'an adopted yearly report cannot be changed or removed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER yearly_reports_final BEFORE UPDATE OR DELETE ON yearly_reports
  FOR EACH ROW EXECUTE FUNCTION yearly_reports_adopted_are_final();
--> statement-breakpoint
CREATE FUNCTION yearly_report_parts_follow_their_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM yearly_reports r WHERE r.id = COALESCE(NEW.report_id, OLD.report_id) AND r.status = 'adopted')
     OR (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM yearly_reports r WHERE r.id = OLD.report_id AND r.status = 'adopted')) THEN
    RAISE EXCEPTION 'the parts of an adopted yearly report cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER yearly_report_sections_final BEFORE INSERT OR UPDATE OR DELETE ON yearly_report_sections
  FOR EACH ROW EXECUTE FUNCTION yearly_report_parts_follow_their_report();
--> statement-breakpoint
CREATE TRIGGER yearly_report_comments_final BEFORE INSERT OR UPDATE OR DELETE ON yearly_report_comments
  FOR EACH ROW EXECUTE FUNCTION yearly_report_parts_follow_their_report();
