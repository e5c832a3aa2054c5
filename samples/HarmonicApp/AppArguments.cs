using System.Globalization;

namespace HarmonicApp;

/// <summary>The command line: <c>[--seed HOST[:PORT]] [--count N]</c>; no seed means the embedded pool.</summary>
internal sealed record AppArguments(string? Seed, long Count, bool Help)
{
    public const long DefaultCount = 20_000;

    public const string Usage = "usage: HarmonicApp [--seed HOST[:PORT]] [--count N]   (no --seed: run in this process; the port defaults to 4080)";

    public static bool TryParse(IReadOnlyList<string> args, out AppArguments arguments, out string error)
    {
        arguments = new AppArguments(null, DefaultCount, false);
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                arguments = arguments with { Help = true };
                continue;
            }
            if (name is not ("--seed" or "--count"))
            {
                error = $"unknown argument '{name}'";
                return false;
            }
            if (i + 1 == args.Count)
            {
                error = $"{name} needs a value";
                return false;
            }
            var value = args[++i];
            if (name == "--seed")
            {
                if (!IsEndpoint(value))
                {
                    error = $"--seed '{value}' is not HOST[:PORT] (a Seed's client endpoint, such as 127.0.0.1:4080)";
                    return false;
                }
                arguments = arguments with { Seed = value };
            }
            else
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    error = $"--count '{value}' must be a whole number of at least 1";
                    return false;
                }
                arguments = arguments with { Count = count };
            }
        }
        return true;
    }

    // HOST or HOST:PORT, as ClusterMapPool.ConnectAsync takes it; checked here so that a typo is a
    // usage error (exit 2) rather than a connection that fails once the first job runs.
    private static bool IsEndpoint(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return value.Length > 0 && !value.Any(char.IsWhiteSpace);
        }
        return colon > 0
            && !value.AsSpan(0, colon).ContainsAny(" \t")
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }
}
