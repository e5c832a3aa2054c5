using ActorMap.Client;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the job and lets the console report it; a second one kills the process.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};
return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancel.Token);
