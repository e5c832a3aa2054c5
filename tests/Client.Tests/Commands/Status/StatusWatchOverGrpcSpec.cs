using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>
/// <c>actormap status --watch</c> as a user runs it, against a real gRPC endpoint on loopback that
/// answers and then goes away: the real client, its deadline and its errors.
/// </summary>
public sealed class StatusWatchOverGrpcSpec
{
    [Fact]
    public async Task StatusWatchJson_SeedStops_PrintsJsonLinesThenOneWentAwayLineAndExits1()
    {
        using var cli = new Cli();
        await using var seed = await AnsweringSeed.StartAsync(StatusReplies.WithJob(2_500, 10_000));

        var run = cli.RunAsync("status", "--watch", "--json", "--seed", seed.Address);
        await seed.Shown.WaitAsync(TimeSpan.FromSeconds(30));
        await seed.StopAsync();
        var result = await run;

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Matches($@"^error: the Seed at {seed.Address.Replace(".", @"\.", StringComparison.Ordinal)} went away \(.+\)$", error.TrimEnd('\r'));
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(2_500, json.RootElement.GetProperty("jobs")[0].GetProperty("elementsDone").GetInt64());
        }
    }

    [Fact]
    public async Task StatusWatch_CtrlC_Exits0WithNothingOnStderr()
    {
        using var cli = new Cli();
        await using var seed = await AnsweringSeed.StartAsync(StatusReplies.WithWorker());
        using var ctrlC = new CancellationTokenSource();

        var run = cli.RunAsync("", ctrlC.Token, "status", "--watch", "--seed", seed.Address);
        await seed.Shown.WaitAsync(TimeSpan.FromSeconds(30));
        await ctrlC.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.True(result.Stdout.Contains(StatusReplies.WorkerHost, StringComparison.Ordinal), result.Stdout);
    }

    [Fact]
    public async Task StatusWatch_NoSeedListening_Exits1WithTheStatusError()
    {
        using var cli = new Cli();
        await using var seed = await AnsweringSeed.StartAsync(StatusReplies.SeedOnly());
        var address = seed.Address;
        await seed.StopAsync();

        var result = await cli.RunAsync("status", "--watch", "--seed", address);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error: cannot reach the seed's client endpoint at {address}", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }
}
