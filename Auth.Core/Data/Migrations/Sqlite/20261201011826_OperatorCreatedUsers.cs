using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OperatorCreatedUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreatedByOperator",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedByOperator",
                table: "Users");
        }
    }
}
