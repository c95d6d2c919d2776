namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>The data directory (SQLite database, job storage, uploaded files, dropped emails), resolved once.</summary>
public sealed record DataPaths(string Root)
{
    public string Under(string relative) => Path.GetFullPath(relative, Root);
}
