namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>
/// Absolute links for emails. App:PublicUrl is used when set (always set it in production, so a forged
/// Host header can never steer a password-reset link elsewhere); otherwise the current request's address.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    // Scoped: worked out once per request or sweep batch (which may write thousands of links; reading configuration
    // takes a lock each time).
    private string? root;

    public string Absolute(string pathAndQuery) => (root ??= Root()) + pathAndQuery;

    private string Root()
    {
        var configured = configuration["App:PublicUrl"];
        return !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : "http://localhost:5080";
    }
}
