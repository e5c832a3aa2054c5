using System.Globalization;
using ActorMap.Bench.Python;

namespace ActorMap.Bench.Recovery;

/// <summary>One Python script's outcome: ok, wrong, timeout or broken, and its seconds from the map call.</summary>
internal sealed record ScriptRun(string Outcome, double Seconds);

/// <summary>
/// CPython's side of the recovery suite: the scripts in bench/python (recovery_pool.py,
/// recovery_executor.py) run the same 40 tasks of 0.25 s of CPU on 2 worker processes, each
/// timing itself from its map call, with or without one worker SIGKILLed 1 s after it.
/// </summary>
internal sealed class PythonRecovery
{
    public const double HangTimeoutSeconds = 15;

    private static readonly Dictionary<string, string> s_noVariables = [];
    private readonly string _python;
    private readonly string _scripts;
    private readonly string _scratch;

    public PythonRecovery(string scratch)
    {
        _python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        _scripts = Path.Combine(Repository.Root, "bench", "python");
        _scratch = scratch;
    }

    public string Version => WholeProcess.Run(_python, ["--version"], _scratch, s_noVariables).Stdout.Trim();

    public string Python => _python;

    /// <summary>Pool(2).map; with a kill it never returns, so it gets <see cref="HangTimeoutSeconds"/>.</summary>
    public ScriptRun Pool(bool kill) => Run("recovery_pool.py", kill
        ? ["--kill-at", Seconds(FaultedRun.FaultAfter.TotalSeconds), "--timeout", Seconds(HangTimeoutSeconds)]
        : ["--timeout", "120"]);

    /// <summary>ProcessPoolExecutor(2).map; with a kill it raises BrokenProcessPool.</summary>
    public ScriptRun Executor(bool kill) => Run("recovery_executor.py", kill ? ["--kill-at", Seconds(FaultedRun.FaultAfter.TotalSeconds)] : []);

    private ScriptRun Run(string script, string[] args)
    {
        var printed = WholeProcess.Run(_python, [Path.Combine(_scripts, script), .. args], _scratch, s_noVariables).Stdout.Trim().Split(' ');
        if (printed.Length != 2 || !double.TryParse(printed[1], CultureInfo.InvariantCulture, out var seconds))
        {
            throw new FormatException($"{script} printed '{string.Join(' ', printed)}', not OUTCOME SECONDS");
        }
        return new ScriptRun(printed[0], seconds);
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
