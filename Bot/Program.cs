var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

public partial class Program;
