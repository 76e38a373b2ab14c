using System.Text;
using Auth.Core.Users.Transfer;

namespace Auth.Core.Tests.Users;

/// <summary>RFC 4180 quoting and the formula guard of user exports, read back by the import's reader.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+15551234567", "'+15551234567")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=already", "''=already")]
    [InlineData("O'Neil", "O'Neil")]
    public void Write_QuotesAndGuardsFormulas(string value, string expected)
    {
        var line = new StringBuilder();
        CsvCells.Write(line, value);
        Assert.Equal(expected, line.ToString());
    }

    [Fact]
    public async Task WrittenCells_ReadBackByTheRecordReader_AreTheOriginalValues()
    {
        string[] values = ["plain", "a,b", "say \"hi\"", "two\r\nlines", "=1+1", "+15551234567", "'=already", "O'Neil", "'x", ""];
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) line.Append(',');
            CsvCells.Write(line, values[i]);
        }
        line.Append("\r\nnext,row\n");

        var reader = new CsvRecordReader(new StringReader(line.ToString()));
        var first = await reader.ReadAsync(TestContext.Current.CancellationToken);
        var second = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(values, first!.Select(CsvCells.Unescape));
        Assert.Equal(["next", "row"], second);
        Assert.Null(await reader.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnclosedQuote_IsAFormatError()
    {
        var reader = new CsvRecordReader(new StringReader("\"open,never closed\n"));
        await Assert.ThrowsAsync<FormatException>(() => reader.ReadAsync(TestContext.Current.CancellationToken));
    }
}
