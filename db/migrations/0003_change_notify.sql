-- In-process caches (sessions with their roles, reference data) learn of changes from the database itself:
-- every write to these tables, by any path (services, CLI, psql), NOTIFYs tillsammans_changes when its
-- transaction commits, and every instance LISTENs (decision 006). Payloads: 'user:<uuid>' (that user's
-- sessions, account or roles changed), 'reference' (organisations, counties, municipalities), 'all'.
-- A session's "last seen" moving forward notifies nothing: it happens all the time and ends no access;
-- moving it back (or changing the expiry) can end the session, so that notifies.
CREATE OR REPLACE FUNCTION tillsammans_notify_account() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tillsammans_changes', 'user:' || OLD.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tillsammans_notify_user_of_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('tillsammans_changes', 'user:' || OLD.user_id::text);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('tillsammans_changes', 'user:' || NEW.user_id::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tillsammans_notify_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tillsammans_changes', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION tillsammans_notify_account();
--> statement-breakpoint
CREATE TRIGGER role_grants_notify AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION tillsammans_notify_user_of_row();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION tillsammans_notify_user_of_row();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions
  FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.user_id IS DISTINCT FROM NEW.user_id
        OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION tillsammans_notify_user_of_row();
--> statement-breakpoint
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('all');
--> statement-breakpoint
CREATE TRIGGER role_grants_notify_truncate AFTER TRUNCATE ON role_grants
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('all');
--> statement-breakpoint
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('all');
--> statement-breakpoint
CREATE TRIGGER organisations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('reference');
--> statement-breakpoint
CREATE TRIGGER counties_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON counties
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('reference');
--> statement-breakpoint
CREATE TRIGGER municipalities_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION tillsammans_notify_statement('reference');
