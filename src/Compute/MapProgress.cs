namespace ActorMap.Compute;

/// <summary>How far a job is: counted over results released in input order.</summary>
public sealed record MapProgress(long ElementsDone, long TotalElements, int ChunksDone, int TotalChunks);

/// <summary>A result with the index of the input element it came from (for unordered streams).</summary>
public readonly record struct IndexedResult<T>(long Index, T Value);
