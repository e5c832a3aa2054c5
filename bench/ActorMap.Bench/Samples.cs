using System.Globalization;

namespace ActorMap.Bench;

/// <summary>Measurements of one thing, sorted, reported as min / median / max (the upper median when the count is even).</summary>
internal sealed class Samples
{
    private readonly double[] _sorted;

    public Samples(IEnumerable<double> values)
    {
        _sorted = [.. values.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(values));
        }
    }

    public double Min => _sorted[0];

    public double Median => _sorted[_sorted.Length / 2];

    public double Max => _sorted[^1];

    public int Count => _sorted.Length;

    public Samples Select(Func<double, double> map) => new(_sorted.Select(map));

    /// <summary>"min / median / max" with <paramref name="format"/> applied to each.</summary>
    public string ToString(string format) => string.Create(CultureInfo.InvariantCulture,
        $"{Min.ToString(format, CultureInfo.InvariantCulture)} / {Median.ToString(format, CultureInfo.InvariantCulture)} / {Max.ToString(format, CultureInfo.InvariantCulture)}");

    public override string ToString() => ToString("F2");
}
