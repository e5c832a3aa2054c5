using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class IgnoreMessagesSpec : TestKit
{
    [Fact]
    public void IgnoreMessages_OfAType_DropsThemBeforeTheyAreQueued()
    {
        IgnoreMessages<int>();

        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell("kept", ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);

        ExpectMsg("kept");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void IgnoreMessages_WithPredicate_DropsOnlyMatching()
    {
        IgnoreMessages(m => m is string s && s.StartsWith("heartbeat", StringComparison.Ordinal));

        TestActor.Tell("heartbeat-1", ActorRefs.NoSender);
        TestActor.Tell("work", ActorRefs.NoSender);

        ExpectMsg("work");
    }

    [Fact]
    public void IgnoreNoMessages_AfterIgnoring_QueuesEverythingAgain()
    {
        IgnoreMessages<int>();
        TestActor.Tell(1, ActorRefs.NoSender);
        // The test actor handles messages in order: once "sync" is here, 1 was seen while ignored.
        TestActor.Tell("sync", ActorRefs.NoSender);
        ExpectMsg("sync");

        IgnoreNoMessages();
        TestActor.Tell(2, ActorRefs.NoSender);

        ExpectMsg(2);
    }
}
