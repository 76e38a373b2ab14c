using Auth.Core;
using Auth.Runtime;
using Studio.Web;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` serves from the build output, where MudBlazor's and Blazor's package assets are only
// found through the static web assets manifest (ASP.NET Core reads it by itself only in Development).
// A published app has them in wwwroot; there this finds no manifest and does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddAuthCore(builder.Configuration);
builder.Services.AddAuthRuntime();
builder.Services.AddStudio();

var app = builder.Build();

app.UseAuthRuntime();
app.UseStudio();
app.MapAuthRuntime();
app.MapAuthAdmin();
app.MapStudio();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
