using System.Globalization;
using ActorMap.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ActorMap.Hosting.Dashboard;

//   GET /                    the page (index.html, dashboard.css, dashboard.js)
//   GET /api/overview        members, events and jobs, as JSON
//   GET /api/jobs/{id}       one job and all its spans, as JSON
//   GET /events              the overview once a second (Server-Sent Events)
//   GET /jobs/{id}/events    one job's task stream, coalesced (Server-Sent Events)
//   GET /metrics             Prometheus text (OpenTelemetry's exporter)
/// <summary>The dashboard's routes on the Seed, all read-only and all behind <see cref="DashboardAuthentication"/>.</summary>
internal static class DashboardEndpoints
{
    public static readonly TimeSpan OverviewInterval = TimeSpan.FromSeconds(1);

    // The page's own files only: nothing from elsewhere can run in it, even if a lambda's text got
    // past the escaping. frame-ancestors: no other site can frame it and click through it.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var authentication = app.Services.GetRequiredService<DashboardAuthentication>();
        // gRPC calls have their own check (ClientAuthentication) and answer in gRPC's terms.
        var grpc = "/" + Messages.Compute.JobService.Descriptor.FullName;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(grpc, StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // The token may be in the address: never send it on to another site.
            headers["Referrer-Policy"] = "no-referrer";
            if (await authentication.AuthorizeAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });
        app.MapGet("/", (HttpContext context) =>
            // The cookie is set: take the token out of the address bar (and the browser's history).
            context.Request.Query.ContainsKey("token") ? Results.Redirect("/", permanent: false) : Asset("index.html"));
        app.MapGet("/dashboard.css", () => Asset("dashboard.css"));
        app.MapGet("/dashboard.js", () => Asset("dashboard.js"));
        app.MapGet("/api/overview", async (DashboardOverview overview, HttpContext context) =>
            Json(await overview.BuildAsync(context.RequestAborted).ConfigureAwait(false)));
        app.MapGet("/api/jobs/{id:long}", (long id, DashboardOverview overview, TimeProvider time) =>
        {
            if (overview.Find(id) is not { } found)
            {
                return Results.Text(string.Create(CultureInfo.InvariantCulture, $"no task stream of job {id} on this Seed: running jobs and the last {RecentJobs.KeptWithTaskStream} that ended keep theirs\n"),
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }
            var recorder = found.Job.Recorder;
            var spans = recorder is null ? [] : recorder.SpansFrom(0);
            return Json(new TaskBatch(JobViews.Of(found.Job, found.Ended, time.GetUtcNow()), 0, [.. spans.Select(SpanView.Of)]));
        });
        app.MapGet("/events", async (DashboardOverview overview, TimeProvider time, HttpContext context) =>
        {
            var token = context.RequestAborted;
            StartEvents(context);
            using var ticks = new PeriodicTimer(OverviewInterval, time);
            try
            {
                do
                {
                    await SendAsync(context, "overview", await overview.BuildAsync(token).ConfigureAwait(false), token).ConfigureAwait(false);
                }
                while (await ticks.WaitForNextTickAsync(token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The page closed or reloaded.
            }
        });
        app.MapGet("/jobs/{id:long}/events", async (long id, DashboardOverview overview, TimeProvider time, HttpContext context) =>
        {
            var token = context.RequestAborted;
            StartEvents(context);
            try
            {
                await new TaskStream(() => overview.Find(id), time)
                    .RunAsync((name, payload, cancel) => SendAsync(context, name, payload, cancel), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The page closed, or moved to another job.
            }
        });
        app.MapPrometheusScrapingEndpoint();
    }

    private static IResult Asset(string name)
    {
        var (bytes, type) = DashboardAssets.Get(name);
        return Results.Bytes(bytes, type);
    }

    private static IResult Json(object value) => Results.Bytes(DashboardJson.Serialize(value), "application/json; charset=utf-8");

    private static void StartEvents(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // A reverse proxy in front must pass each event on at once.
        context.Response.Headers["X-Accel-Buffering"] = "no";
    }

    // One event: its name, and its JSON on one data line (System.Text.Json writes no newline).
    private static async Task SendAsync(HttpContext context, string name, object payload, CancellationToken cancellationToken)
    {
        var body = context.Response.Body;
        await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"event: {name}\ndata: "), cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(DashboardJson.Serialize(payload), cancellationToken).ConfigureAwait(false);
        await body.WriteAsync("\n\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
