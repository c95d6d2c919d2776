namespace IswPanel.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding IswPanel.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IswPanel.sln"))) return dir.FullName;
        throw new InvalidOperationException("IswPanel.sln not found above " + AppContext.BaseDirectory);
    }
}
