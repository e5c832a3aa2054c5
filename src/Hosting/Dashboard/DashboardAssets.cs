using System.Collections.Frozen;

namespace ActorMap.Hosting.Dashboard;

/// <summary>The page's three files, embedded in this assembly (Dashboard/Assets): no build step, no CDN.</summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> s_files = new Dictionary<string, (byte[], string)>
    {
        ["index.html"] = (Read("index.html"), "text/html; charset=utf-8"),
        ["dashboard.css"] = (Read("dashboard.css"), "text/css; charset=utf-8"),
        ["dashboard.js"] = (Read("dashboard.js"), "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (byte[] Bytes, string ContentType) Get(string name) => s_files[name];

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("ActorMap.Hosting.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard's {name} is not embedded in ActorMap.Hosting");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
