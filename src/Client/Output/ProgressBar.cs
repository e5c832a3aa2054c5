using Spectre.Console;

namespace ActorMap.Client.Output;

/// <summary>
/// A live progress bar on stderr while a job runs. Only used when stderr is a terminal, and the
/// only type naming Spectre, so a piped run never loads it.
/// </summary>
internal static class ProgressBar
{
    public static async Task<T> ShowAsync<T>(TextWriter stderr, long totalElements, JobProgress progress, Func<Task<T>> job)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("map", maxValue: Math.Max(1, totalElements));
                // ProgressTask is thread-safe, so the aggregator's reports can move it directly.
                progress.OnReport = p => task.Value = p.ElementsDone;
                try
                {
                    return await job();
                }
                finally
                {
                    progress.OnReport = null;
                }
            });
    }
}
