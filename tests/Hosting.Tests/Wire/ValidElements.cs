using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Google.Protobuf;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>
/// A valid <see cref="Elements"/> of every form the codec writes, for the fuzzers to mutate: each
/// element type, a range, an empty list, and rows with an empty row among them.
/// </summary>
internal static class ValidElements
{
    public static IReadOnlyList<MapInput> Inputs { get; } =
    [
        new ListMapInput(ElementKind.Long, new long[] { 1, -2, long.MaxValue, 0 }),
        new ListMapInput(ElementKind.Double, new[] { 0.5, double.NaN, -1e300 }),
        new ListMapInput(ElementKind.String, new[] { "a", "", "ü", "a longer string" }),
        new ListMapInput(ElementKind.LongRow, new[] { new long[] { 1, 5, 9 }, [], [-7] }),
        new ListMapInput(ElementKind.DoubleRow, new[] { [1.5], new[] { 2.5, 3.5 } }),
        new ListMapInput(ElementKind.StringRow, new[] { ["x", "y"], [], new[] { "z" } }),
        new ListMapInput(ElementKind.Long, Array.Empty<long>()),
        new RangeMapInput(new LongRange(5, 1_000_005)),
    ];

    public static IReadOnlyList<Elements> Messages { get; } = [.. Inputs.Select(ElementsCodec.FromInput)];

    public static IReadOnlyList<byte[]> Bytes { get; } = [.. Messages.Select(m => m.ToByteArray())];

    /// <summary>A list input as it travels in parts (about 20 bytes each), for the codec's and the intake's parts path.</summary>
    public static (Elements First, List<Elements> Following) InParts(int index) => ElementsCodec.ToParts(Inputs[index], 20);
}
