-- Hand-written: the home page's to-do lists are cached per user (decision 010). Every write to the tables
-- they are made of NOTIFYs 'work' once its transaction commits, by any path (services, CLI, restore, psql);
-- every instance LISTENs and forgets its to-do lists. One notification per statement, not per row.
CREATE TRIGGER collaborations_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON collaborations
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER collaboration_parties_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON collaboration_parties
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER bodies_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bodies
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER people_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER seats_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON seats
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER declaration_versions_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON declaration_versions
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER party_signatures_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER compliance_rules_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON compliance_rules
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER meetings_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_attendance
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
--> statement-breakpoint
CREATE TRIGGER meeting_justerare_notify_work AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_justerare
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('work');
