using ActorMap.Functions.Input;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Hosting.Wire;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Google.Protobuf;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>
/// Whatever bytes arrive as <see cref="Elements"/>, the codec either decodes them to an input that
/// agrees with itself (its count, its type, its re-encoding) or refuses them with a
/// <see cref="FormatException"/>, and it allocates no more than the message carries: a count the
/// message only claims is refused or kept lazy, never allocated. Seed and time box: see
/// <see cref="WireFuzzer"/>.
/// </summary>
public class ElementsCodecFuzzSpec
{
    private const int Cases = 20_000;

    [Fact]
    public async Task Mutated_elements_decode_consistently_or_are_refused_with_FormatException()
    {
        var run = await WireFuzzer.RunAsync("Elements", Cases, random => WireFuzzer.Mutated(ValidElements.Bytes, random), DecodesConsistently);

        run.AssertReachedBothOutcomes("Elements");
    }

    [Fact]
    public async Task Mutated_parts_decode_to_their_sum_or_are_refused_with_FormatException()
    {
        var run = await WireFuzzer.RunAsync("Elements in parts", Cases, MutatedParts, PartsDecodeToTheirSum, WireFuzzer.HexOf);

        run.AssertReachedBothOutcomes("Elements in parts");
    }

    [Fact]
    public void A_range_claiming_more_than_a_chunk_holds_must_be_refused()
    {
        var range = new Elements { ElementType = "long", Range = new RangeBounds { First = 0, Count = long.MaxValue } };

        Assert.Contains("larger than a chunk can be", Assert.Throws<FormatException>(() => ElementsCodec.ToChunk(range)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_claiming_any_count_must_decode_without_allocating_its_elements()
    {
        var range = new Elements { ElementType = "long", Range = new RangeBounds { First = -5, Count = int.MaxValue } };

        var (chunk, allocated) = Allocation.Of(() => ElementsCodec.ToChunk(range));

        Assert.Equal(int.MaxValue, chunk.Count);
        Assert.True(allocated < 4096, $"a range chunk allocated {allocated} bytes");
    }

    [Fact]
    public void Parts_whose_ranges_wrap_the_count_must_be_refused_before_allocating()
    {
        // 1 + (2^63 - 1) + (2^63 - 1) + (10^7 + 1) wraps to 10^7: that many longs would be 80 MB.
        var first = new Elements { ElementType = "long", Longs = PackedArrays.FromLongs([7]) };
        Elements Range(long count) => new() { ElementType = "long", Range = new RangeBounds { First = 0, Count = count } };

        var (refusal, allocated) = Allocation.Of(() => Record.Exception(() => ElementsCodec.ToInput(first, [Range(long.MaxValue), Range(long.MaxValue), Range(10_000_001)])));

        Assert.IsType<FormatException>(refusal);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void A_length_prefix_claiming_2_GiB_must_be_refused_by_the_parser_before_allocating()
    {
        // element_type "long", then longs (field 3) whose length says 0x7fffffff and which carries 8 bytes.
        byte[] bytes = [0x0a, 0x04, .. "long"u8, 0x1a, .. ProtobufMutator.Encode(0x7fff_ffff, 0), .. new byte[8]];

        var (refusal, allocated) = Allocation.Of(() => Record.Exception(() => Elements.Parser.ParseFrom(bytes)));

        Assert.IsType<InvalidProtocolBufferException>(refusal);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    private static bool DecodesConsistently(byte[] bytes)
    {
        if (Parsed(bytes) is not { } elements)
        {
            return false;
        }
        MapInput input;
        long allocated;
        try
        {
            (input, allocated) = Allocation.Of(() => ElementsCodec.ToInput(elements));
        }
        catch (FormatException)
        {
            Assert.Throws<FormatException>(() => ElementsCodec.ToChunk(elements));
            return false;
        }
        Assert.True(allocated <= Allocation.BoundFor(bytes.Length), $"decoding {bytes.Length} bytes allocated {allocated} bytes");
        // Count may let a malformed row through (it does not read rows), but never miscounts nor refuses what decodes.
        var count = ElementsCodec.Count(elements);
        Assert.Equal(count, input.Length);
        Assert.Equal(elements.ElementType, input.Kind.CSharpName());
        Assert.True(input is not ListMapInput list || list.Items.GetType().GetElementType() == input.Kind.ClrType(), "the items are not of the input's element type");
        if (elements.ValuesCase == Elements.ValuesOneofCase.Range && count > int.MaxValue)
        {
            Assert.Throws<FormatException>(() => ElementsCodec.ToChunk(elements));
        }
        else
        {
            Assert.Equal(count, ElementsCodec.ToChunk(elements).Count);
        }
        var again = ElementsCodec.ToInput(Elements.Parser.ParseFrom(ElementsCodec.FromInput(input).ToByteArray()));
        Assert.True(SameInput.As(input, again), "the decoded input, written and read again, changed");
        return true;
    }

    private static byte[][] MutatedParts(Random random)
    {
        var (first, following) = ValidElements.InParts(random.Next(ValidElements.Inputs.Count));
        var parts = following.Prepend(first).Select(p => p.ToByteArray()).ToArray();
        var mutated = random.Next(parts.Length);
        parts[mutated] = WireFuzzer.Mutated([parts[mutated]], random);
        return parts;
    }

    private static bool PartsDecodeToTheirSum(byte[][] messages)
    {
        var parsed = messages.Select(Parsed).ToArray();
        if (parsed.Any(p => p is null))
        {
            return false;
        }
        var parts = parsed.Select(p => p!).ToArray();
        try
        {
            var (input, allocated) = Allocation.Of(() => ElementsCodec.ToInput(parts[0], parts[1..]));
            Assert.True(allocated <= Allocation.BoundFor(messages.Sum(m => m.Length)), $"decoding parts allocated {allocated} bytes");
            Assert.Equal(parts.Sum(ElementsCodec.Count), input.Length);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // What gRPC or remoting would refuse before the codec sees it.
    private static Elements? Parsed(byte[] bytes)
    {
        try
        {
            return Elements.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
