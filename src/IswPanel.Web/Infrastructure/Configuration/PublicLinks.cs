namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>
/// Absolute links for emails. App:PublicUrl is used when set (always set it in production, so a forged
/// Host header can never steer a password-reset link elsewhere); otherwise the current request's address.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["App:PublicUrl"];
        var root = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : "http://localhost:5080";
        return root + pathAndQuery;
    }
}
