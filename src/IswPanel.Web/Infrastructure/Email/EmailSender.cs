using MailKit.Net.Smtp;
using MailKit.Security;
using IswPanel.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IswPanel.Web.Infrastructure.Email;

/// <summary>A plain-text message. Subjects never carry personal data; bodies link to the page instead.</summary>
public sealed record EmailMessage(string To, string ToName, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through SMTP when Smtp:Host is set; otherwise writes .eml files to the pickup folder.</summary>
public sealed partial class MailKitEmailSender(IOptions<SmtpOptions> options, DataPaths paths, TimeProvider clock,
    ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            var pickup = paths.Under(settings.PickupDirectory);
            Directory.CreateDirectory(pickup);
            var file = Path.Combine(pickup, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            LogDropped(file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port,
            settings.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email written to {File}")]
    private partial void LogDropped(string file);
}
