using Auth.Core;
using Auth.Runtime;
using Studio.Web;

var builder = WebApplication.CreateBuilder(args);

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
