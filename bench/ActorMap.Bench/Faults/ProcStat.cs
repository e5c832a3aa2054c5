using System.Globalization;

namespace ActorMap.Bench.Faults;

/// <summary>
/// CPU time read from /proc (Linux): a process's own (utime + stime of /proc/PID/stat) and the
/// whole machine's busy time (/proc/stat), in seconds. Linux reports both in USER_HZ ticks, which
/// is 100 on every architecture .NET runs on.
/// </summary>
internal static class ProcStat
{
    private const double TicksPerSecond = 100;

    /// <summary>The process's CPU seconds so far (its threads, user and kernel), or null once it has gone.</summary>
    public static double? ProcessCpuSeconds(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of proc(5), counted from 1 with pid and comm: indexes 11 and 12 here.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Seconds every CPU of the machine spent busy (anything but idle and iowait), summed over CPUs.</summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        return busy / TicksPerSecond;
    }
}
