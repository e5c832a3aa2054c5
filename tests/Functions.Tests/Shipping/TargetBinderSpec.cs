using System.Text.Json;
using System.Text.Json.Serialization;
using ActorMap.Functions.Shipping;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class TargetBinderSpec
{
    [Fact]
    public void Read_WhatSystemTextJsonWrote_RestoresRecordsClassesStructsAndCollectionsOfTheUsersTypes()
    {
        var original = new Holder
        {
            Points = [new Point(1, 2), new Point(3, 4)],
            Named = new Dictionary<string, Point> { ["a"] = new Point(5, 6) },
            ByNumber = new Dictionary<int, Colour> { [7] = Colour.Blue },
            Tags = new HashSet<Colour> { Colour.Red },
            Sequence = new List<Point> { new(9, 9) },
            Pair = new Pair { Left = 1, Right = "r" },
            Renamed = "x",
            Maybe = null,
            Ratio = double.NaN,
        };
        var json = TargetJson.Write(original);

        using var document = JsonDocument.Parse(json);
        var restored = Assert.IsType<Holder>(TargetBinder.Read(document.RootElement, typeof(Holder)));

        Assert.Equal(original.Points, restored.Points);
        Assert.Equal(original.Named, restored.Named);
        Assert.Equal(original.ByNumber, restored.ByNumber);
        Assert.Equal(original.Tags, restored.Tags);
        Assert.Equal(original.Sequence, restored.Sequence);
        Assert.Equal(original.Pair, restored.Pair);
        Assert.Equal("x", restored.Renamed);
        Assert.Null(restored.Maybe);
        Assert.True(double.IsNaN(restored.Ratio));
        Assert.Contains("\"other\":\"x\"", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StateTheConstructorDoesNotTakeBack_IsRefusedBeforeTheJobStarts()
    {
        var error = Assert.Throws<UnshippableFunctionException>(() => TargetJson.Write(new Doubled(4)));

        Assert.Contains("does not come back the same", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ACollectionTypeItCannotBuild_SaysWhichTypesItCan()
    {
        using var document = JsonDocument.Parse("""{"Queue":[{"X":1,"Y":2}]}""");

        var error = Assert.Throws<NotSupportedException>(() => TargetBinder.Read(document.RootElement, typeof(WithQueue)));

        Assert.Contains("use an array, a List, a HashSet or a Dictionary", error.Message, StringComparison.Ordinal);
    }

    public enum Colour
    {
        Red = 1,
        Blue = 2,
    }

    public sealed record Point(long X, long Y);

    public struct Pair : IEquatable<Pair>
    {
        public int Left;
        public string Right;

        public readonly bool Equals(Pair other) => Left == other.Left && Right == other.Right;

        public override readonly bool Equals(object? obj) => obj is Pair other && Equals(other);

        public override readonly int GetHashCode() => HashCode.Combine(Left, Right);
    }

    public sealed class Holder
    {
        public Point[] Points { get; set; } = [];

        public Dictionary<string, Point> Named { get; init; } = [];

        public IReadOnlyDictionary<int, Colour> ByNumber { get; set; } = new Dictionary<int, Colour>();

        public ISet<Colour> Tags { get; set; } = new HashSet<Colour>();

        public IEnumerable<Point> Sequence { get; set; } = [];

        public Pair Pair { get; set; }

        [JsonPropertyName("other")]
        public string Renamed { get; set; } = "";

        public Point? Maybe { get; set; }

        public double Ratio { get; set; }
    }

    // The constructor's parameter is named after the property, but the property is not what it was given.
    public sealed class Doubled(long value)
    {
        public long Value { get; } = value * 2;
    }

    public sealed class WithQueue
    {
        public Queue<Point> Queue { get; set; } = new();
    }
}
