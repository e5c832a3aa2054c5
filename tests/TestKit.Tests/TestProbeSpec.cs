using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class TestProbeSpec : TestKit
{
    [Fact]
    public void TestProbe_must_receive_replies_when_used_as_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var probe = CreateTestProbe();

        echo.Tell("hi", probe.Ref);

        probe.ExpectMsg("hi");
        Assert.Equal(echo, probe.LastSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void TestProbe_must_send_Reply_to_the_original_sender()
    {
        var probe = CreateTestProbe();

        Send(probe.Ref, "question");
        probe.ExpectMsg("question");
        probe.Reply("answer");

        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void TestProbe_must_keep_the_original_sender_on_Forward()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        Send(first.Ref, "job");
        first.ExpectMsg("job");
        first.Forward(second.Ref, "job");

        second.ExpectMsg("job");
        Assert.Equal(TestActor, second.LastSender);
    }

    [Fact]
    public void TestProbe_must_be_watchable_by_an_actor_and_report_Terminated_when_its_Ref_stops()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new WatchingActor(probe, TestActor)));
        ExpectMsg("watching");

        Sys.Stop(probe.Ref);

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(probe.Ref, terminated.ActorRef);
    }

    [Fact]
    public void TestProbe_must_watch_an_actor_and_expect_its_Terminated()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        probe.Watch(echo);
        Sys.Stop(echo);

        probe.ExpectTerminated(echo);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void TestProbe_must_keep_its_own_queue_apart_from_the_TestActor()
    {
        var probe = CreateTestProbe();

        probe.Tell("for the probe", ActorRefs.NoSender);
        TestActor.Tell("for the kit", ActorRefs.NoSender);

        probe.ExpectMsg("for the probe");
        ExpectMsg("for the kit");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void TestProbe_must_fail_its_own_expectations_independently()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("for the kit", ActorRefs.NoSender);

        Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(TimeSpan.FromMilliseconds(200)));
        ExpectMsg("for the kit");
    }

    [Fact]
    public void TestProbe_must_be_named_after_its_name_and_equal_its_Ref()
    {
        var probe = CreateTestProbe("worker");

        Assert.Equal("probe-worker", probe.Ref.Path.Name);
        Assert.True(probe.Equals(probe.Ref));
        Assert.Equal(probe.Ref.GetHashCode(), probe.GetHashCode());
    }
}
