CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"theme" text,
	"mandate" text DEFAULT '' NOT NULL,
	"parent_body_id" uuid,
	"active_from" date,
	"active_to" date,
	"is_example" boolean DEFAULT false NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bodies_kind_check" CHECK ("bodies"."kind" in ('steering','preparation','working_group','network','local_council','other')),
	CONSTRAINT "bodies_visibility_check" CHECK ("bodies"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "bodies_active_check" CHECK ("bodies"."active_to" is null or "bodies"."active_from" is null or "bodies"."active_to" >= "bodies"."active_from")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"organisation_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"level" text NOT NULL,
	"membership" text DEFAULT 'ordinary' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "seats_role_check" CHECK ("seats"."role" in ('chair','vice_chair','secretary','member','adjunct')),
	CONSTRAINT "seats_level_check" CHECK ("seats"."level" in ('chief','official')),
	CONSTRAINT "seats_membership_check" CHECK ("seats"."membership" in ('ordinary','substitute')),
	CONSTRAINT "seats_visibility_check" CHECK ("seats"."visibility" in ('public','partners','organisation')),
	CONSTRAINT "seats_validity_check" CHECK ("seats"."valid_to" is null or "seats"."valid_to" >= "seats"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "collaboration_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"is_convenor" boolean DEFAULT false NOT NULL,
	"joined_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collaborations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"county_code" char(2),
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "collaborations_period_check" CHECK ("collaborations"."period_end" >= "collaborations"."period_start"),
	CONSTRAINT "collaborations_visibility_check" CHECK ("collaborations"."visibility" in ('public','partners','organisation'))
);
--> statement-breakpoint
CREATE TABLE "compliance_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "compliance_rules_kind_check" CHECK ("compliance_rules"."kind" in ('working_group_official','steering_chief','steering_attendance'))
);
--> statement-breakpoint
CREATE TABLE "declaration_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"adopted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memo_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_signature_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_version_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_on" date,
	"case_number" text,
	"responsible_official" text,
	"memo_date" date,
	"decision_body" text,
	"decision_date" date,
	"decision_paragraph" text,
	"decision_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"signed_on" date,
	"signed_at_meeting_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "party_signatures_status_check" CHECK ("party_signatures"."status" in ('invited','in_preparation','decided','signed','declined','withdrawn')),
	CONSTRAINT "party_signatures_signed_after_decision" CHECK ("party_signatures"."signed_on" is null or "party_signatures"."decision_date" is null or "party_signatures"."signed_on" >= "party_signatures"."decision_date")
);
--> statement-breakpoint
CREATE TABLE "signature_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_signature_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"owner_name" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('open','in_progress','done'))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"presenter" text,
	"planned_minutes" integer,
	"file_id" uuid,
	"action_item_id" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"status" text NOT NULL,
	"substitute_name" text,
	"minutes_contributed" integer DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_status_check" CHECK ("meeting_attendance"."status" in ('present','absent','substitute_present')),
	CONSTRAINT "meeting_attendance_minutes_check" CHECK ("meeting_attendance"."minutes_contributed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"paragraph" integer NOT NULL,
	"title" text NOT NULL,
	"decision_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_distribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid,
	"recipient" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"email" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes_text" text DEFAULT '' NOT NULL,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('ordinary','extra','decision','workshop')),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned','held','cancelled')),
	CONSTRAINT "meetings_time_check" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_parent_body_id_bodies_id_fk" FOREIGN KEY ("parent_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_parties" ADD CONSTRAINT "collaboration_parties_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_parties" ADD CONSTRAINT "collaboration_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD CONSTRAINT "compliance_rules_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_versions" ADD CONSTRAINT "declaration_versions_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_versions" ADD CONSTRAINT "declaration_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memo_drafts" ADD CONSTRAINT "memo_drafts_party_signature_id_party_signatures_id_fk" FOREIGN KEY ("party_signature_id") REFERENCES "public"."party_signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_signatures" ADD CONSTRAINT "party_signatures_declaration_version_id_declaration_versions_id_fk" FOREIGN KEY ("declaration_version_id") REFERENCES "public"."declaration_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_signatures" ADD CONSTRAINT "party_signatures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_attachments" ADD CONSTRAINT "signature_attachments_party_signature_id_party_signatures_id_fk" FOREIGN KEY ("party_signature_id") REFERENCES "public"."party_signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_attachments" ADD CONSTRAINT "signature_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_distribution" ADD CONSTRAINT "meeting_distribution_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_distribution" ADD CONSTRAINT "meeting_distribution_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bodies_collaboration_idx" ON "bodies" USING btree ("collaboration_id");--> statement-breakpoint
CREATE INDEX "people_organisation_idx" ON "people" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "seats_body_idx" ON "seats" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "seats_person_idx" ON "seats" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "seats_organisation_idx" ON "seats" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_parties_key" ON "collaboration_parties" USING btree ("collaboration_id","organisation_id");--> statement-breakpoint
CREATE INDEX "collaboration_parties_org_idx" ON "collaboration_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaborations_code_key" ON "collaborations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_rules_key" ON "compliance_rules" USING btree ("collaboration_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_versions_key" ON "declaration_versions" USING btree ("collaboration_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "memo_drafts_signature_key" ON "memo_drafts" USING btree ("party_signature_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_signatures_key" ON "party_signatures" USING btree ("declaration_version_id","organisation_id");--> statement-breakpoint
CREATE INDEX "signature_attachments_signature_idx" ON "signature_attachments" USING btree ("party_signature_id");--> statement-breakpoint
CREATE INDEX "action_items_body_status_idx" ON "action_items" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_key" ON "meeting_attendance" USING btree ("meeting_id","seat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_paragraph_key" ON "meeting_decisions" USING btree ("body_id","year","paragraph");--> statement-breakpoint
CREATE INDEX "meeting_distribution_meeting_idx" ON "meeting_distribution" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitations_key" ON "meeting_invitations" USING btree ("meeting_id","seat_id");--> statement-breakpoint
CREATE INDEX "meetings_body_starts_idx" ON "meetings" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "files_organisation_idx" ON "files" USING btree ("organisation_id");