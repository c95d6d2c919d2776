using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Files;

namespace IswPanel.Web.Tests.Infrastructure.Files;

/// <summary>The file system store keeps bytes under &lt;data&gt;/files and refuses keys that would leave it.</summary>
public sealed class FileSystemFileStoreTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"iswpanel-store-{Guid.NewGuid():N}");
    private readonly FileSystemFileStore store;

    public FileSystemFileStoreTests() => store = new FileSystemFileStore(new DataPaths(dataDirectory));

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Bytes_saved_under_a_key_are_read_back_and_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = $"2026/12/{Guid.NewGuid():N}";
        await store.SaveAsync(key, new MemoryStream([1, 2, 3]), ct);

        Assert.Equal(Path.Combine(dataDirectory, "files", "2026", "12", key[8..]), store.PathOf(key));
        await using (var read = await store.OpenReadAsync(key, ct))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, ct);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }

        await store.DeleteAsync(key, ct);
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(key, ct));
        await store.DeleteAsync(key, ct); // deleting again is not an error
    }

    [Fact]
    public async Task A_key_that_already_holds_a_file_is_not_overwritten()
    {
        var ct = TestContext.Current.CancellationToken;
        await store.SaveAsync("2026/12/abc", new MemoryStream([1]), ct);
        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync("2026/12/abc", new MemoryStream([2]), ct));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("2026/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("2026//x")]
    [InlineData("2026/12/x.pdf")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("C:\\windows")]
    public async Task Keys_that_could_leave_the_store_are_refused(string key)
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new MemoryStream([1]), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, ct));
    }
}
