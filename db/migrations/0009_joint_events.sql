CREATE TABLE "joint_event_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"joint_event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_level" text,
	"answer" text DEFAULT 'no_answer' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"answered_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "joint_event_parties_answer_check" CHECK ("joint_event_parties"."answer" in ('no_answer','attends','declines'))
);
--> statement-breakpoint
CREATE TABLE "joint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"place" text DEFAULT '' NOT NULL,
	"invited_level" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"invitation_file_id" uuid,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "joint_events_kind_check" CHECK ("joint_events"."kind" in ('decision_meeting','signing')),
	CONSTRAINT "joint_events_time_check" CHECK ("joint_events"."end_time" is null or "joint_events"."start_time" is null or "joint_events"."end_time" > "joint_events"."start_time")
);
--> statement-breakpoint
ALTER TABLE "party_signatures" ADD COLUMN "signed_at_event_id" uuid;--> statement-breakpoint
ALTER TABLE "joint_event_parties" ADD CONSTRAINT "joint_event_parties_joint_event_id_joint_events_id_fk" FOREIGN KEY ("joint_event_id") REFERENCES "public"."joint_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_parties" ADD CONSTRAINT "joint_event_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_events" ADD CONSTRAINT "joint_events_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_events" ADD CONSTRAINT "joint_events_invitation_file_id_files_id_fk" FOREIGN KEY ("invitation_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_events" ADD CONSTRAINT "joint_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "joint_event_parties_key" ON "joint_event_parties" USING btree ("joint_event_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_events_key" ON "joint_events" USING btree ("collaboration_id","kind","event_date");--> statement-breakpoint
ALTER TABLE "party_signatures" ADD CONSTRAINT "party_signatures_signed_at_event_id_joint_events_id_fk" FOREIGN KEY ("signed_at_event_id") REFERENCES "public"."joint_events"("id") ON DELETE no action ON UPDATE no action;