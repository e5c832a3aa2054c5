using System.Text;
using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>Any input the client can send comes out of the codec as it went in, whole or cut into parts of any size.</summary>
public class ElementsCodecPropertiesSpec
{
    private const int Cases = 300;

    [Fact]
    public Task Any_input_round_trips_through_its_bytes() => SeededProperty.CheckAsync(
        Prop.ForAll(Inputs().ToArbitrary(), input =>
            SameInput.As(input, ElementsCodec.ToInput(Elements.Parser.ParseFrom(ElementsCodec.FromInput(input).ToByteArray())))),
        Cases);

    [Fact]
    public Task Any_input_cut_into_parts_of_any_size_round_trips() => SeededProperty.CheckAsync(
        Prop.ForAll(Inputs().ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (input, partBytes) =>
        {
            var (first, following) = ElementsCodec.ToParts(input, partBytes);
            var back = ElementsCodec.ToInput(Reparsed(first), [.. following.Select(Reparsed)]);
            return SameInput.As(input, back) && following.All(part => ElementsCodec.Count(part) > 0);
        }),
        Cases);

    private static Elements Reparsed(Elements elements) => Elements.Parser.ParseFrom(elements.ToByteArray());

    private static Gen<MapInput> Inputs() => Gen.OneOf(
        List(ElementKind.Long, ArbMap.Default.GeneratorFor<long[]>()),
        List(ElementKind.Double, ArbMap.Default.GeneratorFor<double[]>()),
        List(ElementKind.String, Strings()),
        List(ElementKind.LongRow, ArbMap.Default.GeneratorFor<long[][]>().Select(rows => rows.Select(r => r ?? []).ToArray())),
        List(ElementKind.DoubleRow, ArbMap.Default.GeneratorFor<double[][]>().Select(rows => rows.Select(r => r ?? []).ToArray())),
        List(ElementKind.StringRow, Gen.ArrayOf(Strings())),
        from first in Gen.Choose(int.MinValue, int.MaxValue)
        from count in Gen.Choose(0, int.MaxValue)
        select (MapInput)new RangeMapInput(new LongRange(first * 4096L, (first * 4096L) + count)));

    private static Gen<MapInput> List<T>(ElementKind kind, Gen<T[]> items) => items.Select(a => (MapInput)new ListMapInput(kind, a));

    // What a client's JSON can hold: no null element, and text that UTF-8 can carry (a lone surrogate cannot).
    private static Gen<string[]> Strings() => ArbMap.Default.GeneratorFor<string[]>().Select(strings =>
        strings.Select(s => s is not null && Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s ? s : "").ToArray());
}
