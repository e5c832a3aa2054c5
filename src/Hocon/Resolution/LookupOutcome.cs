namespace ActorMap.Hocon.Resolution;

internal enum LookupOutcome
{
    Found,
    NotFound,

    /// <summary>The path leads back into a value being resolved, and looking backward did not help.</summary>
    Cycle,
}
