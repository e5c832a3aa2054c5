namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// Bytes allocated on this thread by a call: a decoder that allocates by what a message claims,
/// not by what it carries, shows here long before it runs out of memory.
/// </summary>
internal static class Allocation
{
    public static (T Result, long Bytes) Of<T>(Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = call();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The most decoding <paramref name="messageBytes"/> may allocate. An element takes at least
    /// two bytes on the wire (an empty row: tag and length) and at most 32 bytes decoded (that
    /// row's array header and the reference to it); the rest is slack for the decoder's own objects.
    /// </summary>
    public static long BoundFor(long messageBytes) => (16 * messageBytes) + (16 * 1024);
}
