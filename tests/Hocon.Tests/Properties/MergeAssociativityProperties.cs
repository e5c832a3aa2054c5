using System.Globalization;
using System.Text;
using ActorMap.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Hocon.Tests.Properties;

/// <summary>
/// Layering is associative: <c>(a.WithFallback(b)).WithFallback(c)</c> and
/// <c>a.WithFallback(b.WithFallback(c))</c> give the same tree, including when a non-object
/// value hides objects below it.
/// </summary>
public class MergeAssociativityProperties
{
    private const int Cases = 300;

    [Fact]
    public void WithFallback_is_associative_for_resolved_configs()
    {
        var property = Prop.ForAll(Seeds(), seeds =>
        {
            var (a, b, c) = (Build(seeds.Item1, resolved: true), Build(seeds.Item2, resolved: true), Build(seeds.Item3, resolved: true));
            return TreeAssert.AreEqual(a.WithFallback(b).WithFallback(c).Root, a.WithFallback(b.WithFallback(c)).Root);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    [Fact]
    public void WithFallback_is_associative_for_unresolved_configs()
    {
        var property = Prop.ForAll(Seeds(), seeds =>
        {
            var (a, b, c) = (Build(seeds.Item1, resolved: false), Build(seeds.Item2, resolved: false), Build(seeds.Item3, resolved: false));
            return TreeAssert.AreEqual(a.WithFallback(b).WithFallback(c).Root, a.WithFallback(b.WithFallback(c)).Root);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    private static Arbitrary<(int, int, int)> Seeds()
    {
        var seed = Gen.Choose(0, int.MaxValue);
        return (from x in seed from y in seed from z in seed select (x, y, z)).ToArbitrary();
    }

    // Small trees over few keys, so that layers often collide on the same paths with
    // objects, scalars, arrays and nulls.
    private static HoconConfig Build(int seed, bool resolved)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        WriteObjectBody(text, random, depth: 0);
        return resolved
            ? HoconConfig.Parse(text.ToString(), resolveEnv: false)
            : HoconConfig.ParseUnresolved(text.ToString(), HoconOptions.WithoutEnvironment);
    }

    private static void WriteObjectBody(StringBuilder text, Random random, int depth)
    {
        string[] keys = ["a", "b", "c"];
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            text.Append(keys[random.Next(keys.Length)]).Append(" = ");
            switch (depth < 3 ? random.Next(5) : random.Next(3))
            {
                case 0:
                    text.Append(random.Next(100).ToString(CultureInfo.InvariantCulture));
                    break;
                case 1:
                    text.Append("null");
                    break;
                case 2:
                    text.Append("[s").Append(random.Next(10).ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    text.Append("{\n");
                    WriteObjectBody(text, random, depth + 1);
                    text.Append('}');
                    break;
            }

            text.Append('\n');
        }
    }
}
