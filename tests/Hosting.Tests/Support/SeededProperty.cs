using FsCheck;
using Microsoft.FSharp.Core;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// FsCheck properties on <see cref="WireFuzzer.Seed"/>: the same cases on every run, another
/// seed with ACTORMAP_FUZZ_SEED, and a hang fails at a deadline instead of stalling the suite.
/// </summary>
internal static class SeededProperty
{
    private static readonly TimeSpan s_hangAfter = TimeSpan.FromSeconds(60);

    public static async Task CheckAsync(Property property, int cases)
    {
        var replay = new Replay(new Rnd((ulong)WireFuzzer.Seed), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(FSharpOption<Replay>.Some(replay));
        var run = Task.Run(() => Check.One(config, property));
        try
        {
            await run.WaitAsync(s_hangAfter);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the property has not finished {cases} cases of seed {WireFuzzer.Seed} after {s_hangAfter.TotalSeconds:0} s");
        }
    }
}
