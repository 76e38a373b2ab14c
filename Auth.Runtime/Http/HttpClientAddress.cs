using Auth.Core.Messaging;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Http;

/// <summary>The current request's remote address (the same one the per-IP request limit counts).</summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public string? Current => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
