CREATE TABLE "meeting_justerare" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"method" text,
	"user_id" uuid,
	"recorded_by" uuid,
	"justerad_on" date,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "meeting_justerare_position_check" CHECK ("meeting_justerare"."position" in (1, 2)),
	CONSTRAINT "meeting_justerare_method_check" CHECK ("meeting_justerare"."method" is null or "meeting_justerare"."method" in ('account','recorded')),
	CONSTRAINT "meeting_justerare_confirmed_check" CHECK (("meeting_justerare"."confirmed_at" is null) = ("meeting_justerare"."method" is null))
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "justering_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_justerare" ADD CONSTRAINT "meeting_justerare_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_justerare" ADD CONSTRAINT "meeting_justerare_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_justerare" ADD CONSTRAINT "meeting_justerare_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_justerare_key" ON "meeting_justerare" USING btree ("meeting_id","seat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_justerare_position_key" ON "meeting_justerare" USING btree ("meeting_id","position");
--> statement-breakpoint
-- Hand-written (keep at merge): justerade minutes are immutable in the database too, whatever the code does.
-- Inserts are not refused here (a restore loads a locked meeting before its decisions); the services refuse them under the meeting's row lock.
CREATE OR REPLACE FUNCTION meetings_locked_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.minutes_approved_at IS NOT NULL AND (
    NEW.minutes_text IS DISTINCT FROM OLD.minutes_text OR NEW.minutes_approved_at IS DISTINCT FROM OLD.minutes_approved_at
    OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.body_id IS DISTINCT FROM OLD.body_id) THEN
    RAISE EXCEPTION 'the minutes of meeting % are justerade and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER meetings_locked_minutes BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_locked_minutes();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION meeting_children_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM meetings WHERE id = m AND minutes_approved_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the minutes of meeting % are justerade: % refused', m, TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_locked BEFORE UPDATE OR DELETE ON meeting_decisions FOR EACH ROW EXECUTE FUNCTION meeting_children_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_locked BEFORE UPDATE OR DELETE ON meeting_attendance FOR EACH ROW EXECUTE FUNCTION meeting_children_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_justerare_locked BEFORE UPDATE OR DELETE ON meeting_justerare FOR EACH ROW EXECUTE FUNCTION meeting_children_locked();
