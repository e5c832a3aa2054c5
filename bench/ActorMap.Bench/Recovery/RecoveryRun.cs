namespace ActorMap.Bench.Recovery;

/// <summary>
/// One run of the 40-chunk job: seconds from submission to the checked result; with a fault, when
/// it struck (seconds after the Seed accepted the job) and how long the Seed took to withdraw the
/// node; chunks re-dispatched and late results dropped during the run (from status); the CPU
/// seconds the cluster's processes used, and the whole machine's busy CPU seconds, over the run.
/// </summary>
internal sealed record RecoveryRun(double Seconds, bool Correct, double? FaultAfterAccepted, double? FaultToWithdrawn, string? Reason,
    long Redispatched, long LateDropped, double NodesCpu, double MachineBusy);
