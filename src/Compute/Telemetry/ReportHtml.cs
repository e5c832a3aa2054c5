using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorMap.Compute.Telemetry;

/// <summary>
/// Renders a <see cref="JobReport"/> as one self-contained HTML page: inline CSS and script, the
/// data as JSON in the page, no URL anywhere, so it opens offline and from an archive. Every text
/// the user or a node chose (the function's source above all) is HTML-encoded, and the JSON's
/// encoder escapes &lt; &gt; &amp; so no text can close the script element it sits in. The task
/// stream is drawn on a canvas with the bars of each lane coalesced to pixels, so 10,000 chunks
/// draw as fast as 100.
/// </summary>
internal static partial class ReportHtml
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Render(JobReport report)
    {
        var html = new StringBuilder(64 * 1024 + report.Spans.Count * 48);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ActorMap job ")
            .Append(report.JobId.ToString(s_invariant)).Append(" report</title>\n<style>").Append(Css).Append("</style></head>\n<body>\n");
        html.Append("<h1>ActorMap job ").Append(report.JobId.ToString(s_invariant)).Append(": <span class=\"outcome ")
            .Append(Encode(report.Outcome)).Append("\">").Append(Encode(report.Outcome)).Append("</span></h1>\n");
        html.Append("<pre class=\"function\">").Append(Encode(report.Function)).Append("</pre>\n");
        Summary(html, report);
        Phases(html, report);
        if (report.Failure is { } failure)
        {
            html.Append("<h2>Failure</h2>\n<p class=\"failure\">");
            if (failure.ElementIndex >= 0)
            {
                html.Append("Element ").Append(failure.ElementIndex.ToString(s_invariant)).Append(": ");
            }
            html.Append(Encode(failure.ErrorType)).Append(failure.ErrorType.Length > 0 ? ": " : "").Append(Encode(failure.Message));
            if (failure.Worker.Length > 0)
            {
                html.Append(" (on ").Append(Encode(failure.Worker)).Append(')');
            }
            html.Append("</p>\n");
            if (failure.StackTrace.Length > 0)
            {
                html.Append("<pre class=\"trace\">").Append(Encode(failure.StackTrace)).Append("</pre>\n");
            }
        }
        html.Append("<h2>Task stream</h2>\n<p class=\"legend\"><span class=\"key done\"></span>done <span class=\"key failed\"></span>failed ")
            .Append("<span class=\"key redispatched\"></span>re-dispatched (taken back from a lost worker) &middot; one lane per worker, grouped by node; time since the job's first chunk went out; hover for a chunk</p>\n");
        if (report.SpansDropped > 0)
        {
            html.Append("<p class=\"note\">").Append(report.SpansDropped.ToString(s_invariant)).Append(" attempts are not shown: the report keeps at most ")
                .Append(report.Spans.Count.ToString(s_invariant)).Append(".</p>\n");
        }
        html.Append("<div id=\"stream-box\"><canvas id=\"stream\"></canvas><div id=\"tip\"></div></div>\n");
        Utilisation(html, report);
        Histogram(html, report);
        html.Append("<script type=\"application/json\" id=\"data\">").Append(Data(report)).Append("</script>\n<script>").Append(Script).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, JobReport report)
    {
        var c = report.Counters;
        html.Append("<table class=\"summary\">\n");
        Row(html, "Elements", report.Elements.ToString("N0", s_invariant));
        Row(html, "Chunks", $"{report.Chunks.ToString("N0", s_invariant)} ({c.ChunksDone.ToString("N0", s_invariant)} done, {c.Retries.ToString(s_invariant)} retried, {c.Redispatched.ToString(s_invariant)} re-dispatched, {c.LateResultsDropped.ToString(s_invariant)} late results dropped)");
        Row(html, "Workers", report.Workers.ToString(s_invariant));
        Row(html, "Started", report.StartedAt.ToString("u", s_invariant));
        Row(html, "Wall time", Seconds(report.Wall));
        Row(html, "Busy time", $"{Seconds(report.BusyTime)} (the workers' time on chunks, summed)");
        Row(html, "Speed-up", $"{report.SpeedUp.ToString("0.00", s_invariant)} (busy time / wall time)");
        Row(html, "Efficiency", $"{(report.Efficiency * 100).ToString("0.0", s_invariant)} % (speed-up / {report.Workers.ToString(s_invariant)} workers)");
        html.Append("</table>\n");
    }

    private static void Phases(StringBuilder html, JobReport report)
    {
        var p = report.Phases;
        var total = Math.Max(p.Total.TotalSeconds, 1e-9);
        html.Append("<h2>Phases</h2>\n");
        if (p.IsInProcess)
        {
            html.Append("<p class=\"note\">The job ran in this process (the embedded pool): there was no upload or download, so both are zero.</p>\n");
        }
        html.Append("<div class=\"phases\">");
        foreach (var (name, time) in new[] { ("upload", p.Upload), ("compute", p.Compute), ("download", p.Download) })
        {
            html.Append("<div class=\"phase ").Append(name).Append("\" style=\"width:")
                .Append((time.TotalSeconds / total * 100).ToString("0.###", s_invariant)).Append("%\" title=\"").Append(name).Append(' ')
                .Append(Seconds(time)).Append("\"></div>");
        }
        html.Append("</div>\n<table class=\"summary\">\n");
        Row(html, "Upload", $"{Seconds(p.Upload)} (the input's way to the Seed)");
        Row(html, "Compute", $"{Seconds(p.Compute)} (the chunks; on a cluster also compiling the lambda on the Seed)");
        Row(html, "Download", $"{Seconds(p.Download)} (the result's way back)");
        html.Append("</table>\n");
    }

    private static void Utilisation(StringBuilder html, JobReport report)
    {
        html.Append("<h2>Utilisation per node</h2>\n<p class=\"legend\">busy time / (wall time &times; the node's workers)</p>\n<table class=\"bars\">\n");
        foreach (var node in report.Nodes)
        {
            var percent = Math.Clamp(node.Utilisation * 100, 0, 100);
            html.Append("<tr><td>").Append(Encode(node.Node)).Append("</td><td>").Append(node.Workers.ToString(s_invariant))
                .Append(node.Workers == 1 ? " worker" : " workers").Append("</td><td class=\"bar\"><div style=\"width:")
                .Append(percent.ToString("0.###", s_invariant)).Append("%\"></div></td><td>")
                .Append((node.Utilisation * 100).ToString("0.0", s_invariant)).Append(" %</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Histogram(StringBuilder html, JobReport report)
    {
        var most = Math.Max(1, report.Histogram.Count == 0 ? 1 : report.Histogram.Max(b => b.Chunks));
        html.Append("<h2>Chunk durations</h2>\n<p class=\"legend\">done chunks per duration bucket</p>\n<table class=\"bars histogram\">\n");
        foreach (var bucket in report.Histogram)
        {
            html.Append("<tr><td>").Append(Millis(bucket.From)).Append(" &ndash; ").Append(Millis(bucket.To)).Append("</td><td class=\"bar\"><div style=\"width:")
                .Append((bucket.Chunks * 100.0 / most).ToString("0.###", s_invariant)).Append("%\"></div></td><td>")
                .Append(bucket.Chunks.ToString(s_invariant)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    /// <summary>What the script draws: lanes, and spans as flat rows of 7 numbers (chunk, lane, start ms, duration ms, outcome, first element, elements).</summary>
    private static string Data(JobReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteNumber("job", report.JobId);
            json.WriteString("function", report.Function);
            json.WriteNumber("computeMs", Ms(report.Phases.Compute));
            json.WriteStartArray("lanes");
            var lanes = new Dictionary<WorkerLane, int>();
            foreach (var lane in report.Lanes)
            {
                lanes[lane] = lanes.Count;
                json.WriteStartArray();
                json.WriteStringValue(lane.Node);
                json.WriteStringValue(lane.Worker);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("spans");
            foreach (var span in report.Spans)
            {
                json.WriteNumberValue(span.Chunk);
                json.WriteNumberValue(lanes.GetValueOrDefault(new WorkerLane(span.Node, span.Worker)));
                json.WriteNumberValue(Ms(span.Start));
                json.WriteNumberValue(Ms(span.Duration));
                json.WriteNumberValue((int)span.Outcome);
                json.WriteNumberValue(span.FirstElement);
                json.WriteNumberValue(span.Elements);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", s_invariant) + " s";

    private static string Millis(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", s_invariant) + " ms";
}
