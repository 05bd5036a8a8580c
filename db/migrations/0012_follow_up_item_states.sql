CREATE TABLE "follow_up_item_states" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"entry_count" integer NOT NULL,
	"latest_status" text NOT NULL,
	"latest_period_end" date NOT NULL,
	"last_entry_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_item_states_status_check" CHECK ("follow_up_item_states"."latest_status" in ('not_started','on_track','at_risk','deviation','done')),
	CONSTRAINT "follow_up_item_states_count_check" CHECK ("follow_up_item_states"."entry_count" > 0)
);
--> statement-breakpoint
ALTER TABLE "follow_up_item_states" ADD CONSTRAINT "follow_up_item_states_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_entries_item_period_end_idx" ON "follow_up_entries" USING btree ("item_id","period_end");--> statement-breakpoint
-- Hand-written: fill the states from the entries that exist (the same statement as follow-up.repo.ts rebuildItemStates).
insert into follow_up_item_states (item_id, entry_count, latest_status, latest_period_end, last_entry_at)
  select e.item_id, count(*)::int, (array_agg(e.status order by e.period_end desc, e.updated_at desc))[1], max(e.period_end),
    max(greatest(e.submitted_at, e.updated_at))
  from follow_up_entries e group by e.item_id;
--> statement-breakpoint
-- The home page's to-do lists (decision 010) read the states for the county's overdue count: writes here NOTIFY 'work'.
CREATE TRIGGER follow_up_item_states_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_item_states
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
