using ActorMap.Messages.Compute;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>StatusReplies as a Seed sends them, built up a member and a job at a time.</summary>
internal static class StatusReplies
{
    public const string Seed = "akka.tcp://actormap@127.0.0.1:4053";
    public const string Worker = "akka.tcp://actormap@127.0.0.2:4053";

    /// <summary>The addresses as the watch's table shows them, the shared akka.tcp://actormap@ said once above it.</summary>
    public const string SeedHost = "127.0.0.1:4053";
    public const string WorkerHost = "127.0.0.2:4053";

    public static StatusReply SeedOnly() => new()
    {
        Leader = Seed,
        Members = { Member(Seed, "seed", workers: 2, chunks: 0, uptime: 12) },
    };

    public static StatusReply WithWorker() => With(SeedOnly(), Member(Worker, "worker", workers: 4, chunks: 0, uptime: 1));

    public static StatusReply WithJob(long done, long total, int chunksDone = 0, int chunks = 10)
    {
        var reply = WithWorker();
        reply.Jobs.Add(new JobRow { JobId = 7, Elements = total, ElementsDone = done, Chunks = chunks, ChunksDone = chunksDone });
        return reply;
    }

    public static MemberRow Member(string address, string role, int workers, long chunks, double uptime, bool reachable = true, string status = "Up") => new()
    {
        Address = address, Roles = { role }, Status = status, Reachable = reachable,
        Workers = workers, ChunksDone = chunks, UptimeSeconds = uptime,
    };

    private static StatusReply With(StatusReply reply, MemberRow member)
    {
        reply.Members.Add(member);
        return reply;
    }
}
