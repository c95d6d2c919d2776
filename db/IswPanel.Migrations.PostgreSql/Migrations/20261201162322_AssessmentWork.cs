using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IswPanel.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "HourlyRate",
                table: "Assignments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresSecondReviewer",
                table: "AssessmentTypes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "AssessmentRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReleasedAt",
                table: "AssessmentRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReleasedReportVersionId",
                table: "AssessmentRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysLate",
                table: "AssessmentRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    IswProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualityRating = table.Column<int>(type: "integer", nullable: false),
                    TimelinessRating = table.Column<int>(type: "integer", nullable: false),
                    CommunicationRating = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GivenByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentFeedback_AspNetUsers_GivenByUserId",
                        column: x => x.GivenByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentFeedback_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentFeedback_IswProfiles_IswProfileId",
                        column: x => x.IswProfileId,
                        principalTable: "IswProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IswProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoteToReviewer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportVersions_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportVersions_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportVersions_IswProfiles_IswProfileId",
                        column: x => x.IswProfileId,
                        principalTable: "IswProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportVersions_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RubricCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkLogEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IswProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    WhoSeen = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TravelMinutes = table.Column<int>(type: "integer", nullable: false),
                    MileageMiles = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LoggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Approval = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApprovalDecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovalDecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkLogEntries_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkLogEntries_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkLogEntries_IswProfiles_IswProfileId",
                        column: x => x.IswProfileId,
                        principalTable: "IswProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VersionSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TurnaroundMinutes = table.Column<int>(type: "integer", nullable: false),
                    TurnaroundWorkingDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaReviews_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaReviews_AssessmentRequests_AssessmentRequestId",
                        column: x => x.AssessmentRequestId,
                        principalTable: "AssessmentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaReviews_ReportVersions_ReportVersionId",
                        column: x => x.ReportVersionId,
                        principalTable: "ReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QaReviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CriterionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    QaReviewId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaReviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaReviewScores_QaReviews_QaReviewId",
                        column: x => x.QaReviewId,
                        principalTable: "QaReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFeedback_AssessmentRequestId",
                table: "AssessmentFeedback",
                column: "AssessmentRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFeedback_GivenByUserId",
                table: "AssessmentFeedback",
                column: "GivenByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFeedback_IswProfileId",
                table: "AssessmentFeedback",
                column: "IswProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_AssessmentRequestId_DecidedAt",
                table: "QaReviews",
                columns: new[] { "AssessmentRequestId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_DecidedAt",
                table: "QaReviews",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_ReportVersionId_ReviewerUserId",
                table: "QaReviews",
                columns: new[] { "ReportVersionId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_ReviewerUserId",
                table: "QaReviews",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QaReviewScores_QaReviewId",
                table: "QaReviewScores",
                column: "QaReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_AssessmentRequestId_Number",
                table: "ReportVersions",
                columns: new[] { "AssessmentRequestId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_AssignmentId",
                table: "ReportVersions",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_IswProfileId",
                table: "ReportVersions",
                column: "IswProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_Status_SubmittedAt",
                table: "ReportVersions",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_StoredFileId",
                table: "ReportVersions",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_SubmittedByUserId",
                table: "ReportVersions",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogEntries_AssessmentRequestId_Date",
                table: "WorkLogEntries",
                columns: new[] { "AssessmentRequestId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogEntries_AssignmentId",
                table: "WorkLogEntries",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogEntries_IswProfileId_Date",
                table: "WorkLogEntries",
                columns: new[] { "IswProfileId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFeedback");

            migrationBuilder.DropTable(
                name: "QaReviewScores");

            migrationBuilder.DropTable(
                name: "RubricCriteria");

            migrationBuilder.DropTable(
                name: "WorkLogEntries");

            migrationBuilder.DropTable(
                name: "QaReviews");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "HourlyRate",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RequiresSecondReviewer",
                table: "AssessmentTypes");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "AssessmentRequests");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "AssessmentRequests");

            migrationBuilder.DropColumn(
                name: "ReleasedReportVersionId",
                table: "AssessmentRequests");

            migrationBuilder.DropColumn(
                name: "WorkingDaysLate",
                table: "AssessmentRequests");
        }
    }
}
