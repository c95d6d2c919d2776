using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.SqlServer.Migrations
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetentionYears",
                table: "AssessmentTypes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "AssessmentRequests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PurgedByUserId",
                table: "AssessmentRequests",
                type: "uniqueidentifier",
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    IpAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
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

            // The audit trail is append-only, whatever code path reaches the database (see also db/scripts/permissions.sqlserver.sql).
            // CREATE TRIGGER must start its batch, so it runs through EXEC (the idempotent script wraps statements in IF blocks).
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, ''The audit trail is append-only.'', 1; END');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditEvents_AppendOnly];");

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
