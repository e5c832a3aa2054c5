using ActorMap.Compute;
using ActorMap.Compute.Actors;
using ActorMap.Hosting.Wire;
using Akka.Actor;
using Google.Protobuf;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Tests;

/// <summary>A job's supervision on the wire: SubmitJob's overrides, RunChunk's policy, ChunkFailed's directive.</summary>
public sealed class SupervisionWireSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void SubmitJob_EveryOverride_RoundTrips()
    {
        var overrides = new SupervisionOverrides(Directive.Escalate,
            new Dictionary<string, Directive> { ["System.FormatException"] = Directive.Resume, ["MyLib.RowException"] = Directive.Stop },
            MaxRetries: 0, Within: TimeSpan.FromSeconds(10));
        var submit = new Proto.SubmitJob();

        SupervisionWire.Write(overrides, submit);
        var back = SupervisionWire.Read(Proto.SubmitJob.Parser.ParseFrom(submit.ToByteArray()));

        Assert.Equal((Directive.Escalate, 0, TimeSpan.FromSeconds(10)), (back.Default, back.MaxRetries, back.Within));
        Assert.Equal(overrides.Directives, back.Directives);
    }

    [Fact]
    public void SubmitJob_NoOverrides_LeavesEveryPartToTheSeed()
    {
        var submit = new Proto.SubmitJob();

        SupervisionWire.Write(SupervisionOverrides.None, submit);
        var back = SupervisionWire.Read(submit);

        Assert.Equal(("", -1, 0L), (submit.Supervision, submit.RetriesPerChunk, submit.RetryWindowMs));
        Assert.Equal((null, null, null), (back.Default, back.MaxRetries, back.Within));
        Assert.Empty(back.Directives);
    }

    [Fact]
    public void SubmitJob_InfiniteWindow_TravelsAsMinusOne()
    {
        var submit = new Proto.SubmitJob();

        SupervisionWire.Write(SupervisionOverrides.None with { Within = Timeout.InfiniteTimeSpan }, submit);

        Assert.Equal(-1, submit.RetryWindowMs);
        Assert.Equal(Timeout.InfiniteTimeSpan, SupervisionWire.Read(submit).Within);
    }

    [Theory]
    [InlineData("supervision", "sometimes", "supervision must be restart, resume, stop or escalate, got 'sometimes'")]
    [InlineData("directive", "skip", "directives[System.FormatException] must be restart, resume, stop or escalate, got 'skip'")]
    [InlineData("window", "-5", "retry_window_ms must be positive, 0 (the Seed's default) or -1 (no window), got -5")]
    public void SubmitJob_BadField_IsRefusedNamingIt(string field, string value, string message)
    {
        var submit = new Proto.SubmitJob();
        switch (field)
        {
            case "supervision":
                submit.Supervision = value;
                break;
            case "directive":
                submit.Directives["System.FormatException"] = value;
                break;
            default:
                submit.RetryWindowMs = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SupervisionWire.Read(submit)).Message);
    }

    [Fact]
    public void RunChunk_Policy_RoundTrips()
    {
        var policy = new SupervisionPolicy(Directive.Stop).On<FormatException>(Directive.Resume).On("MyLib.RowException", Directive.Escalate);
        var run = new Proto.RunChunk();

        SupervisionWire.Write(policy, run);
        var back = Proto.RunChunk.Parser.ParseFrom(run.ToByteArray());

        Assert.Equal(policy, SupervisionWire.Read(back.Supervision, back.Directives));
    }

    [Fact]
    public void RunChunk_NamesThisNodeDoesNotKnow_ReadAsRestart()
    {
        var run = new Proto.RunChunk { Supervision = "hibernate" };
        run.Directives["System.FormatException"] = "hibernate";

        Assert.Equal(new SupervisionPolicy().On<FormatException>(Directive.Restart), SupervisionWire.Read(run.Supervision, run.Directives));
    }

    [Theory]
    [InlineData(Directive.Restart)]
    [InlineData(Directive.Resume)]
    [InlineData(Directive.Stop)]
    [InlineData(Directive.Escalate)]
    public void ChunkFailed_Directive_RoundTripsThroughTheSerializer(Directive directive)
    {
        var serializer = new ComputeSerializer((ExtendedActorSystem)Sys);
        var failed = new ChunkFailed(3, 4, new ElementFailure(40, "System.FormatException", "bad", "at x", "worker"), directive);

        var back = (ChunkFailed)serializer.FromBinary(serializer.ToBinary(failed), serializer.Manifest(failed));

        Assert.Equal(failed, back);
    }
}
