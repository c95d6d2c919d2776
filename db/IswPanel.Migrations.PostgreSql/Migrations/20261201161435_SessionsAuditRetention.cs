using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SessionsAuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubjectAuthorityId",
                table: "AuditEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetentionYears",
                table: "AssessmentTypes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "AssessmentRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PurgedByUserId",
                table: "AssessmentRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetainUntil",
                table: "AssessmentRequests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectAuthorityId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "SubjectAuthorityId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_EndedAt",
                table: "UserSessions",
                columns: new[] { "UserId", "EndedAt" });

            // The audit trail is append-only, whatever code path reaches the database (see also db/scripts/permissions.postgresql.sql).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    RAISE EXCEPTION 'The audit trail is append-only.';
                END
                $fn$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_NoChange\" BEFORE UPDATE OR DELETE ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_NoTruncate\" BEFORE TRUNCATE ON \"AuditEvents\" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoChange\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoTruncate\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_SubjectAuthorityId_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "SubjectAuthorityId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "RetentionYears",
                table: "AssessmentTypes");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "AssessmentRequests");

            migrationBuilder.DropColumn(
                name: "PurgedByUserId",
                table: "AssessmentRequests");

            migrationBuilder.DropColumn(
                name: "RetainUntil",
                table: "AssessmentRequests");
        }
    }
}
