using ActorMap.Compute;
using ActorMap.Hosting.Client;
using HarmonicApp;

if (!AppArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine("HarmonicApp: " + error);
    Console.Error.WriteLine(AppArguments.Usage);
    return 2;
}
if (arguments.Help)
{
    Console.WriteLine(AppArguments.Usage);
    return 0;
}

try
{
    // The only line that knows where the jobs run; everything after it is the same code for both.
    await using IMapPool pool = arguments.Seed is null ? MapPool.Create() : await ClusterMapPool.ConnectAsync(arguments.Seed);
    await HarmonicJobs.RunAsync(pool, arguments.Count, Console.Out);
    return 0;
}
catch (MapJobException e)
{
    // The message names the element, its exception and the node; the worker's stack trace is
    // in e.WorkerStackTrace for whoever needs it, not on a user's terminal.
    Console.Error.WriteLine("HarmonicApp: the job failed: " + e.Message);
    return 1;
}
catch (ArgumentException e)
{
    // A job the pool refused before it ran (a capture that cannot travel, unreadable credentials).
    Console.Error.WriteLine("HarmonicApp: the job was refused: " + e.Message);
    return 1;
}
