using System.Globalization;

namespace Auth.Scale;

/// <summary>Two measurement files (tab-separated: name, median ms, last status) side by side, as Markdown.</summary>
public static class ResultTable
{
    public static int Print(string smallFile, string largeFile, TextWriter output)
    {
        var small = Read(smallFile);
        var large = Read(largeFile);
        output.WriteLine($"| request (sequential, median) | {Label(smallFile)} | {Label(largeFile)} | ratio | status |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, (ms, _)) in small)
        {
            if (!large.TryGetValue(name, out var big)) continue;
            output.WriteLine(FormattableString.Invariant($"| {name} | {ms:F1} ms | {big.Ms:F1} ms | {big.Ms / ms:F2}× | {big.Status} |"));
        }
        return 0;
    }

    // The file is named after the user count (results-1000.tsv).
    private static string Label(string file) =>
        int.TryParse(Path.GetFileNameWithoutExtension(file).Split('-')[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("N0", CultureInfo.InvariantCulture) + " users" : file;

    private static Dictionary<string, (double Ms, string Status)> Read(string file) =>
        File.ReadAllLines(file).Select(l => l.Split('\t')).Where(p => p.Length == 3)
            .ToDictionary(p => p[0], p => (double.Parse(p[1], CultureInfo.InvariantCulture), p[2]));
}
