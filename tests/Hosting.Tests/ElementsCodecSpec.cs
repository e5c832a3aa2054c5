using ActorMap.Compute;
using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Wire;

namespace ActorMap.Hosting.Tests;

public class ElementsCodecSpec
{
    [Fact]
    public void Range_TravelsAsItsBounds()
    {
        var wire = ElementsCodec.FromInput(new RangeMapInput(new LongRange(5, 1_000_000_005)));

        Assert.Equal(5, wire.Range.First);
        Assert.Equal(1_000_000_000, wire.Range.Count);
        Assert.Equal(new LongRange(5, 1_000_000_005), ((RangeMapInput)ElementsCodec.ToInput(wire)).Range);
    }

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Arrays_RoundTrip(string elementType, Array items)
    {
        var kind = ElementKindExtensions.ParseCSharpName(elementType);
        var back = (ListMapInput)ElementsCodec.ToInput(ElementsCodec.FromInput(new ListMapInput(kind, items)));

        Assert.Equal(kind, back.Kind);
        Assert.Equal(items, back.Items);
    }

    public static TheoryData<string, Array> Arrays() => new()
    {
        { "long", new long[] { 1, -2, long.MaxValue } },
        { "double", new[] { 0.5, double.NaN, -1e300 } },
        { "string", new[] { "a", "", "ü" } },
        { "long[]", new[] { new long[] { 1, 5, 9 }, Array.Empty<long>() } },
        { "double[]", new[] { new[] { 1.5 }, new[] { 2.5, 3.5 } } },
        { "string[]", new[] { new[] { "x", "y" }, Array.Empty<string>() } },
        { "long", Array.Empty<long>() },
    };

    [Fact]
    public void ChunkInput_RoundTrips()
    {
        var chunk = ElementsCodec.ToChunk(ElementsCodec.FromChunk(new ArrayChunk<double>([1.5, 2.5]), "double"));

        Assert.Equal([1.5, 2.5], ((ArrayChunk<double>)chunk).Items);
    }
}
