using System.Runtime.CompilerServices;

namespace ActorMap.Functions.Tests.Support;

/// <summary>Garbage collection for unloading specs: bounded in attempts, never in time.</summary>
internal static class Collection
{
    /// <summary>
    /// Collects until <paramref name="weak"/> is dead, at most <paramref name="attempts"/> times.
    /// An unloading context needs a few rounds: its finalizers run, then what they released goes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Collected(WeakReference weak, int attempts = 20)
    {
        for (var i = 0; i < attempts && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return !weak.IsAlive;
    }
}
