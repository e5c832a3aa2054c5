using System.Text.Json;

namespace ActorMap.Hosting.Jobs;

/// <summary>How results are written as JSON, the same on the Seed as in the console.</summary>
internal static class ResultJson
{
    public static JsonSerializerOptions Options => Compute.Jobs.ChunkOutputs.Json;

    /// <summary>Frames hold a few MiB at most, so a large result travels in parts of this size.</summary>
    public const int PartSize = 1024 * 1024;
}
