using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Hocon.Tests.Properties;

/// <summary>
/// Whatever the text, parsing and resolving either succeed or throw a <see cref="HoconException"/>,
/// and they finish: the whole check runs under a deadline so a hang fails instead of stalling.
/// </summary>
public class ParserRobustnessProperties
{
    private const int Cases = 400;
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void Random_fragment_text_parses_or_fails_with_HoconException()
    {
        var fragments = Gen.Elements(MutationCorpus.Fragments);
        var text = Gen.ArrayOf(fragments).Select(parts => string.Concat(parts));

        Check(text.ToArbitrary());
    }

    [Fact]
    public void Random_unicode_text_parses_or_fails_with_HoconException()
    {
        Check(ArbMap.Default.ArbFor<string>().Filter(s => s is not null));
    }

    [Fact]
    public void Mutated_conformance_files_parse_or_fail_with_HoconException()
    {
        var documents = MutationCorpus.Documents;
        var mutation =
            from kind in Gen.Choose(0, 2)
            from position in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(1, 40)
            from replacement in Gen.Elements(MutationCorpus.Fragments)
            select (Kind: kind, Position: position, Length: length, Replacement: replacement);
        var mutated =
            from index in Gen.Choose(0, documents.Length - 1)
            from mutations in Gen.ArrayOf(mutation)
            select mutations.Aggregate(documents[index], Apply);

        Check(mutated.ToArbitrary());
    }

    private static string Apply(string text, (int Kind, int Position, int Length, string Replacement) m)
    {
        if (text.Length == 0)
        {
            return m.Replacement;
        }

        var at = m.Position % text.Length;
        var length = Math.Min(m.Length, text.Length - at);
        return m.Kind switch
        {
            // Flip: overwrite one character with a fragment.
            0 => string.Concat(text.AsSpan(0, at), m.Replacement, text.AsSpan(at + 1)),

            // Delete a slice.
            1 => text.Remove(at, length),

            // Duplicate a slice in place.
            _ => text.Insert(at, text.Substring(at, length)),
        };
    }

    private static void Check(Arbitrary<string> texts)
    {
        var property = Prop.ForAll(texts, ParsesOrFailsCleanly);
        var run = Task.Run(() => FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property));

        Assert.True(run.Wait(s_deadline), $"parsing did not finish within {s_deadline}");
        run.GetAwaiter().GetResult();
    }

    private static bool ParsesOrFailsCleanly(string text)
    {
        try
        {
            var config = HoconConfig.Parse(text, resolveEnv: false);
            _ = config.ToJson();
            _ = config.ToHocon();
            return true;
        }
        catch (HoconException)
        {
            return true;
        }
    }
}
