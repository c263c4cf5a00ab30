using Portaali.Core.Data;
using Portaali.Web.Components;
using Portaali.Web.Hosting;
using Portaali.Web.Imports;
using Portaali.Web.Setup;

await args.RunCommandAndExitIfAskedAsync(); // copy-to-postgresql instead of the app (README)
var builder = WebApplication.CreateBuilder(args);
var reseed = args.Contains("--reseed");

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPortaaliCore(builder.Configuration.GetConnectionString("Portaali")
    ?? throw new InvalidOperationException("ConnectionStrings:Portaali is missing from appsettings.json"),
    builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite));
builder.Services.AddPortaaliWeb(builder.Configuration, builder.Environment);
builder.Services.AddPortaaliJobs(builder.Configuration);
builder.Services.AddPortaaliHealthChecks();
builder.Services.AddPortaaliDataProtection(builder.Configuration);
builder.Services.AddPortaaliForwardedHeaders(builder.Configuration);
builder.Services.AddPortaaliHeapDiagnostics(builder.Configuration);

var app = builder.Build();

// The demo base only where it belongs: in Development, when configured, or when --reseed asks for it. A production
// database starts empty; its first administrator comes from Portaali:BootstrapAdmins (docs/users.md).
await DatabaseSetup.InitializeAsync(app.Services,
    seedDemo: reseed || app.Configuration.GetValue("Portaali:SeedDemo", app.Environment.IsDevelopment()), reseed,
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portaali.Database"));

app.UsePortaaliForwardedHeaders();
app.UsePortaaliSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseEnglishDayNames();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPortaaliEndpoints();
app.MapPortaaliHealth();
app.MapPortaaliHeapDiagnostics();
await app.UsePortaaliJobsAsync();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
