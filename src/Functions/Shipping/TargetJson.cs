using System.Text.Json;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// A delegate's target as JSON: public fields included (a closure's captured variables are
/// its public fields), named floating-point values allowed (NaN is data too). The caller
/// writes it and reads it straight back, so state that System.Text.Json cannot restore, or
/// would restore differently, is refused before the job starts rather than on every node.
/// </summary>
internal static class TargetJson
{
    // The caller's types live as long as the caller: one cache for them is right.
    private static readonly JsonSerializerOptions s_callerOptions = NewOptions();

    /// <summary>
    /// Options for one shipped load context. Each context gets its own, so the metadata
    /// System.Text.Json caches for the context's types goes with the context when it unloads.
    /// </summary>
    public static JsonSerializerOptions NewOptions() => new()
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Write(object target)
    {
        var type = target.GetType();
        var what = $"the function's target of type {CapturedNames.Display(type)}";
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(target, type, s_callerOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new UnshippableFunctionException($"{what} cannot be written by System.Text.Json: {e.Message}", e);
        }
        object? restored;
        try
        {
            restored = JsonSerializer.Deserialize(json, type, s_callerOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new UnshippableFunctionException(
                $"{what} cannot be restored by System.Text.Json ({e.Message}); give it a public parameterless constructor, or one whose parameters are named after its properties", e);
        }
        var again = JsonSerializer.SerializeToUtf8Bytes(restored, type, s_callerOptions);
        if (!again.AsSpan().SequenceEqual(json))
        {
            throw new UnshippableFunctionException(
                $"{what} does not come back the same from System.Text.Json (some of its state would be lost on the way); make its state public properties that are settable or constructor parameters");
        }
        return json;
    }

    /// <summary>On a node: the target restored into its type in the shipped context.</summary>
    public static object Read(byte[] json, Type type, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, options)
                ?? throw new ShippedAssemblyException($"the function's target of type {type} arrived as null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ShippedAssemblyException($"the function's target of type {type} cannot be restored: {e.Message}", e);
        }
    }
}
