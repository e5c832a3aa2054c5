using ActorMap.Client.Commands;
using ActorMap.Client.Tests.Support;
using ActorMap.Compute;
using ActorMap.Functions;
using Akka.Actor;

namespace ActorMap.Client.Tests.Commands;

/// <summary>--supervision, --on, --retries and --retry-window: a job's own policy over the configuration's.</summary>
public class SupervisionFlagsSpec
{
    // Element 5 throws a FormatException on every attempt: the attempts in the error show the policy.
    private const string FailingAtFive = "x => x == 5 ? throw new FormatException(\"five\") : x";

    [Fact]
    public void Parse_EveryFlag_GivesTheJobsOverrides()
    {
        var overrides = SupervisionFlags.Parse("escalate", ["System.FormatException=resume", " System.IO.IOException = stop ", "System.FormatException=restart"], "3", "10s");

        Assert.Equal(Directive.Escalate, overrides.Default);
        Assert.Equal(new Dictionary<string, Directive> { ["System.FormatException"] = Directive.Restart, ["System.IO.IOException"] = Directive.Stop }, overrides.Directives);
        Assert.Equal(3, overrides.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(10), overrides.Within);
    }

    [Fact]
    public void Parse_NoFlags_LeavesEverythingToTheConfiguration()
    {
        var overrides = SupervisionFlags.Parse(null, [], null, null);

        Assert.Equal((null, null, null), (overrides.Default, overrides.MaxRetries, overrides.Within));
        Assert.Empty(overrides.Directives);
    }

    [Fact]
    public void Parse_InfiniteWindow_CountsOverTheWholeJob() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, SupervisionFlags.Parse(null, [], null, "infinite").Within);

    [Theory]
    [InlineData("--supervision", "sometimes", "--supervision must be restart, resume, stop or escalate, got 'sometimes'")]
    [InlineData("--on", "System.FormatException", "--on must be TYPE=DIRECTIVE with an exception type's full name, such as System.FormatException=resume, got 'System.FormatException'")]
    [InlineData("--on", "=resume", "--on must be TYPE=DIRECTIVE")]
    [InlineData("--on", "System Format=resume", "--on must be TYPE=DIRECTIVE")]
    [InlineData("--on", "System.FormatException=skip", "--on System.FormatException must be restart, resume, stop or escalate, got 'skip'")]
    [InlineData("--retries", "-1", "--retries must not be negative, got -1")]
    [InlineData("--retries", "twice", "--retries must be an integer, got 'twice'")]
    [InlineData("--retry-window", "soon", "--retry-window must be a duration such as 10s, 500ms or infinite, got 'soon'")]
    [InlineData("--retry-window", "0s", "--retry-window must be a positive duration or infinite, got '0s'")]
    [InlineData("--retry-window", "-5s", "--retry-window must be a positive duration or infinite, got '-5s'")]
    public async Task Map_BadSupervisionFlag_ExitsWith2NamingIt(string option, string value, string message)
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--retries", "3" }, "after 4 attempts")]
    [InlineData(new[] { "--retries", "0" }, "after 1 attempt")]
    [InlineData(new[] { "--supervision", "escalate", "--retries", "5" }, "after 1 attempt")]
    [InlineData(new[] { "--supervision", "escalate", "--on", "System.FormatException=restart", "--retries", "2" }, "after 3 attempts")]
    [InlineData(new[] { "--on", "System.SystemException=escalate", "--retries", "5" }, "after 1 attempt")]
    [InlineData(new[] { "--retries", "1", "--retry-window", "1h" }, "after 2 attempts")]
    public async Task Map_SupervisionFlags_DecideTheJobsAttempts(string[] flags, string attempts)
    {
        using var cli = new Cli();

        var result = await cli.RunAsync(["map", FailingAtFive, "--range", "0..10", "--chunk-size", "2", .. flags]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("System.FormatException: five", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(attempts, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Flags_BeatTheConfigurationFile_WhichDecidesWhatTheyLeaveOut()
    {
        using var cli = new Cli();
        var config = cli.File("cluster.hocon", """
            actormap.compute.supervision {
              default = escalate
              max-retries = 4
              directives { "System.DivideByZeroException" = restart }
            }
            """);

        var fromFile = await cli.RunAsync("map", FailingAtFive, "--range", "0..10", "--file", config);
        var fromFlag = await cli.RunAsync("map", FailingAtFive, "--range", "0..10", "--file", config, "--on", "System.FormatException=restart");
        var typeFromFile = await cli.RunAsync("map", "x => 10 / (x - 5)", "--range", "0..10", "--file", config, "--supervision", "stop", "--workers", "2", "--chunk-size", "1");

        Assert.Contains("after 1 attempt", fromFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("after 5 attempts", fromFlag.Stderr, StringComparison.Ordinal);
        // --supervision stop replaced the default only: the file's DivideByZeroException = restart still holds
        // (stop would have left the job no workers at the second attempt).
        Assert.Contains("System.DivideByZeroException", typeFromFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("after 5 attempts", typeFromFile.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Flags_TravelToTheSeedAndWhatTheyLeaveOutStaysTheSeeds()
    {
        var request = MapRequest.Create("x => x", "0..10", null, null, null, null, null, null, null)
            with { Supervision = SupervisionFlags.Parse(null, ["System.FormatException=resume"], "3", "10s") };
        var bare = MapRequest.Create("x => x", "0..10", null, null, null, null, null, null, null);

        var submit = ClusterMapRunner.Submit(request);
        var seeds = ClusterMapRunner.Submit(bare);

        Assert.Equal(("", 3, 10_000L), (submit.Supervision, submit.RetriesPerChunk, submit.RetryWindowMs));
        Assert.Equal("resume", submit.Directives["System.FormatException"]);
        Assert.Equal(("", -1, 0L, 0), (seeds.Supervision, seeds.RetriesPerChunk, seeds.RetryWindowMs, seeds.Directives.Count));
    }

    [Fact]
    public async Task Map_Help_ListsTheSupervisionFlags()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--help");

        foreach (var flag in new[] { "--supervision <DIRECTIVE>", "--on <TYPE=DIRECTIVE>", "--retries <N>", "--retry-window <DURATION>" })
        {
            Assert.Contains(flag, result.Stdout, StringComparison.Ordinal);
        }
    }
}
