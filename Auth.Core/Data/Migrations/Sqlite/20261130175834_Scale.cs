using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_SignUpAt",
                table: "Users");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedName",
                table: "Users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Backfill for names stored before the column existed (new writes set it in C#, UserSearchText). The
            // database's lower() folds fewer letters than .NET's; such names are found by their exact-case prefix.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"NormalizedName\" = lower(trim(\"Name\")) WHERE \"Name\" IS NOT NULL AND trim(\"Name\") <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Users_NormalizedName_Id",
                table: "Users",
                columns: new[] { "NormalizedName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_SignUpAt_Id",
                table: "Users",
                columns: new[] { "SignUpAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ExpiresAt",
                table: "Sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_RevokedAt",
                table: "Sessions",
                column: "RevokedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_NormalizedName_Id",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_SignUpAt_Id",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ExpiresAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_RevokedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "NormalizedName",
                table: "Users");

            migrationBuilder.CreateIndex(
                name: "IX_Users_SignUpAt",
                table: "Users",
                column: "SignUpAt");
        }
    }
}
