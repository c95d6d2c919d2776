using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ShadowingAndEvidencePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxShadowersPerSession",
                table: "Authorities",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "LateReason",
                table: "AssessmentRequests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvidencePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidencePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidencePlans_AspNetUsers_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidencePlans_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Shadowers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    WorkEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SocialWorkEnglandNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StaffSince = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedApplicantProfileId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shadowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shadowers_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shadowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shadowers_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shadowers_IswProfiles_ConfirmedApplicantProfileId",
                        column: x => x.ConfirmedApplicantProfileId,
                        principalTable: "IswProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ShadowingNominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShadowerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IswProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    HopesToLearn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NominatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NominatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Consent = table.Column<int>(type: "integer", nullable: false),
                    ConsentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShadowingNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_AspNetUsers_NominatedByUserId",
                        column: x => x.NominatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_IswProfiles_IswProfileId",
                        column: x => x.IswProfileId,
                        principalTable: "IswProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowingNominations_Shadowers_ShadowerId",
                        column: x => x.ShadowerId,
                        principalTable: "Shadowers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShadowedSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NominationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShadowerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkLogEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reflection = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReflectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IswComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IswCommentedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShadowedSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShadowedSessions_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowedSessions_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowedSessions_Shadowers_ShadowerId",
                        column: x => x.ShadowerId,
                        principalTable: "Shadowers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShadowedSessions_ShadowingNominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "ShadowingNominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShadowedSessions_WorkLogEntries_WorkLogEntryId",
                        column: x => x.WorkLogEntryId,
                        principalTable: "WorkLogEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidencePlans_AuthorityId_PeriodFrom_PeriodTo",
                table: "EvidencePlans",
                columns: new[] { "AuthorityId", "PeriodFrom", "PeriodTo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidencePlans_SavedByUserId",
                table: "EvidencePlans",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_AssessmentRequestId",
                table: "ShadowedSessions",
                column: "AssessmentRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_AuthorityId_SessionDate",
                table: "ShadowedSessions",
                columns: new[] { "AuthorityId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_NominationId",
                table: "ShadowedSessions",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_ShadowerId_SessionDate",
                table: "ShadowedSessions",
                columns: new[] { "ShadowerId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_WorkLogEntryId_Seat",
                table: "ShadowedSessions",
                columns: new[] { "WorkLogEntryId", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShadowedSessions_WorkLogEntryId_ShadowerId",
                table: "ShadowedSessions",
                columns: new[] { "WorkLogEntryId", "ShadowerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shadowers_AuthorityId_WorkEmail",
                table: "Shadowers",
                columns: new[] { "AuthorityId", "WorkEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shadowers_ConfirmedApplicantProfileId",
                table: "Shadowers",
                column: "ConfirmedApplicantProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Shadowers_RecordedByUserId",
                table: "Shadowers",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Shadowers_SocialWorkEnglandNumber",
                table: "Shadowers",
                column: "SocialWorkEnglandNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Shadowers_UserId",
                table: "Shadowers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_AssessmentRequestId",
                table: "ShadowingNominations",
                column: "AssessmentRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_AssignmentId_ShadowerId",
                table: "ShadowingNominations",
                columns: new[] { "AssignmentId", "ShadowerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_AuthorityId",
                table: "ShadowingNominations",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_IswProfileId_Status",
                table: "ShadowingNominations",
                columns: new[] { "IswProfileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_NominatedByUserId",
                table: "ShadowingNominations",
                column: "NominatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowingNominations_ShadowerId",
                table: "ShadowingNominations",
                column: "ShadowerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidencePlans");

            migrationBuilder.DropTable(
                name: "ShadowedSessions");

            migrationBuilder.DropTable(
                name: "ShadowingNominations");

            migrationBuilder.DropTable(
                name: "Shadowers");

            migrationBuilder.DropColumn(
                name: "MaxShadowersPerSession",
                table: "Authorities");

            migrationBuilder.DropColumn(
                name: "LateReason",
                table: "AssessmentRequests");
        }
    }
}
