using System.Diagnostics;
using Xunit.Sdk;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>AwaitAssert for processes: retries an assertion until it holds or the deadline passes.</summary>
public static class Eventually
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="attempt"/> until it stops failing an assertion; after
    /// <paramref name="timeout"/> the last failure is thrown. Any other exception fails at once.
    /// </summary>
    public static async Task<T> AwaitAssertAsync<T>(Func<Task<T>> attempt, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (XunitException) when (Stopwatch.GetElapsedTime(start) < timeout)
            {
                // Not yet: poll again. The interval only spaces the polls; the deadline decides.
            }
            await Task.Delay(s_interval);
        }
    }
}
