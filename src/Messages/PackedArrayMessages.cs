namespace ActorMap.Messages;

// Helpers beside the generated LongArray and DoubleArray (remote.proto); never edit the generated code.
public sealed partial class LongArray
{
    public static LongArray From(ReadOnlySpan<long> values) => new() { Values = PackedArrays.FromLongs(values) };

    /// <summary>The elements, read in place from <see cref="Values"/>.</summary>
    public ReadOnlySpan<long> AsSpan() => PackedArrays.AsLongs(Values);
}

public sealed partial class DoubleArray
{
    public static DoubleArray From(ReadOnlySpan<double> values) => new() { Values = PackedArrays.FromDoubles(values) };

    /// <summary>The elements, read in place from <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> AsSpan() => PackedArrays.AsDoubles(Values);
}
