using System.Globalization;
using Auth.Scale;

// bench/scale.sh drives this: seed a database, measure a running server, print the table of two measurements.
return args switch
{
    ["seed", var db, var count] => await Seed(db, int.Parse(count, CultureInfo.InvariantCulture)),
    ["measure", var url, var users, var email, var password, var file] => await Measure(url, int.Parse(users, CultureInfo.InvariantCulture), email, password, file),
    ["table", var small, var large] => ResultTable.Print(small, large, Console.Out),
    _ => Usage(),
};

static async Task<int> Seed(string db, int count)
{
    await Seeder.RunAsync(db, count);
    return 0;
}

static async Task<int> Measure(string url, int users, string email, string password, string file)
{
    using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
    await using var output = new StreamWriter(file);
    await new Measurer(http, users, output).RunAsync(email, password);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: seed <db> <count> | measure <url> <users> <operator e-mail> <password> <out file> | table <small> <large>");
    return 2;
}
