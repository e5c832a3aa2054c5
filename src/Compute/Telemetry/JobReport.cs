namespace ActorMap.Compute.Telemetry;

/// <summary>
/// A job's performance report, Dask's performance_report for ActorMap: its phases, every chunk's
/// execution attempts (the task stream), utilisation per node, the spread of chunk durations, and
/// how parallel it ran. <see cref="SpeedUp"/> is the workers' busy time over the wall time;
/// <see cref="Efficiency"/> is that over the job's workers (1.0: every worker busy all along).
/// </summary>
public sealed class JobReport
{
    private const int HistogramBuckets = 20;

    internal JobReport(long jobId, string function, long elements, int chunks, int workers, DateTimeOffset startedAt, string outcome,
        JobFailureView? failure, JobPhases phases, IReadOnlyList<ChunkSpan> spans, IReadOnlyList<WorkerLane> lanes, JobCounters counters,
        long spansDropped = 0)
    {
        JobId = jobId;
        Function = function;
        Elements = elements;
        Chunks = chunks;
        Workers = workers;
        StartedAt = startedAt;
        Outcome = outcome;
        Failure = failure;
        Phases = phases;
        Spans = spans;
        Counters = counters;
        SpansDropped = spansDropped;
        Lanes = LanesOf(lanes, spans);
        foreach (var span in spans)
        {
            if (span.Outcome != ChunkOutcome.Redispatched)
            {
                BusyTime += span.Duration;
            }
        }
        var wall = Wall.TotalSeconds;
        SpeedUp = wall > 0 ? BusyTime.TotalSeconds / wall : 0;
        Efficiency = workers > 0 ? SpeedUp / workers : 0;
        Nodes = UtilisationOf(Lanes, spans, Wall);
        Histogram = HistogramOf(spans);
    }

    public long JobId { get; }

    /// <summary>The function's source as the user wrote it (or a delegate's name).</summary>
    public string Function { get; }

    public long Elements { get; }

    public int Chunks { get; }

