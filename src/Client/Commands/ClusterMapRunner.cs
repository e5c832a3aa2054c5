using System.Diagnostics;
using System.Globalization;
using ActorMap.Client.Output;
using ActorMap.Functions;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;

namespace ActorMap.Client.Commands;

/// <summary>
/// Runs a map job on a cluster: the input travels to the Seed, which compiles the lambda, runs
/// the chunks on its members' workers, and sends back progress and the JSON result.
/// </summary>
internal static class ClusterMapRunner
{
    public static async Task<int> RunAsync(MapRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var outputPath = request.Output is null ? null : MapRunner.CheckOutput(environment, request.Output);
        var reportPath = request.Report is null ? null : ReportFile.Check(environment, request.Report);
        Compute.Telemetry.JobReport? report = null;
        // Asked for always: the summary line's speed-up comes from it. Written on failure too.
        void OnReport(Compute.Telemetry.JobReport r)
        {
            report = r;
            if (reportPath is not null)
            {
                ReportFile.Write(environment, reportPath, r);
            }
        }
        var input = MapRunner.ReadInput(request, environment);
        var submit = Submit(request);
        var started = Stopwatch.GetTimestamp();
        JobAccepted? accepted = null;
        byte[] json;
        // Without --reduce the results stream out in order as the Seed sends them: to stdout, or
        // to a temporary file that becomes --output only once the job has succeeded.
        var streaming = request.Reduce.Kind == ReduceKind.None;
        var temporary = outputPath is null ? null : $"{outputPath}.{Environment.ProcessId}.tmp";
        await using var sink = streaming && temporary is not null ? File.Create(temporary) : null;
        Action<ReadOnlyMemory<byte>>? onPart = !streaming ? null
            : sink is not null ? part => sink.Write(part.Span)
            : part => environment.Stdout.Write(System.Text.Encoding.UTF8.GetString(part.Span));
        await using (var client = Connect(request.Seed!, request.Credentials))
        {
            try
            {
                if (request.Method is { } method)
                {
                    await ShipMethodAsync(method, request, input, environment, client, submit, cancellationToken);
                }
                var progress = new Output.JobProgress();
                Task<byte[]> Job() => client.RunAsync(submit, input, progress, a => accepted = a, cancellationToken, onPart, OnReport);
                json = environment.StderrIsTerminal
                    ? await ShowProgressAsync(environment.Stderr, input.Length, progress, Job)
                    : await Job();
            }
            catch (Exception) when (temporary is not null && Discard(sink!, temporary))
            {
                throw;
            }
            catch (ClusterJobException e) when (e.Failure.UsageError)
            {
                throw new UsageException(e.Failure.Message);
            }
            catch (ClusterJobException e)
            {
                // Reported exactly as a local job's failure: element, type, message, node, trace.
                throw e.ToMapJobException();
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (sink is not null)
        {
            sink.WriteByte((byte)'\n');
            await sink.DisposeAsync();
            File.Move(temporary!, outputPath!, overwrite: true);
        }
        else if (outputPath is not null)
        {
            await File.WriteAllBytesAsync(temporary!, [.. json, (byte)'\n'], CancellationToken.None);
            File.Move(temporary!, outputPath, overwrite: true);
        }
        else if (streaming)
        {
            environment.Stdout.WriteLine();
        }
        else
        {
            environment.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(json));
        }
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        environment.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"actormap: {input.Length} elements, {accepted?.Chunks ?? 0} chunks, {accepted?.Workers ?? 0} workers on the cluster at {request.Seed}, {elapsed.TotalSeconds:0.000} s, {input.Length / seconds:0} elements/s") + ReportFile.Parallelism(report));
        return ExitCodes.Success;
    }

    /// <summary>The job as the Seed receives it: what the flags leave out, the Seed's configuration decides.</summary>
    internal static SubmitJob Submit(MapRequest request)
    {
        var submit = new SubmitJob
        {
            FunctionSource = request.Function ?? "",
            // A reducer method travels inside the function's package.
            Reduce = request.Reduce.Kind is ReduceKind.None or ReduceKind.Method ? "" : request.Reduce.LambdaSource ?? request.Reduce.Name,
            ChunkSize = request.ChunkSize ?? 0,
            Balancing = request.Balancing switch
            {
                Compute.Balancing.Pull => "pull",
                Compute.Balancing.RoundRobin => "round-robin",
                _ => "",
            },
        };
        SupervisionWire.Write(request.Supervision, submit);
        return submit;
    }

    /// <summary>
    /// --assembly with --seed: the method (and a reducer method) packaged with the assembly and
    /// what it needs, the files the Seed lacks uploaded, the package carried by the submission.
    /// </summary>
    private static async Task ShipMethodAsync(AssemblyMethod method, MapRequest request, MapInput input, CliEnvironment environment,
        ClusterClient client, SubmitJob submit, CancellationToken cancellationToken)
    {
        var bound = Client.Functions.AssemblyFunction.Load(environment.FullPath(method.Assembly), method.Assembly, method.Function, input.Kind.ClrType(), request.Reduce);
        ActorMap.Functions.Shipping.PackagedFunction packaged;
        try
        {
            packaged = ActorMap.Functions.Shipping.DelegatePackager.Default.Package(bound.Map,
                bound.Reduce is { } reduce ? new ActorMap.Functions.Shipping.ReducerToShip(reduce, HasSeed: false, Seed: null) : null);
        }
        catch (ActorMap.Functions.Shipping.UnshippableFunctionException e)
        {
            throw new UsageException($"--function {method.Function}: {e.Message}");
        }
        // A refusal (a corrupted upload) or an unreachable Seed fails as the job itself would.
        await client.ShipAsync(packaged, cancellationToken);
        submit.FunctionSource = "";
        submit.FunctionPackage = Google.Protobuf.ByteString.CopyFrom(packaged.Package.ToBytes());
    }

    // A failed job leaves no partial --output: the exception filter runs before the stack unwinds.
    private static bool Discard(FileStream sink, string temporary)
    {
        sink.Dispose();
        File.Delete(temporary);
        return false;
    }

    // Not inlined, so Spectre.Console is loaded only when a progress bar is really drawn.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Task<byte[]> ShowProgressAsync(TextWriter stderr, long total, Output.JobProgress progress, Func<Task<byte[]>> job) =>
        Output.ProgressBar.ShowAsync(stderr, total, progress, job);

    internal static ClusterClient Connect(string seed, ClusterCredentials credentials)
    {
        try
        {
            return ClusterClient.Connect(seed, credentials);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--seed: {e.Message}");
        }
    }
}
