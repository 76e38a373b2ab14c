using System.Net;
using Auth.Core.Data;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Auth.Runtime.Tests.Suites;

/// <summary>The steps the second-factor suites share: enrol over HTTP, make a code as the app would, read the answers.</summary>
internal static class MfaSteps
{
    public delegate Task<ApiResponse> Post(string path, object? body, string? session = null);

    /// <summary>Enrols and confirms an authenticator; the clock moves one step on, so the confirming code is not the next one.</summary>
    public static async Task<(byte[] Secret, List<string> RecoveryCodes)> EnrolAsync(Post post, FakeTimeProvider time, string session)
    {
        var enroll = await post("/auth/mfa/totp/enroll", new { }, session);
        enroll.AssertStatus(HttpStatusCode.OK);
        var secret = Base32Encoding.ToBytes(enroll.Body!["secret"]!.GetValue<string>());
        Assert.StartsWith("otpauth://totp/", enroll.Body!["otpauthUrl"]!.GetValue<string>());
        Assert.Contains("<svg", enroll.Body!["qrCodeSvg"]!.GetValue<string>());

        var factorId = enroll.Body!["factorId"]!.GetValue<string>();
        var confirm = await post("/auth/mfa/totp/confirm", new { factorId, code = Code(secret, time) }, session);
        confirm.AssertStatus(HttpStatusCode.OK);
        var codes = confirm.Body!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, codes.Count);
        time.Advance(TimeSpan.FromSeconds(30));
        return (secret, codes);
    }

    public static string Code(byte[] secret, TimeProvider time) => new Totp(secret).ComputeTotp(time.GetUtcNow().UtcDateTime);

    /// <summary>Asserts a sign-in answered 401 mfa_required and returns its mfaToken.</summary>
    public static string MfaToken(ApiResponse signIn) =>
        signIn.AssertError(HttpStatusCode.Unauthorized, "mfa_required")["details"]!["mfaToken"]!.GetValue<string>();

    /// <summary>The amr of the user's newest session.</summary>
    public static async Task<string?> LatestAmrAsync(AuthDbContext db, string userId)
    {
        await using (db)
            return await db.Sessions.Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Amr)
                .Select(s => s.Amr).FirstAsync(TestContext.Current.CancellationToken);
    }
}
