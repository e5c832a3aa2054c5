using ActorMap.Compute.Jobs;
using ActorMap.Functions;
using ActorMap.Functions.Input;
using ActorMap.Functions.Shipping;
using ActorMap.Hosting.Shipping;
using ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// A job's function on the Seed, held for the job's run: a lambda compiled (or from cache), or a
/// shipped method loaded from the Seed's store into its load context. <see cref="Source"/> is
/// what travels to the other nodes with each chunk.
/// </summary>
internal sealed class SeedFunction(TypedFunction function, ReduceChoice reduce, FunctionSource source, string text, IDisposable lease) : IDisposable
{
    public TypedFunction Function { get; } = function;

    public ReduceChoice Reduce { get; } = reduce;

    public FunctionSource Source { get; } = source;

    /// <summary>The function as the job's report and dashboard name it.</summary>
    public string Text { get; } = text;

    /// <summary>Throws <see cref="UsageException"/> for what the client got wrong (a lambda that does not compile, a set not uploaded).</summary>
    public static SeedFunction Load(SubmitJob submit, MapInput input, ShippedFunctions shipped)
    {
        var reduceText = string.IsNullOrEmpty(submit.Reduce) ? null : submit.Reduce;
        if (submit.FunctionPackage.IsEmpty)
        {
            var reduce = ReduceChoice.Parse(reduceText);
            var lambda = new LambdaSource(submit.FunctionSource, input.Kind, reduce.LambdaSource);
            // Repeated jobs reuse the loaded function (no disk read, no assembly load); the lease keeps
            // it loaded until this job ends, after which an evicted lambda is unloaded.
            var lease = NodeFunctions.Loaded.Acquire(lambda);
            return new SeedFunction(lease.Function.Function, reduce, new FunctionSource(submit.FunctionSource, input.Kind.CSharpName()), submit.FunctionSource, lease);
        }
        return LoadShipped(submit, input, shipped, reduceText);
    }

    private static SeedFunction LoadShipped(SubmitJob submit, MapInput input, ShippedFunctions shipped, string? reduceText)
    {
        var bytes = submit.FunctionPackage.ToByteArray();
        FunctionPackage package;
        try
        {
            package = FunctionPackage.FromBytes(bytes);
        }
        catch (ShippedAssemblyException e)
        {
            throw new UsageException(e.Message);
        }
        var reduce = package.Reducer is not null
            ? reduceText is null ? ReduceChoice.Fold : throw new UsageException($"the job ships a reducer and also names reduce '{reduceText}': give one")
            : ReduceChoice.Parse(reduceText);
        if (reduce.Kind == ReduceKind.Lambda)
        {
            throw new UsageException("a reduce lambda cannot see a shipped function's types: ship the reducer as a method, or name sum, min, max or count");
        }
        var missing = shipped.Store.Missing(package.ContentHashes());
        if (missing.Count > 0)
        {
            throw new UsageException($"the Seed's store lacks {missing.Count} of the function's files ({string.Join(", ", missing.Take(3))}…): upload them first with UploadAssemblies");
        }
        LoadedShippedFunction loaded;
        try
        {
            loaded = ShippedFunctionLoader.Load(package, shipped.Contexts);
        }
        catch (ShippedAssemblyException e)
        {
            throw new UsageException(e.Message);
        }
        var expected = input.Kind.ClrType();
        if (loaded.Typed.InputType != expected)
        {
            loaded.Dispose();
            throw new UsageException($"the function takes {loaded.Typed.InputType}, but the job's input is of {expected}");
        }
        // The nodes fetch the package from the Seed's store, as they fetch its files: chunks carry its hash only.
        var hash = ContentHash.Of(bytes);
        var pin = shipped.Store.Pin([hash]);
        shipped.Store.Put(hash, bytes, "the job's function package");
        var text = $"{package.Method.DeclaringType.Split(',')[0]}.{package.Method.Name}";
        return new SeedFunction(loaded.Typed, reduce, new FunctionSource(text, input.Kind.CSharpName()) { PackageHash = hash }, text, new Leases(loaded, pin));
    }

    public void Dispose() => lease.Dispose();

    private sealed class Leases(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            second.Dispose();
            first.Dispose();
        }
    }
}
