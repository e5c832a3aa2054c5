using ActorMap.Cluster.FailureDetection;
using ActorMap.TestKit;

namespace ActorMap.Cluster.Tests.FailureDetection;

public class PhiAccrualFailureDetectorSpec
{
    private static readonly FailureDetectorSettings s_settings = new(
        Threshold: 8.0,
        HeartbeatInterval: TimeSpan.FromSeconds(1),
        AcceptableHeartbeatPause: TimeSpan.FromSeconds(3),
        MinStdDeviation: TimeSpan.FromMilliseconds(100),
        MaxSampleSize: 1000,
        FirstHeartbeatEstimate: TimeSpan.FromSeconds(1));

    private static (PhiAccrualFailureDetector Detector, ManualClock Clock) Regular(int beats)
    {
        var clock = new ManualClock();
        var detector = new PhiAccrualFailureDetector(s_settings, clock);
        for (var i = 0; i < beats; i++)
        {
            detector.Heartbeat();
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        return (detector, clock);
    }

    [Fact]
    public void IsAvailable_BeforeAnyHeartbeat_IsTrueAndNotMonitoring()
    {
        var detector = new PhiAccrualFailureDetector(s_settings, new ManualClock());

        Assert.True(detector.IsAvailable);
        Assert.False(detector.IsMonitoring);
        Assert.Equal(0.0, detector.Phi());
    }

    [Fact]
    public void IsAvailable_WithRegularHeartbeats_StaysTrue()
    {
        var (detector, _) = Regular(20);

        Assert.True(detector.IsAvailable);
        Assert.True(detector.Phi() < 1.0);
    }

    [Fact]
    public void IsAvailable_AfterSilenceWellBeyondTheAcceptablePause_IsFalse()
    {
        var (detector, clock) = Regular(20);

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.False(detector.IsAvailable);
    }

    [Fact]
    public void IsAvailable_WithinTheAcceptablePause_IsTrue()
    {
        var (detector, clock) = Regular(20);

        clock.Advance(TimeSpan.FromSeconds(2.5));

        Assert.True(detector.IsAvailable);
    }

    [Fact]
    public void Phi_GrowsWithSilence()
    {
        var (detector, clock) = Regular(20);
        var previous = detector.Phi();
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            var phi = detector.Phi();
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi}");
            previous = phi;
        }
    }

    [Fact]
    public void Heartbeat_AfterAnOutage_MakesTheNodeAvailableAgain()
    {
        var (detector, clock) = Regular(20);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(detector.IsAvailable);

        detector.Heartbeat();

        Assert.True(detector.IsAvailable);
    }

    [Theory]
    [InlineData(1000, 1000, 100, 0.30)]
    [InlineData(1300, 1000, 100, 2.87)]
    public void Phi_MatchesTheNormalTail(double elapsed, double mean, double deviation, double expected) =>
        Assert.Equal(expected, PhiAccrualFailureDetector.Phi(elapsed, mean, deviation), 1);

    [Fact]
    public void Phi_FarIntoTheTail_StaysFinite() =>
        Assert.True(double.IsFinite(PhiAccrualFailureDetector.Phi(100_000, 1000, 100)));
}
