using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IswPanel.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ShadowedSessionRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "ShadowedSessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Sessions marked before the column existed take their shadower's role at the time of this migration.
            migrationBuilder.Sql("""
                UPDATE "ShadowedSessions" SET "Role" = (SELECT "Role" FROM "Shadowers" WHERE "Shadowers"."Id" = "ShadowedSessions"."ShadowerId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Role",
                table: "ShadowedSessions");
        }
    }
}
