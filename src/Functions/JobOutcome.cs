namespace ActorMap.Functions;

/// <summary>What a job produced, boxed once for the JSON writer: a TOut[] or one reduced TOut.</summary>
internal sealed record JobOutcome(object? Value, Type ValueType);
