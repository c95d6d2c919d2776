-- IswPanel: database permissions for the application's login (SQL Server).
--
-- Run as a member of db_owner AFTER db/scripts/sqlserver.sql, in the application's database, and again after every
-- schema upgrade. Idempotent: safe to run any number of times.
--
--   sqlcmd -S <server> -d IswPanel -i db/scripts/permissions.sqlserver.sql
--
-- It creates (if missing) the database role iswpanel_app and grants it what the application needs: reading and writing
-- the tables of the dbo and HangFire schemas. The audit trail (dbo.AuditEvents) is append-only: UPDATE and DELETE are
-- DENIED to the role (a DENY wins over any GRANT), and the migration's trigger refuses them as well.
--
-- The login and user the application connects with are created by the DBA, with a password (or an Entra ID / Windows
-- identity) of their own, as a member of the role. For example, with sqlcmd variables (never commit a real password):
--
--   sqlcmd ... -v AppLogin="iswpanel_web" AppPassword="<from your secret store>" -Q "
--     CREATE LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)';
--     CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)];
--     ALTER ROLE iswpanel_app ADD MEMBER [$(AppLogin)];"
--
-- The application must NOT connect as db_owner (or dbo): those bypass the DENY. Set Database:ApplyMigrationsOnStart=false
-- for that login (it cannot change the schema); the DBA applies the schema scripts.

IF DATABASE_PRINCIPAL_ID(N'iswpanel_app') IS NULL
    CREATE ROLE iswpanel_app;
GO

GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO iswpanel_app;
GO

IF SCHEMA_ID(N'HangFire') IS NOT NULL
    EXEC (N'GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[HangFire] TO iswpanel_app;');
GO

-- The audit trail: append and read only.
DENY UPDATE, DELETE ON OBJECT::dbo.AuditEvents TO iswpanel_app;
GO
