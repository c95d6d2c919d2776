-- IswPanel: database permissions for the application's login (PostgreSQL).
--
-- Run as the schema owner AFTER db/scripts/postgresql.sql, in the application's database, and again after every
-- schema upgrade (new tables need their grants). Idempotent: safe to run any number of times.
--
--   psql "host=... dbname=iswpanel user=<owner>" -f db/scripts/permissions.postgresql.sql
--
-- It creates (if missing) the group role iswpanel_app, which cannot log in, and grants it what the application needs:
-- reading and writing its tables, and using their sequences. The audit trail ("AuditEvents") is append-only: the role
-- may read and insert, never update, delete or truncate (the migration's triggers refuse UPDATE and DELETE as well).
--
-- The login the application connects with is created by the DBA, with a password of their own, as a member of the
-- role. With psql, supplying the name and password as variables (never commit a real password):
--
--   psql ... -v app_login=iswpanel_web -v app_password='<from your secret store>' \
--        -c "CREATE ROLE :\"app_login\" LOGIN PASSWORD :'app_password' IN ROLE iswpanel_app"
--
-- The application must NOT connect as the owner of the tables: an owner keeps every right whatever is granted here.
-- Set Database:ApplyMigrationsOnStart=false for that login (it cannot change the schema); the DBA applies the schema.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'iswpanel_app') THEN
        CREATE ROLE iswpanel_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO iswpanel_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO iswpanel_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO iswpanel_app;

-- Hangfire keeps its own schema (created at the application's first start by the schema owner's run, or by the DBA).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire') THEN
        GRANT USAGE ON SCHEMA hangfire TO iswpanel_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO iswpanel_app;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO iswpanel_app;
    END IF;
END
$$;

-- The audit trail: append and read only.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "AuditEvents" FROM iswpanel_app;
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "AuditEvents" FROM PUBLIC;
GRANT SELECT, INSERT ON TABLE "AuditEvents" TO iswpanel_app;
