using System.Globalization;

namespace ActorMap.Bench.Soak;

/// <summary>
/// The soak's flags: --jobs N (300), --seed S (random, printed), --mean-gap SECONDS between faults
/// (4), --logs DIR to keep every node's log and the faults' times (none).
/// </summary>
internal sealed record SoakOptions(int Jobs, int Seed, double MeanGapSeconds, string? Logs)
{
    public const string Usage = "usage: ActorMap.Bench soak [--jobs N] [--seed S] [--mean-gap SECONDS] [--logs DIR]";

    /// <summary>The options, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static SoakOptions? Parse(string[] args, out string error)
    {
        var options = new SoakOptions(300, Random.Shared.Next(), 4, null);
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            var value = i + 1 < args.Length ? args[++i] : null;
            switch (flag)
            {
                case "--jobs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0:
                    options = options with { Jobs = jobs };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--mean-gap" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var gap) && gap > 0:
                    options = options with { MeanGapSeconds = gap };
                    break;
                case "--logs" when !string.IsNullOrEmpty(value):
                    options = options with { Logs = Path.GetFullPath(value) };
                    break;
                default:
                    error = $"bad flag or value: {flag} {value}\n{Usage}";
                    return null;
            }
        }
        error = "";
        return options;
    }
}
