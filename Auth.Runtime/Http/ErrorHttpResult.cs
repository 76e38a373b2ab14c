using System.Reflection;
using Auth.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Auth.Runtime.Http;

/// <summary>An <see cref="AuthError"/> written as the error envelope with its status (and Retry-After).</summary>
public sealed class ErrorHttpResult(AuthError error) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public AuthError Error { get; } = error;

    public int StatusCode => ErrorStatus.For(Error.Code);

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => ErrorWriter.WriteAsync(httpContext, Error);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(ErrorEnvelope), ["application/json"]));
}
