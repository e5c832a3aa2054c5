namespace Harmonic;

/// <summary>Plain data that travels as JSON: how many results had each digit count.</summary>
public sealed record Histogram(Dictionary<long, long> Counts)
{
    public Histogram()
        : this(new Dictionary<long, long>())
    {
    }

    public Histogram Add(long digits)
    {
        Counts[digits] = Counts.GetValueOrDefault(digits) + 1;
        return this;
    }
}
