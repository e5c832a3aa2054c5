namespace ActorMap.Hosting.Dashboard;

/// <summary>Where the dashboard is served, known once Kestrel has bound its ports; null while it is not (or off).</summary>
internal sealed class DashboardAddress
{
    private volatile string? _url;

    public string? Url
    {
        get => _url;
        set => _url = value;
    }
}
