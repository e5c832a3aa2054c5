using ActorMap.Client.Commands;
using Spectre.Console;

namespace ActorMap.Client.Output;

/// <summary>
/// <c>status --watch</c> as tables: in a terminal a Spectre live display redrawn in place with each
/// reply; into a file or a pipe, each frame after the last. The only watch type naming Spectre, so
/// <c>--watch --json</c> never loads it.
/// </summary>
internal static class LiveStatus
{
    /// <summary>Wide enough for a member's whole address on one line (a terminal has its own width).</summary>
    private const int FileWidth = 160;

    public static Task<WatchEnd> ShowAsync(TextWriter stdout, bool terminal, StatusWatch watch, TimeProvider time, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            // Spectre detects ANSI from TERM, which a redirected stdout still inherits.
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = FileWidth;
        }
        return ShowAsync(console, watch, time, cancellationToken);
    }

    public static Task<WatchEnd> ShowAsync(IAnsiConsole console, StatusWatch watch, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Ansi)
        {
            // Without cursor movement a live display would run its frames together on one line.
            return watch.RunAsync(reply =>
            {
                console.Write(StatusRenderer.Render(reply, watch.Seed, time.GetUtcNow()));
                console.WriteLine();
                console.WriteLine();
            }, cancellationToken);
        }
        return console.Live(new Text($"asking the Seed at {watch.Seed}..."))
            // The last frame stays on screen: after Ctrl+C, or above the line saying the Seed went away.
            .AutoClear(false)
            // UpdateTarget redraws at once: a frame per reply, no timer of Spectre's own.
            .StartAsync(context => watch.RunAsync(reply => context.UpdateTarget(StatusRenderer.Render(reply, watch.Seed, time.GetUtcNow())), cancellationToken));
    }
}
