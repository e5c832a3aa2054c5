using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Dispatch;
using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Runtime.Tests.Dispatch;

public class MailboxSpec : TestKit.TestKit
{
    [Fact]
    public void Mailbox_must_deliver_each_senders_messages_in_send_order()
    {
        const int senders = 4;
        const int perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders * perSender)));

        Parallel.For(0, senders, s =>
        {
            for (var i = 0; i < perSender; i++)
            {
                checker.Tell(new Numbered(s, i), TestActor);
            }
        });

        var report = ExpectMsg<OrderReport>(TimeSpan.FromSeconds(20));
        Assert.Equal(0, report.Violations);
        Assert.Equal(senders * perSender, report.Received);
    }

    [Fact]
    public void Mailbox_must_keep_per_sender_order_for_any_throughput_and_interleaving()
    {
        var property = Prop.ForAll(
            Gen.Choose(1, 50).ToArbitrary(),
            Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 400), n)).ToArbitrary(),
            (throughput, counts) =>
            {
                using var system = ActorSystem.Create("ordering", new ActorSystemSettings { Throughput = throughput });
                var total = counts.Sum();
                var done = new TaskCompletionSource<OrderReport>(TaskCreationOptions.RunContinuationsAsynchronously);
                var checker = system.ActorOf(Props.Create(() => new OrderChecker(total, done)));
                Parallel.For(0, counts.Length, s =>
                {
                    for (var i = 0; i < counts[s]; i++)
                    {
                        checker.Tell(new Numbered(s, i), ActorRefs.NoSender);
                    }
                });
                if (total == 0)
                {
                    return true;
                }
                var finished = done.Task.Wait(Dilated(TimeSpan.FromSeconds(10)));
                return finished && done.Task.Result.Violations == 0 && done.Task.Result.Received == total;
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    [Fact]
    public void Mailbox_must_never_run_an_actor_on_two_threads_at_once()
    {
        const int messages = 40_000;
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyDetector(messages)));

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < messages / 4; i++)
            {
                actor.Tell("tick", TestActor);
            }
        });

        var report = ExpectMsg<ConcurrencyReport>(TimeSpan.FromSeconds(20));
        Assert.Equal(1, report.MaxConcurrent);
        Assert.Equal(messages, report.UnsafeCount);
    }

    [Fact]
    public void Mailbox_must_process_system_messages_ahead_of_queued_user_messages()
    {
        using var gate = new ManualResetEventSlim(false);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(TestActor, gate)), "gated");
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        actor.Tell("m1", TestActor);
        actor.Tell("m2", TestActor);
        actor.Tell("m3", TestActor);

        EventFilter.DeadLetter<string>(m => m.StartsWith('m')).Expect(3, () =>
        {
            // The stop is queued behind m1..m3 in time, but as a system message it overtakes them.
            Sys.Stop(actor);
            gate.Set();
            ExpectMsg("poststop");
        });
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Bounded_mailbox_must_send_overflow_to_dead_letters_after_the_push_timeout()
    {
        using var gate = new ManualResetEventSlim(false);
        var props = Props.Create(() => new GatedActor(TestActor, gate))
            .WithMailbox(MailboxOptions.Bounded(2, TimeSpan.FromMilliseconds(20)));
        var actor = Sys.ActorOf(props);
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");

        EventFilter.DeadLetter<string>(m => m == "overflow").ExpectOne(() =>
        {
            actor.Tell("m1", TestActor);
            actor.Tell("m2", TestActor);
            actor.Tell("overflow", TestActor);
        });
        gate.Set();
        ExpectMsg("m1");
        ExpectMsg("m2");
    }

    [Fact]
    public void Bounded_mailbox_must_reject_invalid_capacity() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxOptions.Bounded(0, TimeSpan.FromSeconds(1)));

    internal sealed record Numbered(int Sender, int Sequence);

    internal sealed record OrderReport(int Received, int Violations);

    internal sealed record ConcurrencyReport(int MaxConcurrent, int UnsafeCount);

    private sealed class OrderChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _next = [];
        private int _received;
        private int _violations;

        public OrderChecker(int expected, TaskCompletionSource<OrderReport>? done = null) =>
            Receive<Numbered>(n =>
            {
                _next.TryGetValue(n.Sender, out var next);
                if (n.Sequence != next)
                {
                    _violations++;
                }
                _next[n.Sender] = n.Sequence + 1;
                if (++_received == expected)
                {
                    var report = new OrderReport(_received, _violations);
                    done?.TrySetResult(report);
                    Sender.Tell(report, Self);
                }
            });
    }

    private sealed class ConcurrencyDetector : ReceiveActor
    {
        private int _inside;
        private int _maxConcurrent;
        private int _unsafeCount;

        public ConcurrencyDetector(int expected) =>
            Receive<string>(_ =>
            {
                var now = Interlocked.Increment(ref _inside);
                _maxConcurrent = Math.Max(_maxConcurrent, now);
                // A plain read-modify-write: loses updates if two threads ever run it together.
                var count = _unsafeCount;
                Thread.SpinWait(20);
                _unsafeCount = count + 1;
                Interlocked.Decrement(ref _inside);
                if (_unsafeCount == expected)
                {
                    Sender.Tell(new ConcurrencyReport(_maxConcurrent, _unsafeCount), Self);
                }
            });
    }

    private sealed class GatedActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public GatedActor(IActorRef probe, ManualResetEventSlim gate)
        {
            _probe = probe;
            Receive<string>(m => m == "block", _ =>
            {
                probe.Tell("blocked", Self);
                gate.Wait();
            });
            Receive<string>(m => probe.Tell(m, Self));
        }

        protected override void PostStop() => _probe.Tell("poststop", Self);
    }
}
