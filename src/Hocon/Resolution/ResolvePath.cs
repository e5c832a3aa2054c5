namespace ActorMap.Hocon.Resolution;

/// <summary>
/// An immutable path built one element at a time while walking the tree, so the resolver
/// knows where a delayed merge sits without allocating arrays per field.
/// </summary>
internal sealed class ResolvePath
{
    public static readonly ResolvePath Root = new(null, string.Empty);

    private ResolvePath(ResolvePath? parent, string element)
    {
        Parent = parent;
        Element = element;
        Length = parent is null ? 0 : parent.Length + 1;
    }

    public ResolvePath? Parent { get; }

    public string Element { get; }

    public int Length { get; }

    public ResolvePath Child(string element) => new(this, element);

    public bool SameAs(ResolvePath other)
    {
        if (Length != other.Length)
        {
            return false;
        }

        for (ResolvePath? a = this, b = other; a is not null && b is not null; a = a.Parent, b = b.Parent)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Element, b.Element, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
