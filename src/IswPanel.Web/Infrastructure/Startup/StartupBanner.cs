using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.DemoData;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Startup;

/// <summary>Tells a newcomer where the app is, which database it uses, where mail goes, and how to sign in.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<DatabaseSettings>();
            var smtp = app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var mail = string.IsNullOrWhiteSpace(smtp.Host)
                ? $"written as .eml files to {database.Paths.Under(smtp.PickupDirectory)}"
                : $"sent through {smtp.Host}:{smtp.Port}";

            var lines = new List<string>
            {
                "",
                "IswPanel is running.",
                $"  Open:      {string.Join("  ", addresses)}",
                $"  Database:  {database.Provider} ({database.Describe()})",
                $"  Email:     {mail}",
                $"  PDF font:  {app.Services.GetRequiredService<Pdf.PdfFonts>() switch { { Files: { } f } => f.Regular, var fonts => $"NOT FOUND. {fonts.Problem}" }}",
            };
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Enabled", true))
            {
                lines.Add($"  Demo logins (password {DemoAccounts.Password}):");
                lines.Add($"    {DemoAccounts.Admin,-48} panel administrator");
                lines.Add($"    {DemoAccounts.Qa,-48} QA reviewer");
                lines.Add($"    {DemoAccounts.NorthshireCommissioner,-48} commissioner, Northshire");
                lines.Add($"    {DemoAccounts.SouthboroughCommissioner,-48} commissioner, Southborough");
                lines.Add($"    {DemoAccounts.Isw(1) + " ... " + DemoAccounts.Isw(DemoAccounts.IswCount),-48} independent social workers");
                lines.Add($"    {DemoAccounts.NorthshireShadower1,-48} shadower (ASYE), Northshire");
                lines.Add($"    {DemoAccounts.NorthshireShadower2,-48} shadower (newly qualified), Northshire");
            }

            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
