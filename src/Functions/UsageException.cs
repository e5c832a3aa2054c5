namespace ActorMap.Functions;

/// <summary>
/// Bad usage or bad input, found before or instead of running a job: the message (what and
/// where) is printed alone and the console exits with its usage code (2).
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
