using ActorMap.Functions.Input;
using ActorMap.Compute;

namespace ActorMap.Functions.Input;

/// <summary>The elements of a job: a range of longs, or a typed array read from JSON.</summary>
internal abstract record MapInput(ElementKind Kind)
{
    public abstract long Length { get; }
}

/// <summary>--range A..B: never materialised, the workers count through their sub-ranges.</summary>
internal sealed record RangeMapInput(LongRange Range) : MapInput(ElementKind.Long)
{
    public override long Length => Range.Length;
}

/// <summary>--input: <see cref="Items"/> is a long[], double[], string[] or an array of those, matching <see cref="MapInput.Kind"/>.</summary>
internal sealed record ListMapInput(ElementKind Kind, Array Items) : MapInput(Kind)
{
    public override long Length => Items.LongLength;
}
