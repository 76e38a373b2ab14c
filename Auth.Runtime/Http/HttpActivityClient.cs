using Auth.Core.Activity;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Auth.Runtime.Http;

/// <summary>The current request's remote address (after forwarded headers) and User-Agent, for activity events.</summary>
internal sealed class HttpActivityClient(IHttpContextAccessor accessor) : IActivityClient
{
    public string? Ip => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => accessor.HttpContext?.Request.Headers[HeaderNames.UserAgent].ToString() is { Length: > 0 } ua ? ua : null;
}
