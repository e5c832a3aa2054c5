using System.Net;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ActorMap.Hosting.Tests.Dashboard;

//   seed (plaintext, token file, dashboard on its own port) ◄── HTTP/1.1 clients with and without the token
/// <summary>The dashboard asks for the client endpoint's token, and trades it once for a cookie.</summary>
public sealed class DashboardAuthenticationSpec(TokenSeed seed) : IClassFixture<TokenSeed>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/overview")]
    [InlineData("/events")]
    [InlineData("/metrics")]
    public async Task A_request_without_the_token_must_get_401_and_one_line_naming_the_peer(string path)
    {
        using var client = seed.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("401: this dashboard needs the cluster's token", page, StringComparison.Ordinal);
        Assert.Single(page.Trim().Split('\n'));
        await OneLine.AssertLoggedOnceAsync(seed.Cluster.Log, client.LastAddress, "refused a dashboard request from");
    }

    [Fact]
    public async Task The_token_in_the_address_must_set_an_HttpOnly_SameSite_Strict_cookie_that_suffices_from_then_on()
    {
        using var client = seed.Client();

        using var first = await client.GetAsync("/?token=" + TokenSeed.Token);

        // Sent back to the page without the token in its address.
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TokenSeed.Token, setCookie, StringComparison.Ordinal);
        var cookie = setCookie.Split(';')[0];
        using var page = await client.GetAsync("/", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>ActorMap dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var overview = await client.GetAsync("/api/overview", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.StartsWith("application/json", overview.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_must_pass_and_a_wrong_one_or_a_forged_cookie_must_not()
    {
        using var client = seed.Client();

        using var right = await client.GetAsync("/metrics", bearer: TokenSeed.Token);
        using var wrong = await client.GetAsync("/api/overview", bearer: "guess");
        var wrongPeer = client.LastAddress;
        using var forged = await client.GetAsync("/api/overview", cookie: DashboardAuthentication.CookieName + "=00ff");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("# TYPE", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await OneLine.AssertLoggedOnceAsync(seed.Cluster.Log, wrongPeer, "a wrong token");
    }
}

/// <summary>A Seed alone, with a token file: no job runs here, only the dashboard is asked.</summary>
public sealed class TokenSeed : IAsyncLifetime
{
    public const string Token = "dashboard-s3cret";

    private readonly string _directory = Directory.CreateTempSubdirectory("actormap-dashboard-spec-").FullName;

    internal InProcessCluster Cluster { get; } = new();

    internal string Url => Cluster.Seed.Services.GetRequiredService<DashboardAddress>().Url!;

    internal DashboardClient Client() => new(Url);

    public async Task InitializeAsync()
    {
        var token = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(token, Token + "\n");
        Cluster.TokenFile = token;
        await Cluster.StartSeedAsync(workers: 1);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
