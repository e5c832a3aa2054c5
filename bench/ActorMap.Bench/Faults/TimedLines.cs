using System.Diagnostics;
using System.Text;

namespace ActorMap.Bench.Faults;

/// <summary>A line a child printed, stamped with <see cref="Stopwatch.GetTimestamp"/> when this process read it.</summary>
internal sealed record TimedLine(long Timestamp, string Text);

/// <summary>
/// Every line a child wrote (stdout and stderr), in arrival order, each stamped on arrival.
/// Written by the two reader callbacks, awaited by the scenarios; thread-safe.
/// </summary>
internal sealed class TimedLines
{
    private readonly Lock _gate = new();
    private readonly List<TimedLine> _lines = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _openStreams = 2;

    /// <summary>How many lines have arrived: a mark to search from, so only lines after an event count.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    public void Add(string? text)
    {
        // Stamped before the lock: a waiter holding it must not delay the arrival time.
        var stamp = Stopwatch.GetTimestamp();
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (text is null)
            {
                _openStreams--;
            }
            else
            {
                _lines.Add(new TimedLine(stamp, text));
            }
            changed = _changed;
            _changed = NewSignal();
        }
        // Completed outside the lock: a waiter's continuation must not run while we hold it.
        changed.TrySetResult();
    }

    /// <summary>
    /// The first line at or after <paramref name="from"/>, arrived or still to come, containing all of
    /// <paramref name="parts"/>. Throws, with the last lines, after <paramref name="timeout"/> or
    /// when both streams end first.
    /// </summary>
    public Task<TimedLine> FirstAsync(int from, TimeSpan timeout, string owner, params string[] parts) =>
        FirstAsync(from, timeout, owner, $"a line containing \"{string.Join("\", \"", parts)}\"",
            text => parts.All(p => text.Contains(p, StringComparison.Ordinal)));

    /// <summary>As above, for the first line <paramref name="matches"/> accepts; <paramref name="what"/> names it in errors.</summary>
    public async Task<TimedLine> FirstAsync(int from, TimeSpan timeout, string owner, string what, Func<string, bool> matches)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var next = from;
        while (true)
        {
            Task changed;
            bool ended;
            lock (_gate)
            {
                for (; next < _lines.Count; next++)
                {
                    if (matches(_lines[next].Text))
                    {
                        return _lines[next];
                    }
                }
                ended = _openStreams == 0;
                changed = _changed.Task;
            }
            if (ended)
            {
                throw new InvalidOperationException($"{owner} ended without {what}; its last lines:\n{Tail()}");
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{owner} printed no {what} within {timeout.TotalSeconds:0} s; its last lines:\n{Tail()}");
            }
        }
    }

    /// <summary>Every line that has arrived so far, for reading after the fact.</summary>
    public IReadOnlyList<TimedLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public string Tail(int count = 30)
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var line in _lines.Skip(Math.Max(0, _lines.Count - count)))
            {
                text.Append("  ").Append(line.Text).Append('\n');
            }
            return text.ToString();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
