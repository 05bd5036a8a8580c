CREATE TABLE "follow_up_item_states" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"entry_count" integer NOT NULL,
	"latest_status" text NOT NULL,
	"latest_period_end" date NOT NULL,
	"last_entry_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_item_states_status_check" CHECK ("follow_up_item_states"."latest_status" in ('not_started','on_track','at_risk','deviation','done')),
	CONSTRAINT "follow_up_item_states_count_check" CHECK ("follow_up_item_states"."entry_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "follow_up_plan_periods" (
	"plan_id" uuid NOT NULL,
	"period_end" date NOT NULL,
	"entry_count" integer NOT NULL,
	CONSTRAINT "follow_up_plan_periods_plan_id_period_end_pk" PRIMARY KEY("plan_id","period_end")
);
--> statement-breakpoint
CREATE TABLE "follow_up_plan_states" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"reported_items" integer NOT NULL,
	"not_started" integer NOT NULL,
	"on_track" integer NOT NULL,
	"at_risk" integer NOT NULL,
	"deviation" integer NOT NULL,
	"done" integer NOT NULL,
	"entry_count" integer NOT NULL,
	"last_entry_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_item_states" ADD CONSTRAINT "follow_up_item_states_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_item_states" ADD CONSTRAINT "follow_up_item_states_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_plan_periods" ADD CONSTRAINT "follow_up_plan_periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_plan_states" ADD CONSTRAINT "follow_up_plan_states_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_item_states_plan_idx" ON "follow_up_item_states" USING btree ("plan_id");--> statement-breakpoint
-- Hand-written: fill the dashboard's sums from the entries that exist (the statements of follow-up.repo.ts, for everything).
insert into follow_up_item_states (item_id, plan_id, entry_count, latest_status, latest_period_end, last_entry_at)
  select e.item_id, i.plan_id, count(*)::int, (array_agg(e.status order by e.period_end desc, e.updated_at desc))[1], max(e.period_end),
    max(greatest(e.submitted_at, e.updated_at))
  from follow_up_entries e join plan_items i on i.id = e.item_id
  group by e.item_id, i.plan_id;
--> statement-breakpoint
insert into follow_up_plan_states (plan_id, reported_items, not_started, on_track, at_risk, deviation, done, entry_count, last_entry_at)
  select st.plan_id, count(*)::int, count(*) filter (where st.latest_status = 'not_started')::int, count(*) filter (where st.latest_status = 'on_track')::int,
    count(*) filter (where st.latest_status = 'at_risk')::int, count(*) filter (where st.latest_status = 'deviation')::int,
    count(*) filter (where st.latest_status = 'done')::int, sum(st.entry_count)::int, max(st.last_entry_at)
  from follow_up_item_states st
  group by st.plan_id;
--> statement-breakpoint
insert into follow_up_plan_periods (plan_id, period_end, entry_count)
  select i.plan_id, e.period_end, count(*)::int
  from follow_up_entries e join plan_items i on i.id = e.item_id
  group by i.plan_id, e.period_end;
--> statement-breakpoint
-- The home page's to-do lists (decision 010) read these for the county's overdue count: writes here NOTIFY 'work'.
CREATE TRIGGER follow_up_item_states_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_item_states
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER follow_up_plan_states_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_plan_states
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER follow_up_plan_periods_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_plan_periods
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
