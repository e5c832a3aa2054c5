using System.Text;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class AssemblyStoreSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Put_BytesMatchingTheirHash_AreKeptUnderTheHash()
    {
        var store = new AssemblyStore(_directory.Path);
        var bytes = Bytes("scoring");
        var hash = ContentHash.Of(bytes);

        store.Put(hash, bytes, "Scoring.dll");

        Assert.True(store.Has(hash));
        Assert.Equal(bytes, store.Read(hash, "Scoring.dll"));
        Assert.True(File.Exists(_directory.Combine(hash)));
        Assert.Equal(bytes.Length, store.Size);
    }

    [Fact]
    public void Put_SameContentTwice_IsKeptOnce()
    {
        var store = new AssemblyStore(_directory.Path);
        var bytes = Bytes("scoring");

        store.Put(ContentHash.Of(bytes), bytes, "Scoring.dll");
        store.Put(ContentHash.Of(bytes), bytes, "Scoring.dll");

        Assert.Equal(bytes.Length, store.Size);
        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Put_CorruptedUpload_IsRefusedNamingTheAssemblyAndBothHashes()
    {
        var store = new AssemblyStore(_directory.Path);
        var announced = ContentHash.Of(Bytes("the real assembly"));
        var corrupted = Bytes("the real assemblx");

        var error = Assert.Throws<ShippedAssemblyException>(() => store.Put(announced, corrupted, "Scoring.dll"));

        Assert.Contains("'Scoring.dll'", error.Message, StringComparison.Ordinal);
        Assert.Contains(announced, error.Message, StringComparison.Ordinal);
        Assert.Contains(ContentHash.Of(corrupted), error.Message, StringComparison.Ordinal);
        Assert.False(store.Has(announced));
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    [InlineData("")]
    public void Put_HashThatIsNotSha256Hex_IsRefusedBeforeTouchingTheDisk(string hash)
    {
        var store = new AssemblyStore(_directory.Path);

        var error = Assert.Throws<ShippedAssemblyException>(() => store.Put(hash, Bytes("x"), "Evil.dll"));

        Assert.Contains("no valid SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Read_FileChangedOnDisk_IsRefusedAndForgotten()
    {
        var store = new AssemblyStore(_directory.Path);
        var bytes = Bytes("scoring");
        var hash = ContentHash.Of(bytes);
        store.Put(hash, bytes, "Scoring.dll");
        File.WriteAllBytes(_directory.Combine(hash), Bytes("tampered"));

        var error = Assert.Throws<ShippedAssemblyException>(() => store.Read(hash, "Scoring.dll"));

        Assert.Contains("'Scoring.dll'", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed on disk", error.Message, StringComparison.Ordinal);
        Assert.Contains(ContentHash.Of(Bytes("tampered")), error.Message, StringComparison.Ordinal);
        Assert.False(store.Has(hash));
        Assert.Equal([hash], store.Missing([hash]));
    }

    [Fact]
    public void Missing_ListsEachHashTheStoreLacksOnceInOrder()
    {
        var store = new AssemblyStore(_directory.Path);
        var (a, b, c) = (Bytes("a"), Bytes("b"), Bytes("c"));
        store.Put(ContentHash.Of(b), b, "B.dll");

        var missing = store.Missing([ContentHash.Of(a), ContentHash.Of(b), ContentHash.Of(c), ContentHash.Of(a)]);

        Assert.Equal([ContentHash.Of(a), ContentHash.Of(c)], missing);
    }

    [Fact]
    public void Put_OverTheSizeLimit_EvictsTheLeastRecentlyUsed()
    {
        var store = new AssemblyStore(_directory.Path, sizeLimit: 250);
        var (a, b, c) = (Bytes(100, 1), Bytes(100, 2), Bytes(100, 3));
        store.Put(ContentHash.Of(a), a, "A.dll");
        store.Put(ContentHash.Of(b), b, "B.dll");
        store.Read(ContentHash.Of(a), "A.dll");

        store.Put(ContentHash.Of(c), c, "C.dll");

        Assert.True(store.Has(ContentHash.Of(a)));
        Assert.False(store.Has(ContentHash.Of(b)));
        Assert.True(store.Has(ContentHash.Of(c)));
        Assert.False(File.Exists(_directory.Combine(ContentHash.Of(b))));
        Assert.Equal(200, store.Size);
    }

    [Fact]
    public void Put_OverTheSizeLimit_NeverEvictsWhatALiveContextPinned()
    {
        var store = new AssemblyStore(_directory.Path, sizeLimit: 150);
        var (a, b) = (Bytes(100, 1), Bytes(100, 2));
        store.Put(ContentHash.Of(a), a, "A.dll");
        using var pin = store.Pin([ContentHash.Of(a)]);

        store.Put(ContentHash.Of(b), b, "B.dll");

        // Over the limit while both are needed: a pinned file, and the upload just made.
        Assert.True(store.Has(ContentHash.Of(a)));
        Assert.True(store.Has(ContentHash.Of(b)));
        Assert.Equal(200, store.Size);
    }

    [Fact]
    public void Unpin_LastPinOfAFileOverTheLimit_LetsItBeEvicted()
    {
        var store = new AssemblyStore(_directory.Path, sizeLimit: 150);
        var (a, b, c) = (Bytes(100, 1), Bytes(100, 2), Bytes(60, 3));
        store.Put(ContentHash.Of(a), a, "A.dll");
        var pin = store.Pin([ContentHash.Of(a)]);
        store.Put(ContentHash.Of(b), b, "B.dll");
        store.Put(ContentHash.Of(c), c, "C.dll");
        // b went for c; a stayed, pinned, and c, just put, keeps the store above its limit.
        Assert.True(store.Has(ContentHash.Of(a)));
        Assert.False(store.Has(ContentHash.Of(b)));
        Assert.Equal(160, store.Size);

        pin.Dispose();

        Assert.False(store.IsPinned(ContentHash.Of(a)));
        Assert.False(store.Has(ContentHash.Of(a)));
        Assert.True(store.Has(ContentHash.Of(c)));
        Assert.Equal(60, store.Size);
    }

    [Fact]
    public void New_OverAnExistingDirectory_KnowsItsFilesAndIgnoresOthers()
    {
        var bytes = Bytes("kept");
        var hash = ContentHash.Of(bytes);
        new AssemblyStore(_directory.Path).Put(hash, bytes, "Kept.dll");
        File.WriteAllText(_directory.Combine("stray.tmp"), "half an upload");

        var reopened = new AssemblyStore(_directory.Path);

        Assert.True(reopened.Has(hash));
        Assert.Equal(bytes.Length, reopened.Size);
        Assert.Equal(bytes, reopened.Read(hash, "Kept.dll"));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

    public void Dispose() => _directory.Dispose();
}
