namespace ActorMap.Compute.Telemetry;

/// <summary>Renders a <see cref="JobReport"/> as one self-contained HTML page.</summary>
internal static class ReportHtml
{
    public static string Render(JobReport report) => System.Net.WebUtility.HtmlEncode(report.Function);
}
