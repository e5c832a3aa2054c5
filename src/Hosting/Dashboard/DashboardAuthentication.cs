using System.Security.Cryptography;
using System.Text;
using ActorMap.Hosting.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// Who may read the dashboard: whoever may use the client endpoint (see ClientAuthentication).
/// With a token configured, a browser brings it once as <c>?token=...</c> and gets an HttpOnly,
/// SameSite=Strict cookie in exchange; scripts send <c>Authorization: Bearer</c>. With TLS a
/// client certificate of the cluster passes too. Without TLS and token (loopback only) it is open.
/// </summary>
internal sealed class DashboardAuthentication(bool tls, byte[]? token, ILogger logger)
{
    public const string CookieName = "actormap-dashboard";

    private const string Bearer = "Bearer ";

    // The cookie carries a hash of the token, not the token: a cookie that leaks (a proxy's log)
    // does not give away what submits jobs, and it stays valid across Seed restarts.
    private readonly byte[]? _cookie = token is null ? null : SHA256.HashData([.. "actormap-dashboard:"u8, .. token]);

    /// <summary>True when the request may go on; otherwise the 401 page is written and one line logged.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (tls && context.Connection.ClientCertificate is not null)
        {
            return true;
        }
        if (token is null)
        {
            if (!tls)
            {
                return true;
            }
            return await RefuseAsync(context, "no client certificate, and the Seed has no token (actormap.api.token-file) a browser could bring").ConfigureAwait(false);
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return Matches(header[Bearer.Length..]) || await RefuseAsync(context, "a wrong token").ConfigureAwait(false);
        }
        var query = context.Request.Query["token"].ToString();
        if (query.Length > 0)
        {
            if (!Matches(query))
            {
                return await RefuseAsync(context, "a wrong token").ConfigureAwait(false);
            }
            context.Response.Cookies.Append(CookieName, Convert.ToHexString(_cookie!), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = tls, Path = "/", IsEssential = true,
            });
            return true;
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            return CookieMatches(cookie) || await RefuseAsync(context, "a stale dashboard cookie (the token changed)").ConfigureAwait(false);
        }
        return await RefuseAsync(context, "no token").ConfigureAwait(false);
    }

    private bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token);

    private bool CookieMatches(string cookie)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(cookie), _cookie);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task<bool> RefuseAsync(HttpContext context, string reason)
    {
        DashboardLog.Refused(logger, PeerAddress.Of(context.Connection.RemoteIpAddress, context.Connection.RemotePort), reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(
            "<!doctype html><title>ActorMap: 401</title><p>401: this dashboard needs the cluster's token: open it as /?token=TOKEN (the token in actormap.api.token-file).</p>\n",
            context.RequestAborted).ConfigureAwait(false);
        return false;
    }
}
