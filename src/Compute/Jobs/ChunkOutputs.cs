using System.Text.Json;

namespace ActorMap.Compute.Jobs;

/// <summary>Turns a chunk's output, local or from the wire, into the job's result type.</summary>
internal static class ChunkOutputs
{
    /// <summary>
    /// The one set of options results are written and read with, everywhere (worker, Seed,
    /// console): tuples are a natural lambda result and their items are fields, NaN and infinities
    /// are results like any other, and text is written as it is.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TOut[] As<TOut>(ChunkOutput output) => output switch
    {
        ChunkOutput<TOut> typed => typed.Results,
        JsonChunkOutput json => Array.ConvertAll(json.Elements, e => JsonSerializer.Deserialize<TOut>(e, Json)!),
        InPlaceOutput => throw new InvalidOperationException("results written in place have no values to read"),
        _ => throw new InvalidOperationException($"a chunk of {output.GetType().Name} is not a chunk of {typeof(TOut).Name}"),
    };
}
