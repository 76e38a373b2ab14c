using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Users_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
                table: "Users",
                columns: new[] { "Disabled", "EmailVerified", "PhoneVerified", "SignUpAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_Provider_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
                table: "Users",
                columns: new[] { "Provider", "Disabled", "EmailVerified", "PhoneVerified", "SignUpAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_Provider_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
                table: "Users");
        }
    }
}
