using ActorMap.Functions;
using System.CommandLine;

namespace ActorMap.Client.Commands;

/// <summary>The <c>map</c> verb's syntax; <see cref="MapRunner"/> does the work.</summary>
internal static class MapCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var function = new Argument<string?>("FUNCTION")
        {
            Description = "A C# lambda over one element, such as \"x => x * x\"; leave it out with --assembly",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var assembly = new Option<string?>("--assembly") { Description = "Apply a public static method of this compiled .NET assembly instead of a lambda; its dependencies load from its folder (.deps.json)", HelpName = "DLL" };
        var method = new Option<string?>("--function") { Description = "With --assembly: the method, Namespace.Type.Method (nested types as Outer+Inner), taking one element and returning a value", HelpName = "TYPE.METHOD" };
        var range = new Option<string?>("--range") { Description = "The integers A..B, B excluded, such as 0..1000", HelpName = "A..B" };
        var input = new Option<string?>("--input") { Description = "A JSON array of numbers, strings or rows of them; - reads stdin", HelpName = "FILE|-" };
        var reduce = new Option<string?>("--reduce") { Description = "sum, min, max, count, or a lambda such as \"(a, b) => a + b\"; with --assembly, a static method Type.Method (or Method of --function's type)", HelpName = "R" };
        var chunkSize = new Option<string?>("--chunk-size") { Description = "Elements per chunk (default: actormap.compute.default-chunk-size)", HelpName = "N" };
        var workers = new Option<string?>("--workers") { Description = "Worker actors (default: actormap.compute.workers, 0 = processor count)", HelpName = "N" };
        var balancing = new Option<string?>("--balancing") { Description = "round-robin or pull (default: actormap.compute.balancing)" };
        var output = new Option<string?>("--output") { Description = "Write the JSON results to FILE instead of stdout", HelpName = "FILE" };
        var file = new Option<string?>("--file") { Description = "Configuration file (default: ./cluster.hocon if present)", HelpName = "PATH" };
        var report = new Option<string?>("--report") { Description = "Write the job's performance report (task stream, utilisation, speed-up) to FILE as one HTML page", HelpName = "FILE" };
        var seed = new Option<string?>("--seed") { Description = "Run on the cluster whose Seed serves clients at HOST[:PORT] (default port 4080) instead of in-process", HelpName = "HOST[:PORT]" };

        var supervision = new SupervisionFlags();
        var tls = TlsOption.Create();
        var command = new Command("map", "Apply FUNCTION to every element, in parallel on actors, and print the results in input order")
        {
            function, assembly, method, range, input, reduce, chunkSize, workers, balancing, output, report, file, seed, tls,
        };
        foreach (var option in supervision.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) =>
        {
            var request = MapRequest.Create(parse.GetValue(function), parse.GetValue(range), parse.GetValue(input), parse.GetValue(reduce),
                Integer(parse.GetValue(chunkSize), "--chunk-size"), Integer(parse.GetValue(workers), "--workers"), parse.GetValue(balancing), parse.GetValue(output), parse.GetValue(file),
                parse.GetValue(assembly), parse.GetValue(method))
                with
                {
                    Seed = parse.GetValue(seed),
                    Report = parse.GetValue(report),
                    Credentials = TlsOption.Credentials(environment, parse.GetValue(tls)),
                    Supervision = supervision.Parse(parse),
                };
            return request.Seed is null
                ? MapRunner.RunAsync(request, environment, cancellationToken)
                : ClusterMapRunner.RunAsync(request, environment, cancellationToken);
        });
        return command;
    }

    // Parsed here rather than by Option<int?>, whose error names System.Nullable`1[System.Int32].
    private static int? Integer(string? text, string option) =>
        text is null ? null
        : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{option} must be an integer, got '{text}'");
}
