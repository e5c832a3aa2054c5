namespace Harmonic;

/// <summary>A record whose instance method is a job's function: the record travels with it.</summary>
public sealed record Weights(long Scale, long[] Table)
{
    public long Apply(long x) => Scale * Table[(int)(((x % Table.Length) + Table.Length) % Table.Length)] + Series.DenominatorDigits(x);
}
