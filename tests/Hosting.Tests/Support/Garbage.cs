namespace ActorMap.Hosting.Tests.Support;

internal static class Garbage
{
    /// <summary>Random bytes, the same for a seed on every run.</summary>
    public static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
