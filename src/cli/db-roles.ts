/**
 * Database roles for production (issue 7 A7): the application must not own the audit table, or
 * whoever holds its password could disable the append-only trigger and rewrite history.
 *
 * - `tillsammans_owner` owns the tables and runs the migrations (`migrate`, `seed`, `restore`).
 * - `tillsammans_app` is what the server connects as: SELECT, INSERT, UPDATE, DELETE on the ordinary
 *   tables, only SELECT and INSERT on `audit_events`, no TRUNCATE, no REFERENCES or TRIGGER, and owns
 *   nothing in `public`. It owns only the job queue's schema (`pgboss`), which pg-boss creates on
 *   first start and extends with partitions at runtime.
 */
export interface RoleNames {
  owner: string
  app: string
}

export const DEFAULT_ROLES: RoleNames = { owner: 'tillsammans_owner', app: 'tillsammans_app' }

const NAME = /^[a-z_][a-z0-9_]{0,62}$/

export function checkRoleName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a plain role name: ${name}`)
  return name
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`

/**
 * Privileges of the application role on what the owner has made. The owner (or a superuser) can run
 * it again at any time; `migrate` does so after applying migrations when the roles exist.
 */
export function grantsSql({ owner, app }: RoleNames): string {
  checkRoleName(owner)
  checkRoleName(app)
  return `GRANT USAGE ON SCHEMA public TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
-- The audit trail: read and append, nothing else.
REVOKE ALL ON TABLE audit_events FROM ${app};
GRANT SELECT, INSERT ON TABLE audit_events TO ${app};
-- Tables that later migrations create get the ordinary rights at once.
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
`
}

/**
 * The whole set-up, for a superuser connected to the application's (already migrated) database:
 * roles, ownership of everything in `public` to the owner role, and the application's privileges.
 * Idempotent: running it again changes nothing. Passwords are optional (peer or certificate
 * authentication needs none); without them the roles are created without a password.
 */
export function rolesSql(database: string, roles: RoleNames, passwords: { owner?: string; app?: string } = {}): string {
  const { owner, app } = { owner: checkRoleName(roles.owner), app: checkRoleName(roles.app) }
  const db = ident(database)
  const password = (role: string, value?: string) => (value ? `ALTER ROLE ${role} PASSWORD ${literal(value)};\n` : '')
  return `-- Tillsammans: database roles. Run as a superuser, connected to the application's database.
BEGIN;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(owner)}) THEN CREATE ROLE ${owner} LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(app)}) THEN CREATE ROLE ${app} LOGIN; END IF;
END $$;
ALTER ROLE ${owner} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
ALTER ROLE ${app} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
${password(owner, passwords.owner)}${password(app, passwords.app)}GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${owner}, ${app};
-- pg-boss creates its schema (the job queue) on the application's first start.
GRANT CREATE ON DATABASE ${db} TO ${app};
GRANT USAGE, CREATE ON SCHEMA public TO ${owner};
-- Before PostgreSQL 15 everyone may create tables in public; nobody but the owner role should.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$ DECLARE r record; BEGIN
  -- Everything the migrations made belongs to the owner role (sequences of a table follow the table).
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))) LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${owner}',
      CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', r.fn);
  END LOOP;
  -- The job queue belongs to the application role, if an earlier start made it under another role.
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'pgboss') THEN
    ALTER SCHEMA pgboss OWNER TO ${app};
    FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition LOOP
      EXECUTE format('ALTER %s %s OWNER TO ${app}', CASE r.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.name);
    END LOOP;
    FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'pgboss' AND c.relispartition LOOP
      EXECUTE format('ALTER TABLE %s OWNER TO ${app}', r.name);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss' LOOP
      EXECUTE format('ALTER ROUTINE %s OWNER TO ${app}', r.fn);
    END LOOP;
  END IF;
END $$;
${grantsSql({ owner, app })}COMMIT;
`
}
