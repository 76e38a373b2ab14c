using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventDailyCounts",
                columns: table => new
                {
                    Day = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Type = table.Column<string>(type: "varchar(48)", unicode: false, maxLength: 48, nullable: false),
                    Key = table.Column<string>(type: "varchar(48)", unicode: false, maxLength: 48, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventDailyCounts", x => new { x.Day, x.Type, x.Key });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventDailyCounts");
        }
    }
}
