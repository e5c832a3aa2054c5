using ActorMap.Functions.Input;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>Whether two inputs hold the same elements: doubles bit for bit, so NaN equals itself and -0 is not 0.</summary>
internal static class SameInput
{
    public static bool As(MapInput expected, MapInput actual) => (expected, actual) switch
    {
        (RangeMapInput a, RangeMapInput b) => a.Range == b.Range,
        (ListMapInput a, ListMapInput b) => a.Kind == b.Kind && Items(a.Items, b.Items),
        _ => false,
    };

    private static bool Items(Array expected, Array actual) =>
        expected.GetType() == actual.GetType()
        && expected.Length == actual.Length
        && Enumerable.Range(0, expected.Length).All(i => Item(expected.GetValue(i), actual.GetValue(i)));

    private static bool Item(object? expected, object? actual) => (expected, actual) switch
    {
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (Array a, Array b) => Items(a, b),
        _ => Equals(expected, actual),
    };
}
