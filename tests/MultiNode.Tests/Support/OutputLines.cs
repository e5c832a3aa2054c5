using System.Text;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>One line a child process wrote, and to which stream.</summary>
public sealed record OutputLine(bool IsError, string Text)
{
    public override string ToString() => (IsError ? "err| " : "out| ") + Text;
}

/// <summary>
/// Every line a child process wrote to stdout and stderr, in arrival order. Written by the two
/// reader callbacks, read by any number of specs waiting for a line; thread-safe.
/// </summary>
public sealed class OutputLines
{
    private readonly Lock _gate = new();
    private readonly List<OutputLine> _lines = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _openStreams = 2;

    /// <summary>True once both streams have ended: no line will be added any more.</summary>
    public bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _openStreams == 0;
            }
        }
    }

    public IReadOnlyList<OutputLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public void Add(bool isError, string text)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _lines.Add(new OutputLine(isError, text));
            changed = _changed;
            _changed = NewSignal();
        }
        // Completed outside the lock: a waiter's continuation must not run while we hold it.
        changed.TrySetResult();
    }

    /// <summary>One stream reached its end (the reader's null line).</summary>
    public void StreamEnded()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _openStreams--;
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    /// <summary>How many lines have been written so far: a spec waiting for a line written after now passes it as <c>from</c>.</summary>
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

    /// <summary>
    /// The first line, already written or still to come, that matches, looking at lines from the
    /// <paramref name="from"/>th on; null when both streams end first. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<OutputLine?> FirstAsync(Func<OutputLine, bool> match, CancellationToken cancellationToken, int from = 0)
    {
        var next = from;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; next < _lines.Count; next++)
                {
                    if (match(_lines[next]))
                    {
                        return _lines[next];
                    }
                }
                if (_openStreams == 0)
                {
                    return null;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for a failure message.</summary>
    public string Tail(int count = 40)
    {
        var lines = Snapshot();
        var text = new StringBuilder();
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - count)))
        {
            text.Append("  ").Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
