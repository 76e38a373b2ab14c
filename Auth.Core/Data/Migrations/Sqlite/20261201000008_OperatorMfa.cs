using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Auth.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OperatorMfa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OperatorMfaFactors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    OperatorId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1024, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedStep = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorMfaFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OperatorMfaFactors_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OperatorPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RequireTotp = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OperatorRecoveryCodes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    OperatorId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorRecoveryCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OperatorRecoveryCodes_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "OperatorPolicies",
                columns: new[] { "Id", "RequireTotp", "UpdatedAt" },
                values: new object[] { 1, false, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorMfaFactors_OperatorId_ConfirmedAt",
                table: "OperatorMfaFactors",
                columns: new[] { "OperatorId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorRecoveryCodes_OperatorId_CodeHash",
                table: "OperatorRecoveryCodes",
                columns: new[] { "OperatorId", "CodeHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperatorMfaFactors");

            migrationBuilder.DropTable(
                name: "OperatorPolicies");

            migrationBuilder.DropTable(
                name: "OperatorRecoveryCodes");
        }
    }
}
