using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class FileHashesSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Of_SameFileTwice_ReadsItOnce()
    {
        var path = _directory.Combine("a.dll");
        File.WriteAllText(path, "first");
        var hashes = new FileHashes();

        var first = hashes.Of(path);
        var second = hashes.Of(path);

        Assert.Equal(first, second);
        Assert.Equal(ContentHash.OfFile(path), first);
        Assert.Equal(1, hashes.Reads);
    }

    [Fact]
    public void Of_FileRewritten_ReadsItAgain()
    {
        var path = _directory.Combine("a.dll");
        File.WriteAllText(path, "first");
        var hashes = new FileHashes();
        var before = hashes.Of(path);

        File.WriteAllText(path, "second, longer");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));

        Assert.NotEqual(before, hashes.Of(path));
        Assert.Equal(2, hashes.Reads);
    }

    public void Dispose() => _directory.Dispose();
}
