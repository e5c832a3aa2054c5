using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorMap.TestKit;

/// <summary>
/// Base class for xunit specs: a fresh <see cref="ActorSystem"/> per test (xunit makes a new
/// instance per test), terminated on Dispose. Pass an <see cref="ITestOutputHelper"/> to see the
/// system's log lines in the test output.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private bool _disposed;

    protected TestKit(ActorSystemSettings? settings = null, ITestOutputHelper? output = null, string? systemName = null,
        TestKitSettings? testKitSettings = null)
        : this(CreateSystem(settings, output, systemName), testKitSettings ?? new TestKitSettings())
    {
    }

    private TestKit(ActorSystem system, TestKitSettings testKitSettings)
        : base(system, testKitSettings)
    {
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>Expect log events and dead letters; see <see cref="EventFilterFactory"/>.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The manual clock the system runs on, when the settings gave it one.</summary>
    public ManualClock Clock => Sys.TimeProvider as ManualClock
        ?? throw new InvalidOperationException("This spec's system does not run on a ManualClock; pass one in ActorSystemSettings.TimeProvider");

    private static ActorSystem CreateSystem(ActorSystemSettings? settings, ITestOutputHelper? output, string? systemName)
    {
        settings ??= ActorSystemSettings.Default;
        if (output is not null)
        {
            settings = settings with { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output))) };
        }
        return ActorSystem.Create(systemName ?? "test", settings);
    }

    /// <summary>Stops the system and waits (dilated) for every actor's PostStop.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (disposing)
        {
            Sys.Terminate().Wait(Dilated(TimeSpan.FromSeconds(10)));
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }
}
