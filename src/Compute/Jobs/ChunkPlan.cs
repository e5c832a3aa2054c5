namespace ActorMap.Compute.Jobs;

/// <summary>
/// Where each chunk starts and ends. The default size follows Pool.map:
/// ceil(length / (4 x workers)), so each worker gets about four chunks.
/// </summary>
internal sealed class ChunkPlan
{
    public ChunkPlan(long length, int workers, int? chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Length = length;
        var size = chunkSize ?? DefaultChunkSize(length, workers);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(chunkSize));
        ChunkSize = size;
        var count = (length + size - 1) / size;
        if (count > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), size, $"{length} elements in chunks of {size} make more than {int.MaxValue} chunks");
        }
        ChunkCount = (int)count;
    }

    public long Length { get; }

    public int ChunkSize { get; }

    public int ChunkCount { get; }

    public static int DefaultChunkSize(long length, int workers)
    {
        var size = (length + (4L * workers) - 1) / (4L * workers);
        return (int)Math.Clamp(size, 1, int.MaxValue);
    }

    public long FirstIndex(int chunk) => (long)chunk * ChunkSize;

    public int CountOf(int chunk) => (int)Math.Min(ChunkSize, Length - FirstIndex(chunk));
}
