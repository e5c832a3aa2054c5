using System.Globalization;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Tests.Support;

/// <summary>
/// Compares resolved trees as the conformance README asks: numbers by value (1 equals 1.0),
/// objects regardless of key order.
/// </summary>
internal static class TreeAssert
{
    public static void Equal(HoconConfig expected, HoconConfig actual)
    {
        var difference = FindDifference(expected.Root, actual.Root, "<root>");
        Assert.True(difference is null, difference);
    }

    public static bool AreEqual(HoconNode expected, HoconNode actual) => FindDifference(expected, actual, "<root>") is null;

    public static string? FindDifference(HoconNode expected, HoconNode actual, string at)
    {
        switch (expected, actual)
        {
            case (HoconObject e, HoconObject a):
                if (e.Count != a.Count)
                {
                    return $"{at}: expected keys [{string.Join(", ", e.Fields.Keys)}] but found [{string.Join(", ", a.Fields.Keys)}]";
                }

                foreach (var (key, value) in e.Fields)
                {
                    if (!a.TryGet(key, out var other))
                    {
                        return $"{at}: missing key '{key}'";
                    }

                    if (FindDifference(value, other, $"{at}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (HoconArray e, HoconArray a):
                if (e.Items.Count != a.Items.Count)
                {
                    return $"{at}: expected {e.Items.Count} elements but found {a.Items.Count}";
                }

                for (var i = 0; i < e.Items.Count; i++)
                {
                    if (FindDifference(e.Items[i], a.Items[i], $"{at}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (HoconScalar e, HoconScalar a):
                return ScalarsEqual(e, a) ? null : $"{at}: expected {e.Kind} {e.Text} but found {a.Kind} {a.Text}";
            default:
                return $"{at}: expected {expected.GetType().Name} but found {actual.GetType().Name}";
        }
    }

    private static bool ScalarsEqual(HoconScalar e, HoconScalar a)
    {
        if (e.Kind != a.Kind)
        {
            return false;
        }

        if (e.Kind == ScalarKind.Number)
        {
            return double.Parse(e.Text, CultureInfo.InvariantCulture) == double.Parse(a.Text, CultureInfo.InvariantCulture);
        }

        return e.Text == a.Text;
    }
}
