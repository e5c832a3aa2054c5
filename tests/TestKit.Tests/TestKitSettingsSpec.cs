namespace ActorMap.TestKit.Tests;

public class TestKitSettingsSpec
{
    [Fact]
    public void Dilated_WithTimeFactor_MultipliesTheDuration()
    {
        var settings = new TestKitSettings { TimeFactor = 2 };

        Assert.Equal(TimeSpan.FromSeconds(6), settings.Dilated(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Dilated_WithFractionalTimeFactor_KeepsTheFraction()
    {
        var settings = new TestKitSettings { TimeFactor = 1.5 };

        Assert.Equal(TimeSpan.FromMilliseconds(450), settings.Dilated(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Dilated_OfInfinite_StaysInfinite()
    {
        var settings = new TestKitSettings { TimeFactor = 3 };

        Assert.Equal(Timeout.InfiniteTimeSpan, settings.Dilated(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Defaults_AreTheDocumentedTimeouts()
    {
        var settings = new TestKitSettings { TimeFactor = 1 };

        Assert.Equal(TimeSpan.FromSeconds(3), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(300), settings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.EventFilterLeeway);
    }
}
