namespace ActorMap.Client;

/// <summary>
/// Bad usage or bad input, found before or instead of running a job: the message (what and
/// where) is printed alone and the console exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
