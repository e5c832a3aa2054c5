using System.Globalization;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// The deadlines of the multi-node specs: generous for a loaded 2-core machine, and all stretched
/// by ACTORMAP_TEST_TIMEFACTOR (as akka.test.timefactor stretches the TestKit's). They bound a wait; no spec asserts a duration.
/// </summary>
public static class Timeouts
{
    private static readonly double s_factor =
        double.TryParse(Environment.GetEnvironmentVariable("ACTORMAP_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f >= 1 ? f : 1;

    /// <summary>From process start to "listening on": a cold .NET start with JIT.</summary>
    public static TimeSpan NodeStart => Dilated(30);

    /// <summary>From a node listening to its being Up (or gone) in every member's view.</summary>
    public static TimeSpan Membership => Dilated(30);

    /// <summary>One console run: start, a possibly cold lambda compile, and the job.</summary>
    public static TimeSpan Job => Dilated(120);

    /// <summary>One <c>status</c> call.</summary>
    public static TimeSpan Status => Dilated(30);

    /// <summary>From SIGTERM to the exit of the node.</summary>
    public static TimeSpan Shutdown => Dilated(30);

    private static TimeSpan Dilated(int seconds) => TimeSpan.FromSeconds(seconds * s_factor);
}
