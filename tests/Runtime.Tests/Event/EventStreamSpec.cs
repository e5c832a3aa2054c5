using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;
using ActorMap.Runtime.Tests.Actor;

namespace ActorMap.Runtime.Tests.Event;

public class EventStreamSpec : TestKit.TestKit
{
    private sealed record Animal(string Name);

    [Fact]
    public void Publish_must_reach_subscribers_of_the_type_and_its_base_types()
    {
        var byType = CreateTestProbe();
        var everything = CreateTestProbe();
        Sys.EventStream.Subscribe<Animal>(byType);
        Sys.EventStream.Subscribe<object>(everything);

        Sys.EventStream.Publish(new Animal("cat"));
        Sys.EventStream.Publish("not an animal");

        byType.ExpectMsg(new Animal("cat"));
        byType.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        everything.FishForMessage(m => m is Animal);
        everything.FishForMessage(m => m is "not an animal");
    }

    [Fact]
    public void Unsubscribe_must_stop_delivery()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe<Animal>(probe));
        Assert.False(Sys.EventStream.Subscribe<Animal>(probe));

        Assert.True(Sys.EventStream.Unsubscribe(probe, typeof(Animal)));
        Sys.EventStream.Publish(new Animal("dog"));

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Message_to_a_stopped_actor_must_be_published_as_a_DeadLetter()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe);
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        echo.Tell("too late", TestActor);

        var dead = probe.ExpectMsg<DeadLetter>();
        Assert.Equal("too late", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(echo, dead.Recipient);
    }

    [Fact]
    public void Messages_sent_to_DeadLetters_must_be_published()
    {
        EventFilter.DeadLetter<string>(m => m == "lost").ExpectOne(() => Sys.DeadLetters.Tell("lost", TestActor));
    }

    [Fact]
    public void Unhandled_message_must_be_published_as_UnhandledMessage()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(probe);
        var picky = Sys.ActorOf(Props.Create(() => new OnlyStrings()));

        picky.Tell(42, TestActor);

        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(picky, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void Actor_logger_must_publish_log_events_with_the_actor_path_as_source()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Chatty()), "chatty");

        EventFilter.Warning(contains: "careful", source: "/user/chatty").ExpectOne(() => actor.Tell("careful", TestActor));
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings() => Receive<string>(_ => { });
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<string>(m => log.Warning(m));
        }
    }
}
