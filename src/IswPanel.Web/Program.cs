using IswPanel.Web.Infrastructure;
using IswPanel.Web.Infrastructure.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddIswPanel();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseIswPanel();
app.PrintWhenStarted();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