    public int Workers { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>"succeeded", "failed" or "cancelled".</summary>
    public string Outcome { get; }

    public JobFailureView? Failure { get; }

    public JobPhases Phases { get; }

    /// <summary>Upload, compute and download together: the time the speed-up is measured against.</summary>
    public TimeSpan Wall => Phases.Total;

    /// <summary>Every execution attempt, in the order they ended (at most <see cref="JobRecorder.MaxSpans"/>).</summary>
    public IReadOnlyList<ChunkSpan> Spans { get; }

    /// <summary>Attempts left out because the job had more than the report keeps.</summary>
    public long SpansDropped { get; }

    /// <summary>The job's workers by node: the task stream's lanes.</summary>
    public IReadOnlyList<WorkerLane> Lanes { get; }

    public JobCounters Counters { get; }

    /// <summary>The sum of the workers' time on chunks (done and failed attempts, as the workers timed them).</summary>
    public TimeSpan BusyTime { get; }

    /// <summary><see cref="BusyTime"/> / <see cref="Wall"/>: how many workers were busy on average.</summary>
    public double SpeedUp { get; }

    /// <summary><see cref="SpeedUp"/> / <see cref="Workers"/>, from 0 to 1.</summary>
    public double Efficiency { get; }

    /// <summary>Per node: busy time / (wall time x the node's workers).</summary>
    public IReadOnlyList<NodeUtilisation> Nodes { get; }

    /// <summary>Done chunks by duration, in equal-width buckets from zero to the longest.</summary>
    public IReadOnlyList<DurationBucket> Histogram { get; }

    /// <summary>Writes the report as one HTML file that opens offline: no script, style or font comes from elsewhere.</summary>
    public void WriteHtml(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, ReportHtml.Render(this));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The report as the HTML text <see cref="WriteHtml"/> writes.</summary>
    public string ToHtml() => ReportHtml.Render(this);

    /// <summary>The report of a recorded job: in this process, so it had no upload or download.</summary>
    internal static JobReport From(JobRecorder recorder, JobPhases? phases = null) =>
        new(recorder.JobId, recorder.Function, recorder.Elements, recorder.Chunks, recorder.Workers, recorder.StartedAt,
            recorder.Outcome ?? "running", recorder.Failure, phases ?? JobPhases.InProcess(recorder.Elapsed), recorder.SpansFrom(0),
            recorder.Lanes(), recorder.Counters(), recorder.SpansDropped);

    private static List<WorkerLane> LanesOf(IReadOnlyList<WorkerLane> lanes, IReadOnlyList<ChunkSpan> spans)
    {
        var all = new List<WorkerLane>(lanes);
        var seen = new HashSet<WorkerLane>(lanes);
        foreach (var span in spans)
        {
            var lane = new WorkerLane(span.Node, span.Worker);
            if (seen.Add(lane))
            {
                all.Add(lane);
            }
        }
        // Grouped by node, in the order the nodes first appear.
        var order = new Dictionary<string, int>();
        foreach (var lane in all)
        {
            order.TryAdd(lane.Node, order.Count);
        }
        return [.. all.Select((lane, i) => (lane, i)).OrderBy(x => order[x.lane.Node]).ThenBy(x => x.i).Select(x => x.lane)];
    }

    private static List<NodeUtilisation> UtilisationOf(IReadOnlyList<WorkerLane> lanes, IReadOnlyList<ChunkSpan> spans, TimeSpan wall)
    {
        var busy = new Dictionary<string, TimeSpan>();
        foreach (var span in spans)
        {
            if (span.Outcome != ChunkOutcome.Redispatched)
            {
                busy[span.Node] = busy.GetValueOrDefault(span.Node) + span.Duration;
            }
        }
        return [.. lanes.GroupBy(l => l.Node).Select(g =>
        {
            var time = busy.GetValueOrDefault(g.Key);
            var capacity = wall.TotalSeconds * g.Count();
            return new NodeUtilisation(g.Key, g.Count(), time, capacity > 0 ? time.TotalSeconds / capacity : 0);
        })];
    }

    private static List<DurationBucket> HistogramOf(IReadOnlyList<ChunkSpan> spans)
    {
        var longest = TimeSpan.Zero;
        foreach (var span in spans)
        {
            if (span.Outcome == ChunkOutcome.Done && span.Duration > longest)
            {
                longest = span.Duration;
            }
        }
        var width = Math.Max(1, (longest.Ticks + HistogramBuckets - 1) / HistogramBuckets);
        var counts = new int[HistogramBuckets];
        foreach (var span in spans)
        {
            if (span.Outcome == ChunkOutcome.Done)
            {
                counts[Math.Min(HistogramBuckets - 1, (int)(span.Duration.Ticks / width))]++;
            }
        }
        return [.. counts.Select((count, i) => new DurationBucket(TimeSpan.FromTicks(i * width), TimeSpan.FromTicks((i + 1) * width), count))];
    }
}

/// <summary>
/// Where a job's time went: sending its input to the Seed, running its chunks, and sending the
/// result back. A job in this process (<see cref="InProcess"/>) has no upload or download.
/// </summary>
public sealed record JobPhases(TimeSpan Upload, TimeSpan Compute, TimeSpan Download, bool IsInProcess)
{
    public TimeSpan Total => Upload + Compute + Download;

    internal static JobPhases InProcess(TimeSpan compute) => new(TimeSpan.Zero, compute, TimeSpan.Zero, true);
}

/// <summary>A node's share of the work: <see cref="Utilisation"/> is busy time / (wall time x workers).</summary>
public sealed record NodeUtilisation(string Node, int Workers, TimeSpan Busy, double Utilisation);

/// <summary>Done chunks whose duration was in [From, To).</summary>
public sealed record DurationBucket(TimeSpan From, TimeSpan To, int Chunks);
