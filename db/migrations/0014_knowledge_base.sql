CREATE TABLE "area_populations" (
	"municipality_code" char(4) NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"source" text DEFAULT 'SCB' NOT NULL,
	CONSTRAINT "area_populations_municipality_code_year_pk" PRIMARY KEY("municipality_code","year"),
	CONSTRAINT "area_populations_positive_check" CHECK ("area_populations"."population" > 0)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"attribution" text NOT NULL,
	"source_url" text,
	"geography_level" text NOT NULL,
	"period_type" text NOT NULL,
	"breakdowns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"has_per_capita" boolean DEFAULT false NOT NULL,
	"higher_is_better" boolean DEFAULT false NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicators_unit_check" CHECK ("indicators"."unit" in ('count','per_100000','percent','index','mean')),
	CONSTRAINT "indicators_geography_check" CHECK ("indicators"."geography_level" in ('country','county','municipality','police_area','deso','own_area')),
	CONSTRAINT "indicators_period_type_check" CHECK ("indicators"."period_type" in ('year','tertial','quarter','month')),
	CONSTRAINT "indicators_key_format_check" CHECK ("indicators"."key" ~ '^[a-z0-9][a-z0-9_]{1,62}$')
);
--> statement-breakpoint
CREATE TABLE "observation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_imports_format_check" CHECK ("observation_imports"."format" in ('bra','bra_wide','ntu','long','seed'))
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"period" text NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"value" double precision,
	"suppressed" boolean DEFAULT false NOT NULL,
	"base_n" integer,
	"ci_low" double precision,
	"ci_high" double precision,
	"preliminary" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_suppressed_check" CHECK (("observations"."suppressed" and "observations"."value" is null) or (not "observations"."suppressed" and "observations"."value" is not null)),
	CONSTRAINT "observations_interval_check" CHECK ("observations"."ci_low" is null or "observations"."ci_high" is null or "observations"."ci_low" <= "observations"."ci_high")
);
--> statement-breakpoint
CREATE TABLE "situation_report_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"problem_item_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"victim_causes" text DEFAULT '' NOT NULL,
	"offender_causes" text DEFAULT '' NOT NULL,
	"place_causes" text DEFAULT '' NOT NULL,
	"event_chain" text DEFAULT '' NOT NULL,
	CONSTRAINT "situation_report_problems_priority_check" CHECK ("situation_report_problems"."priority" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "situation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" char(4) NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mapping_text" text DEFAULT '' NOT NULL,
	"other_information" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"adopted_paragraph" text,
	"review_interval_months" integer DEFAULT 24 NOT NULL,
	"next_review_due" date,
	"visibility" text DEFAULT 'partners' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "situation_reports_status_check" CHECK ("situation_reports"."status" in ('draft','adopted')),
	CONSTRAINT "situation_reports_visibility_check" CHECK ("situation_reports"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "situation_reports_period_check" CHECK ("situation_reports"."period_end" >= "situation_reports"."period_start"),
	CONSTRAINT "situation_reports_interval_check" CHECK ("situation_reports"."review_interval_months" between 1 and 120),
	CONSTRAINT "situation_reports_adoption_check" CHECK ("situation_reports"."status" = 'draft' or ("situation_reports"."adopted_by" is not null and "situation_reports"."adopted_on" is not null and "situation_reports"."next_review_due" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_area_sums" (
	"survey_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"question_key" text NOT NULL,
	"sex" text NOT NULL,
	"n" integer NOT NULL,
	"sum_w" double precision NOT NULL,
	"sum_wy" double precision NOT NULL,
	"sum_w2" double precision NOT NULL,
	"sum_w2y" double precision NOT NULL,
	CONSTRAINT "survey_area_sums_survey_id_area_code_year_question_key_sex_pk" PRIMARY KEY("survey_id","area_code","year","question_key","sex")
);
--> statement-breakpoint
CREATE TABLE "survey_cell_sums" (
	"import_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"municipality_code" char(4) NOT NULL,
	"year" integer NOT NULL,
	"question_key" text NOT NULL,
	"sex" text NOT NULL,
	"age_group" text DEFAULT '' NOT NULL,
	"n" integer NOT NULL,
	"sum_w" double precision NOT NULL,
	"sum_wy" double precision NOT NULL,
	"sum_w2" double precision NOT NULL,
	"sum_w2y" double precision NOT NULL,
	CONSTRAINT "survey_cell_sums_import_id_area_code_year_question_key_sex_age_group_pk" PRIMARY KEY("import_id","area_code","year","question_key","sex","age_group"),
	CONSTRAINT "survey_cell_sums_sex_check" CHECK ("survey_cell_sums"."sex" in ('kvinna','man','annat','uppgift_saknas')),
	CONSTRAINT "survey_cell_sums_n_check" CHECK ("survey_cell_sums"."n" > 0 and "survey_cell_sums"."sum_w" > 0)
);
--> statement-breakpoint
CREATE TABLE "survey_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"respondents" integer NOT NULL,
	"answers" integer NOT NULL,
	"years" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"answers" jsonb NOT NULL,
	"reported" jsonb NOT NULL,
	"reported_label" text DEFAULT 'trygga' NOT NULL,
	"place_type" text,
	"time_of_day" text,
	CONSTRAINT "survey_questions_key_format_check" CHECK ("survey_questions"."key" ~ '^[a-z][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'own' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"county_code" char(2) NOT NULL,
	"attribution" text NOT NULL,
	"areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suppression_threshold" integer DEFAULT 10 NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "surveys_kind_check" CHECK ("surveys"."kind" in ('medborgarenkat','trygghetsmatning','own')),
	CONSTRAINT "surveys_visibility_check" CHECK ("surveys"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "surveys_threshold_check" CHECK ("surveys"."suppression_threshold" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "background_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"organisation_id" uuid,
	"subject_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"input" "bytea",
	"input_name" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "background_tasks_status_check" CHECK ("background_tasks"."status" in ('queued','running','done','failed'))
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_imports" ADD CONSTRAINT "observation_imports_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_observation_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."observation_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_report_problems" ADD CONSTRAINT "situation_report_problems_report_id_situation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."situation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_report_problems" ADD CONSTRAINT "situation_report_problems_problem_item_id_plan_items_id_fk" FOREIGN KEY ("problem_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_reports" ADD CONSTRAINT "situation_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "situation_reports" ADD CONSTRAINT "situation_reports_previous_id_situation_reports_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."situation_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_area_sums" ADD CONSTRAINT "survey_area_sums_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_cell_sums" ADD CONSTRAINT "survey_cell_sums_import_id_survey_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."survey_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_imports" ADD CONSTRAINT "survey_imports_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_key_key" ON "indicators" USING btree ("key");--> statement-breakpoint
CREATE INDEX "observation_imports_indicator_idx" ON "observation_imports" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_cell_key" ON "observations" USING btree ("indicator_id","area_code","period","breakdown");--> statement-breakpoint
CREATE INDEX "observations_area_idx" ON "observations" USING btree ("area_code","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "situation_report_problems_key" ON "situation_report_problems" USING btree ("report_id","problem_item_id");--> statement-breakpoint
CREATE INDEX "situation_report_problems_item_idx" ON "situation_report_problems" USING btree ("problem_item_id");--> statement-breakpoint
CREATE INDEX "situation_reports_organisation_idx" ON "situation_reports" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "situation_reports_revision_key" ON "situation_reports" USING btree ("organisation_id","period_start","revision");--> statement-breakpoint
CREATE INDEX "survey_cell_sums_municipality_idx" ON "survey_cell_sums" USING btree ("survey_id","municipality_code","year","question_key");--> statement-breakpoint
CREATE INDEX "survey_imports_survey_idx" ON "survey_imports" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_imports_file_key" ON "survey_imports" USING btree ("survey_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_key" ON "survey_questions" USING btree ("survey_id","key");--> statement-breakpoint
CREATE INDEX "surveys_organisation_idx" ON "surveys" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "surveys_county_idx" ON "surveys" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "background_tasks_creator_idx" ON "background_tasks" USING btree ("created_by","created_at");--> statement-breakpoint
-- Hand-written: an adopted lägesbild is what the municipality decided; it is never changed or removed
-- (a new revision starts as a copy). Its prioritised problems are part of it and are final with it.
CREATE FUNCTION situation_reports_adopted_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'adopted' THEN
    RAISE EXCEPTION 'an adopted lägesbild cannot be changed or removed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER situation_reports_final BEFORE UPDATE OR DELETE ON situation_reports
  FOR EACH ROW EXECUTE FUNCTION situation_reports_adopted_are_final();
--> statement-breakpoint
CREATE FUNCTION situation_report_problems_follow_their_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM situation_reports r WHERE r.id = COALESCE(OLD.report_id, NEW.report_id) AND r.status = 'adopted')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM situation_reports r WHERE r.id = NEW.report_id AND r.status = 'adopted')) THEN
    RAISE EXCEPTION 'the problems of an adopted lägesbild cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER situation_report_problems_final BEFORE INSERT OR UPDATE OR DELETE ON situation_report_problems
  FOR EACH ROW EXECUTE FUNCTION situation_report_problems_follow_their_report();
