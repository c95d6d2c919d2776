namespace IswPanel.Web.Infrastructure.Files;

public static class FileServices
{
    /// <summary>File storage (the file system, under the data directory) and the upload checks.</summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services)
    {
        services.AddSingleton<IFileStore, FileSystemFileStore>();
        services.AddScoped<Uploads>();
        return services;
    }
}
