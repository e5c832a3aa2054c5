using System.Runtime.Loader;

namespace ActorMap.Functions;

internal enum LambdaOrigin
{
    /// <summary>Loaded from the on-disk cache; Roslyn was not loaded.</summary>
    Cache,

    Compiled,

    /// <summary>The cache entry could not be loaded (corrupt, stale), so the lambda was compiled again.</summary>
    Recompiled,
}

internal sealed record LoadedFunction(TypedFunction Function, LambdaOrigin Origin, TimeSpan CompileTime, string CachePath)
{
    /// <summary>
    /// The collectible context the lambda's assembly lives in, alone. Nothing unloads it but
    /// <see cref="LoadedFunctions"/>; a function loaded with <see cref="FunctionLoader.Load"/>
    /// and then dropped stays loaded until the process ends.
    /// </summary>
    public AssemblyLoadContext? Context { get; init; }
}
