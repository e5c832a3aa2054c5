namespace ActorMap.Client;

/// <summary>The console's exit codes, as the README lists them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The job ran and failed (an element threw, a reduce had nothing to reduce).</summary>
    public const int JobFailed = 1;

    /// <summary>Bad usage or bad input; nothing ran.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C, as a shell reports SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;
}
