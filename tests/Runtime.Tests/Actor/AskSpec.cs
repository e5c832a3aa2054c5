using ActorMap.Runtime.Actor;
using ActorMap.TestKit;

namespace ActorMap.Runtime.Tests.Actor;

public class AskSpec : TestKit.TestKit
{
    public AskSpec()
        : base(new ActorSystemSettings { TimeProvider = new ManualClock() })
    {
    }

    [Fact]
    public async Task Ask_must_complete_with_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var reply = await echo.Ask<string>("hello", TimeSpan.FromSeconds(5));

        Assert.Equal("hello", reply);
    }

    [Fact]
    public async Task Ask_must_time_out_when_no_reply_comes()
    {
        var silent = CreateTestProbe();

        var pending = silent.Ref.Ask<string>("anyone?", TimeSpan.FromSeconds(5));
        silent.ExpectMsg("anyone?");
        Assert.False(pending.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => pending);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_must_fault_with_the_cause_of_a_Status_Failure_reply()
    {
        var probe = CreateTestProbe();
        var pending = probe.Ref.Ask<int>("compute", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("compute");

        probe.Reply(new Status.Failure(new ArithmeticException("overflow")));

        var error = await Assert.ThrowsAsync<ArithmeticException>(() => pending);
        Assert.Equal("overflow", error.Message);
    }

    [Fact]
    public async Task Ask_of_a_type_must_fail_on_a_reply_of_another_type()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("not a number", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_must_honour_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var probe = CreateTestProbe();
        var pending = probe.Ref.Ask<string>("x", cancellationToken: cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Ask_of_a_dead_actor_times_out_and_dead_letters_the_question()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        Task<string>? pending = null;
        EventFilter.DeadLetter<string>().ExpectOne(() => { pending = echo.Ask<string>("late", TimeSpan.FromSeconds(1)); });
        Clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => pending!);
    }

    [Fact]
    public void PipeTo_must_send_the_result_or_a_failure()
    {
        _ = Task.FromResult(42).PipeTo(TestActor);
        ExpectMsg(42);

        _ = Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);
        ExpectMsg<Status.Failure>(f => f.Cause is InvalidOperationException { Message: "bad" });
    }

    [Fact]
    public void ReceiveAsync_must_hold_the_next_message_until_the_handler_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));

        actor.Tell("slow", TestActor);
        actor.Tell("fast", TestActor);
        ExpectMsg("started slow");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        gate.SetResult();

        ExpectMsg("finished slow");
        ExpectMsg("started fast");
        ExpectMsg("finished fast");
    }

    [Fact]
    public void ReceiveAsync_fault_must_go_to_the_supervisor()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));
        actor.Tell("slow", TestActor);
        ExpectMsg("started slow");

        EventFilter.Exception<TimeoutException>().ExpectOne(() => gate.SetException(new TimeoutException("late")));

        actor.Tell("fast", TestActor);
        ExpectMsg("started fast");
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(Task gate) =>
            ReceiveAsync<string>(async m =>
            {
                var replyTo = Sender;
                replyTo.Tell($"started {m}", Self);
                if (m == "slow" && !gate.IsCompletedSuccessfully)
                {
                    await gate;
                }
                replyTo.Tell($"finished {m}", Self);
            });
    }
}
