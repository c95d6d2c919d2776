using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringMeasureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportVersions_IswProfileId",
                table: "ReportVersions");

            migrationBuilder.DropIndex(
                name: "IX_QaReviewScores_QaReviewId",
                table: "QaReviewScores");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_AssignedIswId",
                table: "AssessmentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_IswProfileId_Id",
                table: "ReportVersions",
                columns: new[] { "IswProfileId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QaReviewScores_QaReviewId_Score",
                table: "QaReviewScores",
                columns: new[] { "QaReviewId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_AssessmentRequestId_IswProfileId",
                table: "Assignments",
                columns: new[] { "AssessmentRequestId", "IswProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_AssignedIswId_Delivery",
                table: "AssessmentRequests",
                columns: new[] { "AssignedIswId", "Status", "ReleasedAt", "WorkingDaysLate", "ReleasedReportVersionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportVersions_IswProfileId_Id",
                table: "ReportVersions");

            migrationBuilder.DropIndex(
                name: "IX_QaReviewScores_QaReviewId_Score",
                table: "QaReviewScores");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_AssessmentRequestId_IswProfileId",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_AssignedIswId_Delivery",
                table: "AssessmentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_IswProfileId",
                table: "ReportVersions",
                column: "IswProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_QaReviewScores_QaReviewId",
                table: "QaReviewScores",
                column: "QaReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_AssignedIswId",
                table: "AssessmentRequests",
                column: "AssignedIswId");
        }
    }
}
