using System.Runtime.CompilerServices;
using ActorMap.Compute;
using ActorMap.Functions;
using ActorMap.Functions.Input;

namespace ActorMap.Client.Tests.Functions;

/// <summary>The in-memory set of loaded lambdas: bounded, least recently used out, unloaded once no lease holds them.</summary>
public class LoadedFunctionsSpec
{
    // One disk cache for the class: a lambda is compiled once per test run, whichever spec needs it first.
    private static readonly LambdaCache s_disk = new(Path.Combine(Path.GetTempPath(), "actormap-loaded-functions-spec-" + Environment.ProcessId));

    [Fact]
    public void Acquire_MoreDistinctLambdasThanTheCapacity_HoldsOnlyTheCapacity()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            functions.Acquire(Source($"x => x + {i}")).Dispose();
        }

        Assert.Equal(2, functions.Count);
    }

    [Fact]
    public void Acquire_TheSameLambdaAgain_GivesTheLoadedFunction()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 2);
        using var first = functions.Acquire(Source("x => x + 10"));

        using var second = functions.Acquire(Source("x => x + 10"));

        Assert.Same(first.Function, second.Function);
        Assert.Equal(1, functions.Count);
    }

    [Fact]
    public void Acquire_PastTheCapacity_EvictsTheLeastRecentlyUsed()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 2);
        var a = Loaded(functions, "x => x + 20");
        var b = Loaded(functions, "x => x + 21");
        var bUnloaded = 0;
        b.Context!.Unloading += _ => Interlocked.Increment(ref bUnloaded);

        Assert.Same(a, Loaded(functions, "x => x + 20"));
        Loaded(functions, "x => x + 22");

        Assert.Equal(1, bUnloaded);
        Assert.Same(a, Loaded(functions, "x => x + 20"));
    }

    [Fact]
    public void Acquire_EvictingALeasedLambda_UnloadsItOnlyWhenTheLeaseIsDisposed()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 1);
        var lease = functions.Acquire(Source("x => x + 30"));
        var unloaded = 0;
        lease.Function.Context!.Unloading += _ => Interlocked.Increment(ref unloaded);

        functions.Acquire(Source("x => x + 31")).Dispose();
        var whileLeased = unloaded;
        lease.Dispose();
        lease.Dispose();

        Assert.Equal(0, whileLeased);
        Assert.Equal(1, unloaded);
        Assert.Equal(1, functions.Count);
    }

    [Fact]
    public async Task Acquire_AnEvictedLambdaThatRanAJob_IsCollected()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 1);

        var context = await RunThenEvictAsync(functions);

        // Collection needs a few GCs (the context's own finalizer runs in between); bounded, never a sleep.
        for (var i = 0; context.IsAlive && i < 50; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive, "the evicted lambda's AssemblyLoadContext is still reachable");
    }

    [Fact]
    public void Acquire_AnEvictedLambdaAgain_LoadsItFromTheDiskCache()
    {
        var functions = new LoadedFunctions(s_disk, capacity: 1);
        functions.Acquire(Source("x => x + 40")).Dispose();
        functions.Acquire(Source("x => x + 41")).Dispose();

        using var again = functions.Acquire(Source("x => x + 40"));

        Assert.Equal(LambdaOrigin.Cache, again.Function.Origin);
    }

    [Fact]
    public async Task Acquire_OneLambdaFromManyThreads_LoadsItOnce()
    {
        var loads = 0;
        using var gate = new ManualResetEventSlim();
        var functions = new LoadedFunctions(source =>
        {
            Interlocked.Increment(ref loads);
            gate.Wait(TimeSpan.FromSeconds(10));
            return Fake();
        });

        var leases = Enumerable.Range(0, 8).Select(_ => Task.Run(() => functions.Acquire(Source("x => x")))).ToArray();
        gate.Set();
        var acquired = await Task.WhenAll(leases);

        Assert.Equal(1, loads);
        Assert.All(acquired, lease => Assert.Same(acquired[0].Function, lease.Function));
    }

    [Fact]
    public void Acquire_ALambdaThatFailsToLoad_FailsAgainWithoutLoadingAgain()
    {
        var loads = 0;
        var functions = new LoadedFunctions(_ =>
        {
            Interlocked.Increment(ref loads);
            throw new UsageException("FUNCTION:1:6: CS0103: nope");
        });

        Assert.Throws<UsageException>(() => functions.Acquire(Source("x => nope")));
        Assert.Throws<UsageException>(() => functions.Acquire(Source("x => nope")));

        Assert.Equal(1, loads);
    }

    [Theory]
    [InlineData(null, LoadedFunctions.DefaultCapacity)]
    [InlineData("", LoadedFunctions.DefaultCapacity)]
    [InlineData("3", 3)]
    public void CapacityFrom_TheVariable_GivesTheCapacity(string? value, int expected)
    {
        Assert.Equal(expected, LoadedFunctions.CapacityFrom(_ => value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public void CapacityFrom_ABadValue_ThrowsNamingTheVariable(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadedFunctions.CapacityFrom(_ => value));

        Assert.Contains($"ACTORMAP_LOADED_LAMBDAS must be a positive integer, got '{value}'", error.Message, StringComparison.Ordinal);
    }

    // Not inlined, and nothing it touched is returned but a weak reference: no local of the spec keeps the context.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RunThenEvictAsync(LoadedFunctions functions)
    {
        WeakReference context;
        using (var lease = functions.Acquire(Source("x => x * 50")))
        {
            context = new WeakReference(lease.Function.Context);
            await using var pool = MapPool.Create(new MapOptions { Workers = 2, ChunkSize = 100 });
            var outcome = await lease.Function.Function.RunAsync(pool, new RangeMapInput(new LongRange(0, 1000)), ReduceChoice.Parse("sum"),
                new MapOptions { Workers = 2, ChunkSize = 100 }, CancellationToken.None);
            Assert.Equal(50L * 999 * 1000 / 2, outcome.Value);
        }
        functions.Acquire(Source("x => x * 51")).Dispose();
        return context;
    }

    private static LoadedFunction Loaded(LoadedFunctions functions, string lambda)
    {
        using var lease = functions.Acquire(Source(lambda));
        return lease.Function;
    }

    private static LoadedFunction Fake() =>
        new(TypedFunction.Create(0L, static x => x), LambdaOrigin.Compiled, TimeSpan.Zero, "");

    private static LambdaSource Source(string lambda) => new(lambda, ElementKind.Long, null);
}
