using System.Globalization;
using StatusReply = ActorMap.Messages.Compute.StatusReply;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorMap.Client.Output;

/// <summary>
/// One frame of <c>status --watch</c>: a StatusReply as Spectre renderables, with no console and no
/// clock of its own, so a spec renders a reply into a TestConsole and reads the text.
/// </summary>
internal static class StatusRenderer
{
    public static IRenderable Render(StatusReply reply, string seed, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var workers = reply.Members.Sum(m => (long)m.Workers);
        var system = SharedSystem(reply);
        var cluster = system.Length == 0 ? "" : $" (cluster {Markup.Escape(system.TrimEnd('@'))})";
        var header = new Markup(Invariant($"[bold]Seed {Markup.Escape(seed)}[/]{cluster}: {Count(reply.Members.Count, "member")}, {Count(workers, "worker")}"));
        var updated = new Markup(Invariant($"[grey]updated {at.UtcDateTime:HH:mm:ss} UTC; Ctrl+C to stop[/]"));
        var counters = new Markup(Invariant(
            $"[grey]chunks re-dispatched from lost nodes: {reply.ChunksRedispatched}; late results dropped: {reply.LateResultsDropped}[/]"));
        return new Rows(header, updated, Members(reply, system), counters, Jobs(reply));
    }

    /// <summary>"akka.tcp://actormap@" when every member's address starts so: said once in the header, the table fits 80 columns.</summary>
    private static string SharedSystem(StatusReply reply)
    {
        var first = reply.Members.FirstOrDefault()?.Address ?? "";
        var at = first.IndexOf('@', StringComparison.Ordinal);
        var prefix = at < 0 ? "" : first[..(at + 1)];
        return prefix.Length > 0 && reply.Members.All(m => m.Address.StartsWith(prefix, StringComparison.Ordinal)) ? prefix : "";
    }

    private static Table Members(StatusReply reply, string system)
    {
        // No borders and two spaces between columns, as the plain table has: it fits 80 columns.
        var table = new Table().Border(TableBorder.None)
            // An address cut in two is hard to copy into --seed or a log search; other columns give way first.
            .AddColumn(Column("ADDRESS").NoWrap()).AddColumn(Column("ROLES")).AddColumn(Column("STATUS")).AddColumn(Column("REACHABLE"))
            .AddColumn(Column("WORKERS").RightAligned())
            .AddColumn(Column("CHUNKS").RightAligned())
            .AddColumn(Column("UPTIME").RightAligned().PadRight(0));
        foreach (var m in reply.Members)
        {
            var host = m.Address[system.Length..];
            var address = m.Address == reply.Leader ? $"{host} (leader)" : host;
            table.AddRow(
                new Text(address),
                new Text(string.Join(',', m.Roles)),
                new Text(m.Status, m.Status == "Up" ? Style.Plain : new Style(Color.Yellow)),
                m.Reachable ? new Text("yes") : new Text("NO", new Style(Color.Red, decoration: Decoration.Bold)),
                new Text(Invariant($"{m.Workers}")),
                new Text(Invariant($"{m.ChunksDone:N0}")),
                new Text(Uptime(m.UptimeSeconds)));
        }
        return table;
    }

    private static TableColumn Column(string heading) => new TableColumn(heading).PadLeft(0).PadRight(2);

    private static IRenderable Jobs(StatusReply reply)
    {
        if (reply.Jobs.Count == 0)
        {
            return new Text("no jobs running");
        }
        var grid = new Grid().AddColumns(5);
        foreach (var j in reply.Jobs)
        {
            var fraction = j.Elements > 0 ? (double)j.ElementsDone / j.Elements : 0;
            // Floored: a job shows 100% only once every element is done.
            var percent = Math.Floor(fraction * 1000) / 10;
            grid.AddRow(
                new Text(Invariant($"job {j.JobId}")),
                new JobBar(fraction),
                new Text(Invariant($"{j.ElementsDone:N0}/{j.Elements:N0} elements")),
                new Text(Invariant($"{percent:0.0}%")),
                new Text(Invariant($"{j.ChunksDone:N0}/{j.Chunks:N0} chunks")));
        }
        return new Rows(new Text(Count(reply.Jobs.Count, "job") + " running:"), grid);
    }

    /// <summary>42s, 3m 07s, 5h 02m, 2d 04h: the two largest units are enough to tell a restart.</summary>
    internal static string Uptime(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return t.TotalDays >= 1 ? Invariant($"{(int)t.TotalDays}d {t.Hours:00}h")
            : t.TotalHours >= 1 ? Invariant($"{t.Hours}h {t.Minutes:00}m")
            : t.TotalMinutes >= 1 ? Invariant($"{t.Minutes}m {t.Seconds:00}s")
            : Invariant($"{t.Seconds}s");
    }

    private static string Count(long n, string noun) => Invariant($"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
