using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestListKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_AuthorityId_CreatedAt",
                table: "AssessmentRequests");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_Status_CreatedAt",
                table: "AssessmentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_AuthorityId_CreatedAt_Id",
                table: "AssessmentRequests",
                columns: new[] { "AuthorityId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_CreatedAt_Id",
                table: "AssessmentRequests",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_Status_CreatedAt_Id",
                table: "AssessmentRequests",
                columns: new[] { "Status", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_AuthorityId_CreatedAt_Id",
                table: "AssessmentRequests");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_CreatedAt_Id",
                table: "AssessmentRequests");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentRequests_Status_CreatedAt_Id",
                table: "AssessmentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_AuthorityId_CreatedAt",
                table: "AssessmentRequests",
                columns: new[] { "AuthorityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRequests_Status_CreatedAt",
                table: "AssessmentRequests",
                columns: new[] { "Status", "CreatedAt" });
        }
    }
}
