using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Auth.Scale;

/// <summary>
/// Sequential requests against a running server, median of each: what an operator and an app see, one request at a
/// time (the method). Warm-up requests go first and are not counted.
/// </summary>
public sealed class Measurer(HttpClient http, int users, TextWriter output)
{
    private const int Warmup = 3;

    public async Task RunAsync(string operatorEmail, string operatorPassword)
    {
        var token = (await PostJsonAsync("/admin/api/token", new { email = operatorEmail, password = operatorPassword }))["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await PublishAsync();

        var mid = users / 2;
        var email = Seeder.Email(mid);
        var session = (await PostJsonAsync("/auth/signin-email", new { email, password = Seeder.Password }))["session"]!["token"]!.GetValue<string>();

        await TimeAsync("sign-in (POST /auth/signin-email)", 15, () => PostAsync("/auth/signin-email", new { email, password = Seeder.Password }));
        await TimeAsync("GET /auth/user", 100, () => GetAsync("/auth/user", session));
        await TimeAsync("users, first page (page=1)", 50, () => GetAsync("/admin/api/users?page=1"));
        await TimeAsync("exact e-mail", 50, () => GetAsync($"/admin/api/users?query={Uri.EscapeDataString(email)}"));
        await TimeAsync("exact phone", 50, () => GetAsync($"/admin/api/users?query={Uri.EscapeDataString(Seeder.Phone(mid))}"));
        await TimeAsync("exact id", 50, () => GetAsync($"/admin/api/users?query={Seeder.Id(mid, Seeder.SignUpAt(mid))}"));
        await TimeAsync("prefix of e-mail (user12)", 50, () => GetAsync("/admin/api/users?query=user12"));
        await TimeAsync("prefix of name (first12)", 50, () => GetAsync("/admin/api/users?query=first12"));

        var deep = await CursorAfterAsync("/admin/api/users?pageSize=20", pages: 49);
        await TimeAsync("page 50 by cursor", 50, () => GetAsync($"/admin/api/users?pageSize=20&cursor={Uri.EscapeDataString(deep)}"));
        var search = await CursorAfterAsync("/admin/api/users?query=user5&pageSize=20", pages: 1);
        await TimeAsync("prefix page 2 by cursor (user5)", 50, () => GetAsync($"/admin/api/users?query=user5&pageSize=20&cursor={Uri.EscapeDataString(search)}"));
        await TimeAsync("page=20000 (refused: use cursor)", 20, () => GetAsync("/admin/api/users?page=20000"));
    }

    private async Task PublishAsync()
    {
        using var patch = await http.PatchAsJsonAsync("/admin/api/settings/draft", new { security = new { ipRequestsPerMinute = 100_000 } });
        if (!patch.IsSuccessStatusCode)
            throw new InvalidOperationException($"PATCH draft: {(int)patch.StatusCode} {await patch.Content.ReadAsStringAsync()}");
        var revision = (await PostJsonAsync("/admin/api/settings/publish", new { note = "bench/scale" }))["revision"]!.GetValue<int>();
        // The node picks a revision up on its next poll (1 s).
        for (var i = 0; i < 100; i++)
        {
            var health = await http.GetFromJsonAsync<JsonObject>("/healthz");
            if (health?["settingsRevision"]?.GetValue<int>() >= revision) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The published settings did not reach the node.");
    }

    private async Task<string> CursorAfterAsync(string path, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var url = cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}";
            cursor = (await http.GetFromJsonAsync<JsonObject>(url))!["nextCursor"]!.GetValue<string>();
        }
        return cursor!;
    }

    private async Task TimeAsync(string name, int runs, Func<Task<int>> request)
    {
        for (var i = 0; i < Warmup; i++) await request();
        var times = new List<double>(runs);
        var status = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            status = await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        output.WriteLine(FormattableString.Invariant($"{name}\t{median:F1}\t{status}"));
    }

    private async Task<int> GetAsync(string path, string? session = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null) request.Headers.Add("Session", session);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    private async Task<int> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    private async Task<JsonObject> PostJsonAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
