using ActorMap.Functions.Input;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ActorMap.Client.Configuration;
using ActorMap.Client.Functions;
using ActorMap.Functions;
using ActorMap.Client.Input;
using ActorMap.Client.Output;
using ActorMap.Compute;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Client.Commands;

/// <summary>
/// Runs one map job on the embedded default: an in-process <see cref="MapPool"/>. Usage errors
/// are all found before the job starts, so a bad flag never waits behind a compile or a job.
/// </summary>
internal static class MapRunner
{
    public static async Task<int> RunAsync(MapRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Effective(environment, request.ConfigFile);
        MapOptions defaults;
        try
        {
            defaults = MapOptions.FromConfig(config);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"configuration: {e.Message}");
        }
        var outputPath = request.Output is null ? null : CheckOutput(environment, request.Output);
        var reportPath = request.Report is null ? null : ReportFile.Check(environment, request.Report);
        var input = ReadInput(request, environment);
        var (function, functionText, origin) = LoadFunction(request, input, environment);

        var progress = new JobProgress();
        JobReport? report = null;
        var options = request.Supervision.ApplyTo(defaults with
        {
            // Always recorded: the summary line's speed-up comes from the report (a few numbers per chunk).
            ReportPath = reportPath,
            OnReport = r => report = r,
            FunctionText = functionText,
            Workers = request.Workers ?? defaults.Workers ?? Environment.ProcessorCount,
            ChunkSize = request.ChunkSize ?? defaults.ChunkSize,
            Balancing = request.Balancing ?? defaults.Balancing,
            Progress = progress,
        });
        var started = Stopwatch.GetTimestamp();
        JobOutcome outcome;
        await using (var pool = MapPool.Create(options))
        {
            Task<JobOutcome> Job() => function.RunAsync(pool, input, request.Reduce, options, cancellationToken);
            outcome = environment.StderrIsTerminal
                ? await ShowProgressAsync(environment.Stderr, input.Length, progress, Job)
                : await Job();
        }
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (outputPath is not null)
        {
            ResultWriter.WriteFile(outputPath, outcome);
        }
        else
        {
            ResultWriter.Write(environment.Stdout, outcome);
        }
        var summary = Summary(input.Length, progress.Last, options.Workers!.Value, elapsed, origin) + ReportFile.Parallelism(report);
        if (environment.GetVariable("ACTORMAP_DIAGNOSTICS") == "1")
        {
            // Lets a process-level spec (and a curious user) check that a cache hit kept Roslyn out.
            summary += FunctionLoader.IsRoslynLoaded() ? "; roslyn loaded: yes" : "; roslyn loaded: no";
        }
        environment.Stderr.WriteLine(summary);
        return ExitCodes.Success;
    }

    // Not inlined, so Spectre.Console is loaded only when a progress bar is really drawn.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<JobOutcome> ShowProgressAsync(TextWriter stderr, long total, JobProgress progress, Func<Task<JobOutcome>> job) =>
        ProgressBar.ShowAsync(stderr, total, progress, job);

    // The function, the text the report shows for it, and where it came from for the summary line.
    private static (TypedFunction Function, string Text, string Origin) LoadFunction(MapRequest request, MapInput input, CliEnvironment environment)
    {
        if (request.Method is { } method)
        {
            var bound = AssemblyFunction.Load(environment.FullPath(method.Assembly), method.Assembly, method.Function, input.Kind.ClrType(), request.Reduce);
            return (bound.Function, bound.Description, bound.Description);
        }
        var loaded = FunctionLoader.Load(new LambdaSource(request.Function!, input.Kind, request.Reduce.LambdaSource), LambdaCache.For(environment.GetVariable, environment.FullPath));
        var origin = loaded.Origin switch
        {
            LambdaOrigin.Cache => "lambda from cache",
            LambdaOrigin.Recompiled => string.Create(CultureInfo.InvariantCulture, $"lambda recompiled in {loaded.CompileTime.TotalSeconds:0.00} s (cache entry was unreadable)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"lambda compiled in {loaded.CompileTime.TotalSeconds:0.00} s"),
        };
        return (loaded.Function, request.Function!, origin);
    }

    internal static MapInput ReadInput(MapRequest request, CliEnvironment environment)
    {
        if (request.Range is { } range)
        {
            return new RangeMapInput(range);
        }
        if (request.Input == "-")
        {
            return JsonInputReader.Read(environment.Stdin.ReadToEnd(), "<stdin>");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(environment.FullPath(request.Input!));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--input: cannot read '{request.Input}': {e.Message}");
        }
        return JsonInputReader.Read(bytes, request.Input!);
    }

    internal static string CheckOutput(CliEnvironment environment, string output)
    {
        var path = environment.FullPath(output);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UsageException($"--output: directory '{directory}' does not exist");
        }
        if (Directory.Exists(path))
        {
            throw new UsageException($"--output: '{output}' is a directory");
        }
        return path;
    }

    private static string Summary(long elements, MapProgress? last, int workers, TimeSpan elapsed, string origin)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture,
            $"actormap: {elements} elements, {last?.TotalChunks ?? 0} chunks, {workers} workers, {elapsed.TotalSeconds:0.000} s, {elements / seconds:0} elements/s; {origin}");
    }
}
