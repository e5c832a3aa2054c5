using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorMap.Hosting.Jobs;

/// <summary>How results are written as JSON, the same on the Seed as in the console.</summary>
internal static class ResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Frames hold a few MiB at most, so a large result travels in parts of this size.</summary>
    public const int PartSize = 1024 * 1024;
}
