using ActorMap.Bench.Faults;

namespace ActorMap.Bench.Soak;

/// <summary>What the soak does to a WorkerNode.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL, then a new process on the same port at once (a restart policy).</summary>
    KillRestart,

    /// <summary>SIGSTOP, then SIGCONT well inside the failure detector's pause.</summary>
    ShortFreeze,

    /// <summary>SIGSTOP past the failure detector (unreachable), sometimes past the downing too, then SIGCONT.</summary>
    LongFreeze,
}

/// <summary>
/// One fault as struck: its kind, the slot and the process struck, when (a Stopwatch timestamp,
/// just before the signal), how long a freeze lasted, whether a job was running, and when the
/// node was offering workers again (null: not seen).
/// </summary>
internal sealed record FaultRecord(FaultKind Kind, WorkerSlot Slot, NodeProcess Victim, long Struck, double FreezeSeconds, bool DuringJob)
{
    public long? BackInService { get; set; }

    public static string Describe(FaultKind kind) => kind switch
    {
        FaultKind.KillRestart => "SIGKILL + restart",
        FaultKind.ShortFreeze => $"SIGSTOP {FaultInjector.ShortFreeze.Min:0.#}-{FaultInjector.ShortFreeze.Max:0.#} s",
        _ => $"SIGSTOP {FaultInjector.LongFreeze.Min:0.#}-{FaultInjector.LongFreeze.Max:0.#} s",
    };
}
