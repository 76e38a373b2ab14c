using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 48, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: true),
                    Ip = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ActorId_OccurredAt_Id",
                table: "Events",
                columns: new[] { "ActorId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_OccurredAt_Id",
                table: "Events",
                columns: new[] { "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_OccurredAt_Id",
                table: "Events",
                columns: new[] { "Type", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_UserId_OccurredAt_Id",
                table: "Events",
                columns: new[] { "UserId", "OccurredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Events");
        }
    }
}
