using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.BrowserClient;

/// <summary>
/// <c>GET /auth/client.js</c>: the dependency-free browser client, an ES module embedded in this assembly.
/// <c>HEAD</c> answers the same headers without the body (link checkers and caches ask it first).
/// </summary>
internal static class ClientScriptEndpoint
{
    private const string ResourceName = "Auth.Runtime.auth-client.js";

    private static readonly Lazy<(byte[] Body, string ETag)> Script = new(Load);

    internal static Results<FileContentHttpResult, Ok, StatusCodeHttpResult> Get(HttpContext context)
    {
        var (body, etag) = Script.Value;
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "public, max-age=300";
        headers.XContentTypeOptions = "nosniff";
        // Public code: any page may load it (module scripts are fetched with CORS). No credentials involved.
        headers.AccessControlAllowOrigin = "*";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // The in-memory test server would send a body after HEAD; Kestrel drops it. Write none at all.
            headers.ContentType = "text/javascript; charset=utf-8";
            headers.ContentLength = body.Length;
            return TypedResults.Ok();
        }
        return TypedResults.File(body, "text/javascript; charset=utf-8");
    }

    private static (byte[], string) Load()
    {
        using var stream = typeof(ClientScriptEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var body = buffer.ToArray();
        return (body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
    }
}
