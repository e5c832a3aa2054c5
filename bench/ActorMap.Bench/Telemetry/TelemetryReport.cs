using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorMap.Compute;
using ActorMap.Compute.Telemetry;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ActorMap.Bench.Telemetry;

/// <summary>
/// Whether ActorMap's instruments cost anything: the per-chunk calls under BenchmarkDotNet (in
/// process), then the same embedded job of tiny chunks with nobody listening, with a MeterListener
/// attached, and recorded for a report, side by side, as min / median / max and ratios.
/// </summary>
internal static class TelemetryReport
{
    private const int Elements = 100_000;

    public static void Run(TextWriter output, int runs, bool shortJob)
    {
        var job = (shortJob ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        BenchmarkRunner.Run<ChunkTelemetryBenchmark>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator));
        using var pool = MapPool.Create(new MapOptions { Workers = 2 });
        var input = new LongRange(0, Elements);
        var plain = new MapOptions { ChunkSize = 1 };
        // A cluster job's lot: recorded for the Seed's dashboard, no report built.
        MapOptions Recorded() => plain with { Recorder = new JobRecorder(0, "x => x + 1") };
        var reported = plain with { OnReport = _ => { } };
        Time(pool, input, plain);
        var none = new List<double>();
        var meter = new List<double>();
        var recorded = new List<double>();
        var report = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            none.Add(Time(pool, input, plain));
            using (Listen())
            {
                meter.Add(Time(pool, input, plain));
            }
            recorded.Add(Time(pool, input, Recorded()));
            report.Add(Time(pool, input, reported));
        }
        output.WriteLine($"Telemetry on a job: x => x + 1 over {Elements:N0} elements in chunks of 1, 2 workers, {runs} runs interleaved");
        output.WriteLine("  ms (min / median / max), and the ratio to nobody listening in the same run (min / median / max)");
        output.WriteLine($"  nobody listening      {new Samples(none).ToString("F1")}");
        output.WriteLine($"  MeterListener         {new Samples(meter).ToString("F1")}   ratio {Ratios(meter, none)}");
        output.WriteLine($"  recorded (a Seed's)   {new Samples(recorded).ToString("F1")}   ratio {Ratios(recorded, none)}");
        output.WriteLine($"  reported (OnReport)   {new Samples(report).ToString("F1")}   ratio {Ratios(report, none)}");
    }

    private static string Ratios(List<double> measured, List<double> baseline) =>
        new Samples(measured.Select((ms, i) => ms / baseline[i])).ToString("F2");

    private static double Time(MapPool pool, LongRange input, MapOptions options)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var results = pool.MapAsync(input, static x => x + 1, options).Result;
        var ms = watch.Elapsed.TotalMilliseconds;
        if (results.Length != Elements || results[^1] != Elements)
        {
            throw new InvalidOperationException($"telemetry: {results.Length} results");
        }
        return ms;
    }

    private static MeterListener Listen()
    {
        var sum = 0L;
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ActorMapTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref sum, value));
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref sum));
        listener.Start();
        return listener;
    }
}
