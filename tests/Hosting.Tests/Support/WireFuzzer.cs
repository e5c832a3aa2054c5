using System.Diagnostics;
using System.Globalization;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// A seeded mutation fuzzer for our decoders: up to a number of cases within a time box, each
/// made from a <see cref="Random"/> of its own (the seed and the case index), so a failure names
/// a case that can be made again alone. The first input that throws anything the check does not
/// catch fails the spec with the seed, the case index and the input in hex, ready to be kept as a
/// crasher. A hang fails at a deadline far past the time box, naming the input it is stuck on.
/// <para>
/// In CI both bounds hold: at most the spec's case count and <see cref="DefaultSeconds"/> each.
/// <c>ACTORMAP_FUZZ_SECONDS=600</c> lifts the count and fuzzes for that long instead;
/// <c>ACTORMAP_FUZZ_SEED=n</c> starts from another seed (the default is <see cref="DefaultSeed"/>).
/// </para>
/// </summary>
internal static class WireFuzzer
{
    public const int DefaultSeed = 731;
    public const double DefaultSeconds = 2;

    // So that a slow machine still covers every mutation kind over every valid message.
    private const int MinimumCases = 200;

    // Far past any time box: only a decoder that never returns gets here.
    private static readonly TimeSpan s_hangAfter = TimeSpan.FromSeconds(60);

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("ACTORMAP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private static readonly double? s_seconds = double.TryParse(Environment.GetEnvironmentVariable("ACTORMAP_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : null;

    /// <summary>The same <see cref="Random"/> for a case on every run of a seed.</summary>
    public static Random CaseRandom(int index) => new(unchecked((Seed * 1_000_003) + index));

    /// <summary>One of <paramref name="valid"/> with one to three mutations of <see cref="ProtobufMutator"/>.</summary>
    public static byte[] Mutated(IReadOnlyList<byte[]> valid, Random random)
    {
        var bytes = valid[random.Next(valid.Count)];
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            bytes = ProtobufMutator.Mutate(bytes, random);
        }
        return bytes;
    }

    /// <summary>A stream of messages for a failure message: each in hex, in order.</summary>
    public static string HexOf(IEnumerable<byte[]> messages) => string.Join(" | ", messages.Select(Convert.ToHexString));

    /// <summary>Fuzzes one message at a time; <paramref name="check"/> returns whether it decoded (true) or was refused (false).</summary>
    public static Task<FuzzRun> RunAsync(string what, int cases, Func<Random, byte[]> next, Func<byte[], bool> check) =>
        RunAsync(what, cases, next, check, Convert.ToHexString);

    /// <summary>Fuzzes any kind of input with a check that needs no awaiting.</summary>
    public static Task<FuzzRun> RunAsync<T>(string what, int cases, Func<Random, T> next, Func<T, bool> check, Func<T, string> show) =>
        RunAsync(what, cases, next, input => Task.FromResult(check(input)), show);

    /// <summary>Fuzzes any kind of input, a message or a stream of them; <paramref name="show"/> prints one for the failure message.</summary>
    public static async Task<FuzzRun> RunAsync<T>(string what, int cases, Func<Random, T> next, Func<T, Task<bool>> check, Func<T, string> show)
    {
        var budget = TimeSpan.FromSeconds(s_seconds ?? DefaultSeconds);
        var limit = s_seconds is null ? cases : int.MaxValue;
        Current<T>? current = null;
        var loop = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var (decoded, refused) = (0, 0);
            for (var i = 0; i < limit && (i < MinimumCases || clock.Elapsed < budget); i++)
            {
                var input = next(CaseRandom(i));
                current = new Current<T>(i, input);
                try
                {
                    _ = await check(input) ? decoded++ : refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{what}: {Case(i)} threw {e.GetType().FullName}: {e.Message}\ninput: {show(input)}\n{e.StackTrace}");
                }
            }
            return new FuzzRun(decoded, refused);
        });
        try
        {
            return await loop.WaitAsync(s_hangAfter);
        }
        catch (TimeoutException)
        {
            var stuck = current is { } c ? $"{Case(c.Index)} has not returned after {s_hangAfter.TotalSeconds:0} s\ninput: {show(c.Input)}" : "the first case was never made";
            Assert.Fail($"{what}: {stuck}");
            throw;
        }
    }

    // A reference, so the waiting thread reads the index and the input of the same case.
    private sealed record Current<T>(int Index, T Input);

    private static string Case(int index) => string.Create(CultureInfo.InvariantCulture, $"case {index} of seed {Seed} (ACTORMAP_FUZZ_SEED={Seed})");
}

/// <summary>How many fuzzed inputs decoded and how many were refused: a run whose mutations never get past the parser checks little.</summary>
internal sealed record FuzzRun(int Decoded, int Refused)
{
    public void AssertReachedBothOutcomes(string what)
    {
        Assert.True(Decoded > 0, $"{what}: none of {Refused} mutated inputs decoded, so the decoder's own checks were never reached");
        Assert.True(Refused > 0, $"{what}: all {Decoded} mutated inputs decoded, so no refusal was exercised");
    }
}
