using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetentionYears",
                table: "AssessmentTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "AssessmentRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PurgedByUserId",
                table: "AssessmentRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetainUntil",
                table: "AssessmentRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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

            // The audit trail is append-only, whatever code path reaches the database.
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_NoUpdate\" BEFORE UPDATE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEvents_NoDelete\" BEFORE DELETE ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_NoDelete\";");

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
