using System.Text.Json;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// A delegate's target as JSON: public fields included (a closure's captured variables are
/// its public fields), named floating-point values allowed (NaN is data too). The caller
/// writes it and reads it straight back as a node will (<see cref="TargetBinder"/>), so
/// state that cannot be restored, or would be restored differently, is refused before the
/// job starts rather than on every node.
/// </summary>
internal static class TargetJson
{
    // The caller's types live as long as the caller: one cache for them is right.
    private static readonly JsonSerializerOptions s_callerOptions = NewOptions();

    /// <summary>The options of both ends; a node reads with <see cref="TargetBinder"/>, which follows them.</summary>
    public static JsonSerializerOptions NewOptions() => new()
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { WithoutDelegateCaches } },
    };

    // A nested lambda's cached delegate is the compiler's, not the caller's state (CapturedNames.IsDelegateCache).
    private static void WithoutDelegateCaches(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || !CapturedNames.IsCompilerGenerated(info.Type))
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is System.Reflection.FieldInfo field && CapturedNames.IsDelegateCache(field))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

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
            // Read back as a node reads it, so what passes here also restores there.
            using var document = JsonDocument.Parse(json);
            restored = TargetBinder.Read(document.RootElement, type);
        }
        catch (Exception e) when (IsReadFailure(e))
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
    public static object Read(byte[] json, Type type)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return TargetBinder.Read(document.RootElement, type)
                ?? throw new ShippedAssemblyException($"the function's target of type {type} arrived as null");
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw new ShippedAssemblyException($"the function's target of type {type} cannot be restored: {e.Message}", e);
        }
    }

    // What restoring can throw: bad JSON, an unsupported shape, a constructor that throws, a value that does not fit.
    private static bool IsReadFailure(Exception e) =>
        e is JsonException or NotSupportedException or InvalidOperationException or System.Reflection.TargetInvocationException
            or ArgumentException or FormatException or OverflowException or MissingMethodException;
}
