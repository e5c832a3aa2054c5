namespace ActorMap.Compute.Telemetry;

/// <summary>
/// What happened in one job, chunk by chunk: written by the job's router (and its coordinator at
/// the end), read from any thread by the dashboard and the report. Everything is per chunk, never
/// per element. One lock guards it all: the router takes it a few times per chunk and readers copy
/// out under it, so it is never held for long and never while user code runs.
/// </summary>
internal sealed class JobRecorder
{
    /// <summary>Spans kept per job; past this only the counters move (a million tiny chunks would be 100 MB of spans).</summary>
    public const int MaxSpans = 200_000;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly List<ChunkSpan> _spans = [];
    private readonly List<WorkerLane> _lanes = [];
    private long _startTimestamp;
    private long _endTimestamp;
    // Per chunk: when its current attempt was dispatched, then when it started (timestamps).
    private long[] _attemptSince = [];
    private int _inFlight;
    private int _done;
    private int _retries;
    private int _redispatched;
    private long _late;
    private long _elementsDone;
    private long _spansDropped;
    private string? _outcome;
    private JobFailureView? _failure;
    private DateTimeOffset _startedAt;
    private DateTimeOffset? _endedAt;

    public JobRecorder(long jobId, string function, TimeProvider? time = null)
    {
        JobId = jobId;
        Function = function;
        _time = time ?? TimeProvider.System;
        _startedAt = _time.GetUtcNow();
        _startTimestamp = _time.GetTimestamp();
    }

    public long JobId { get; }

    public string Function { get; }

    public long Elements { get; private set; }

    public int Chunks { get; private set; }

    public int Workers { get; private set; }

    public DateTimeOffset StartedAt
    {
        get { lock (_lock) { return _startedAt; } }
    }

    public DateTimeOffset? EndedAt
    {
        get { lock (_lock) { return _endedAt; } }
    }

    /// <summary>Null while running; "succeeded", "failed" or "cancelled".</summary>
    public string? Outcome
    {
        get { lock (_lock) { return _outcome; } }
    }

    public JobFailureView? Failure
    {
        get { lock (_lock) { return _failure; } }
    }

    public int SpanCount
    {
        get { lock (_lock) { return _spans.Count; } }
    }

    /// <summary>Spans not kept because the job had more than <see cref="MaxSpans"/>.</summary>
    public long SpansDropped
    {
        get { lock (_lock) { return _spansDropped; } }
    }

    /// <summary>From the start to the end, or to now while the job runs.</summary>
    public TimeSpan Elapsed
    {
        get { lock (_lock) { return _time.GetElapsedTime(_startTimestamp, _endedAt is null ? _time.GetTimestamp() : _endTimestamp); } }
    }

    public JobCounters Counters()
    {
        lock (_lock)
        {
            return new JobCounters(Math.Max(0, Chunks - _done - _inFlight), _inFlight, _done, _retries, _redispatched, _late, _elementsDone);
        }
    }

    /// <summary>A copy of spans [index, SpanCount), in the order their attempts ended.</summary>
    public IReadOnlyList<ChunkSpan> SpansFrom(int index)
    {
        lock (_lock)
        {
            var from = Math.Clamp(index, 0, _spans.Count);
            return _spans.GetRange(from, _spans.Count - from);
        }
    }

    /// <summary>The workers the job had, by node, each once, in the order they joined it.</summary>
    public IReadOnlyList<WorkerLane> Lanes()
    {
        lock (_lock)
        {
            return [.. _lanes];
        }
    }

    /// <summary>The job's shape, once planned; the clock starts again here, when its chunks are about to go out.</summary>
    public void Begin(long elements, int chunks, int workers)
    {
        lock (_lock)
        {
            Elements = elements;
            Chunks = chunks;
            Workers = workers;
            _attemptSince = new long[chunks];
            _startedAt = _time.GetUtcNow();
            _startTimestamp = _time.GetTimestamp();
        }
    }

    public void WorkerAdded(string node, string worker)
    {
        lock (_lock)
        {
            var lane = new WorkerLane(node, worker);
            if (!_lanes.Contains(lane))
            {
                _lanes.Add(lane);
            }
        }
    }

    public void Dispatched(int chunk)
    {
        lock (_lock)
        {
            _inFlight++;
            SetSince(chunk, _time.GetTimestamp());
        }
    }

    /// <summary>A worker on another node says the chunk is executing now, not just queued.</summary>
    public void Started(int chunk)
    {
        lock (_lock)
        {
            SetSince(chunk, _time.GetTimestamp());
        }
    }

    /// <summary>
    /// An attempt ended on its worker, which measured it: <paramref name="startedUtc"/> on its
    /// clock (default when it did not say) and <paramref name="duration"/>.
    /// </summary>
    public void Finished(int chunk, long firstElement, int elements, string node, string worker, DateTime startedUtc, TimeSpan duration, bool done)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (done)
            {
                _done++;
                _elementsDone += elements;
            }
            var start = startedUtc == default
                ? _time.GetElapsedTime(_startTimestamp, _time.GetTimestamp()) - duration
                : startedUtc - _startedAt.UtcDateTime;
            Add(new ChunkSpan(chunk, firstElement, elements, node, worker, Max(start, TimeSpan.Zero), duration, done ? ChunkOutcome.Done : ChunkOutcome.Failed));
        }
    }

    /// <summary>A failed attempt is queued to run again.</summary>
    public void Retrying()
    {
        lock (_lock)
        {
            _retries++;
        }
    }

    /// <summary>The chunk was taken back from a lost worker: a span from its dispatch (or start) to now.</summary>
    public void Redispatched(int chunk, long firstElement, int elements, string node, string worker)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            _redispatched++;
            var now = _time.GetTimestamp();
            var since = (uint)chunk < (uint)_attemptSince.Length && _attemptSince[chunk] != 0 ? _attemptSince[chunk] : now;
            var start = _time.GetElapsedTime(_startTimestamp, since);
            Add(new ChunkSpan(chunk, firstElement, elements, node, worker, Max(start, TimeSpan.Zero), _time.GetElapsedTime(since, now), ChunkOutcome.Redispatched));
        }
    }

    public void LateResultDropped()
    {
        lock (_lock)
        {
            _late++;
        }
    }

    /// <summary>The first call wins: a job ends once.</summary>
    public void Ended(string outcome, JobFailureView? failure = null)
    {
        lock (_lock)
        {
            if (_outcome is not null)
            {
                return;
            }
            _outcome = outcome;
            _failure = failure;
            _endTimestamp = _time.GetTimestamp();
            _endedAt = _startedAt + _time.GetElapsedTime(_startTimestamp, _endTimestamp);
        }
    }

    private void SetSince(int chunk, long timestamp)
    {
        if ((uint)chunk < (uint)_attemptSince.Length)
        {
            _attemptSince[chunk] = timestamp;
        }
    }

    private void Add(ChunkSpan span)
    {
        if (_spans.Count < MaxSpans)
        {
            _spans.Add(span);
        }
        else
        {
            _spansDropped++;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>One worker of a job, on its node: a lane of the task stream.</summary>
public readonly record struct WorkerLane(string Node, string Worker);
