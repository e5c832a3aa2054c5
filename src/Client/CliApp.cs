using ActorMap.Functions;
using System.CommandLine;
using ActorMap.Client.Commands;
using ActorMap.Compute;
using ActorMap.Hocon;

namespace ActorMap.Client;

/// <summary>
/// The console as a function from arguments and streams to an exit code, so specs run it
/// in-process. Every error a user can cause ends here as a message and exit code 1 or 2,
/// never as a .NET stack trace.
/// </summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliEnvironment(stdin, stdout, stderr), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = new RootCommand("actormap: multiprocessing.Pool.map for .NET, on actors")
        {
            MapCommand.Create(environment),
            ConfigCommand.Create(environment),
            StatusCommand.Create(environment),
            CertsCommand.Create(environment),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                environment.Stderr.WriteLine($"error: {error.Message}");
            }
            environment.Stderr.WriteLine("Run 'actormap --help' or 'actormap map --help' for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = environment.Stdout,
            Error = environment.Stderr,
            EnableDefaultExceptionHandler = false,
            // Program.cs owns Ctrl+C; in-process runs must not install process-wide handlers.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException e)
        {
            environment.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (HoconException e)
        {
            // Parse errors read file:line:column: message already.
            environment.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (MapJobException e)
        {
            environment.Stderr.WriteLine(Describe(e));
            return ExitCodes.JobFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Stderr.WriteLine("actormap: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // A bug of ours, not a user error: the stack trace is what a report needs.
            environment.Stderr.WriteLine($"actormap: internal error, please report it: {e}");
            return ExitCodes.JobFailed;
        }
    }

    private static string Describe(MapJobException e)
    {
        if (e.ElementIndex < 0)
        {
            return $"error: the job failed: {e.ErrorMessage}";
        }
        var attempts = e.Attempts == 1 ? "1 attempt" : $"{e.Attempts} attempts";
        return $"error: the job failed at element {e.ElementIndex}: {e.ErrorType}: {e.ErrorMessage}\n"
            + $"  on {e.Worker}, after {attempts}\n"
            + $"--- worker-side stack trace ---\n{e.WorkerStackTrace}";
    }
}
