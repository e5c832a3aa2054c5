namespace ActorMap.TestKit.Tests;

public class ManualClockSpec
{
    private static readonly DateTimeOffset s_start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(s_start);
    private readonly List<string> _fired = [];

    private ITimer Timer(string name, TimeSpan due, TimeSpan? period = null) =>
        _clock.CreateTimer(_ => _fired.Add(name), null, due, period ?? Timeout.InfiniteTimeSpan);

    [Fact]
    public void CreateTimer_WithoutAdvance_NeverFires()
    {
        using var timer = Timer("a", TimeSpan.Zero);

        Assert.Empty(_fired);
        Assert.Equal(1, _clock.PendingTimers);
    }

    [Fact]
    public void Advance_JustBeforeTheDueTime_DoesNotFire_AndReachingItDoes()
    {
        using var timer = Timer("a", TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(_fired);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["a"], _fired);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void Advance_PastSeveralTimers_FiresThemInDueOrder()
    {
        using var c = Timer("c", TimeSpan.FromSeconds(3));
        using var a = Timer("a", TimeSpan.FromSeconds(1));
        using var b = Timer("b", TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b", "c"], _fired);
    }

    [Fact]
    public void Advance_PastAPeriodicTimer_FiresOncePerPeriodPassed()
    {
        using var tick = Timer("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, _fired.Count);

        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(4, _fired.Count);
    }

    [Fact]
    public void Advance_WhileATimerFires_ShowsItsDueTimeAsNow()
    {
        var seen = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => seen.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([s_start.AddSeconds(2), s_start.AddSeconds(4)], seen);
        Assert.Equal(s_start.AddSeconds(5), _clock.GetUtcNow());
    }

    [Fact]
    public void Advance_WhenACallbackSchedulesATimerDueInTheWindow_FiresItToo()
    {
        ITimer? inner = null;
        using var outer = _clock.CreateTimer(_ =>
        {
            _fired.Add("outer");
            inner = Timer("inner", TimeSpan.FromSeconds(1));
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["outer", "inner"], _fired);
        inner?.Dispose();
    }

    [Fact]
    public void Dispose_BeforeTheDueTime_CancelsTheTimer()
    {
        var timer = Timer("a", TimeSpan.FromSeconds(1));

        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(_fired);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void Dispose_OfAPeriodicTimer_StopsFurtherTicks()
    {
        var tick = Timer("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));

        tick.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, _fired.Count);
    }

    [Fact]
    public void Change_ToInfinite_DisarmsTheTimer()
    {
        using var timer = Timer("a", TimeSpan.FromSeconds(1));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(_fired);
    }

    [Fact]
    public void Change_ToALaterDueTime_MovesTheTimer()
    {
        using var timer = Timer("a", TimeSpan.FromSeconds(1));

        timer.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_fired);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["a"], _fired);
    }

    [Fact]
    public void GetUtcNow_AfterAdvance_MovesByExactlyThatMuch()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(s_start + TimeSpan.FromMilliseconds(1500), _clock.GetUtcNow());
    }

    [Fact]
    public void GetTimestamp_AfterAdvance_MovesByExactlyThatMuch()
    {
        var before = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), _clock.GetElapsedTime(before));
    }

    [Fact]
    public void GetUtcNow_WithoutAdvance_StandsStill()
    {
        var before = _clock.GetTimestamp();

        Assert.Equal(s_start, _clock.GetUtcNow());
        Assert.Equal(before, _clock.GetTimestamp());
    }

    [Fact]
    public void Advance_ByANegativeSpan_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.Advance(TimeSpan.FromTicks(-1)));
}
