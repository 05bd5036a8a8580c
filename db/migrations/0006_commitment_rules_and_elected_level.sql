ALTER TABLE "seats" DROP CONSTRAINT "seats_level_check";--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD COLUMN "party_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD COLUMN "applies_from" date;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD COLUMN "deadline_mode" text DEFAULT 'period_end' NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD COLUMN "deadline_months" integer;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD COLUMN "source_quote" text;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_level_check" CHECK ("seats"."level" in ('elected','chief','official'));--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD CONSTRAINT "compliance_rules_deadline_mode_check" CHECK ("compliance_rules"."deadline_mode" in ('period_end','months_after_signature','immediate'));--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD CONSTRAINT "compliance_rules_deadline_months_check" CHECK (("compliance_rules"."deadline_mode" = 'months_after_signature') = ("compliance_rules"."deadline_months" is not null) and ("compliance_rules"."deadline_months" is null or "compliance_rules"."deadline_months" between 1 and 120));--> statement-breakpoint
-- Hand-written: the rules seeded before rules became data get ÖTMB's configuration (issue 6 A2–A3):
-- the working group and the chief in the styrgrupp apply to municipalities, each quoting the sentence
-- it rests on; attendance at the styrgrupp is not in the declaration and is switched off.
UPDATE "compliance_rules" SET "party_kinds" = '{municipality}', "source_quote" = 'Kommunen förbinder sig i och med undertecknandet också att en tjänsteperson medverkar i minst en arbetsgrupp under denna period.'
  WHERE "kind" = 'working_group_official' AND "collaboration_id" IN (SELECT "id" FROM "collaborations" WHERE "code" = 'otmb');--> statement-breakpoint
UPDATE "compliance_rules" SET "party_kinds" = '{municipality}', "deadline_mode" = 'immediate', "source_quote" = 'Programförklaringen medför i sig inte någon kostnad för kommunen utöver den arbetstid som åtgår för utsedd representant på chefsnivå att delta i styrgruppsmöten …'
  WHERE "kind" = 'steering_chief' AND "collaboration_id" IN (SELECT "id" FROM "collaborations" WHERE "code" = 'otmb');--> statement-breakpoint
UPDATE "compliance_rules" SET "enabled" = false, "deadline_mode" = 'immediate' WHERE "kind" = 'steering_attendance' AND "collaboration_id" IN (SELECT "id" FROM "collaborations" WHERE "code" = 'otmb');
