using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// An immutable, hierarchical actor address such as <c>actormap://sys/user/job-7/router/worker-3</c>.
/// Paths compare by address and elements; the string form round-trips through <see cref="TryParse"/>.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private string? _text;

    private ActorPath(Address address)
    {
        Address = address;
        Name = "";
        Depth = 0;
    }

    private ActorPath(ActorPath parent, string name)
    {
        Address = parent.Address;
        Parent = parent;
        Name = name;
        Depth = parent.Depth + 1;
    }

    public Address Address { get; }

    /// <summary>The parent path; null only for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    public int Depth { get; }

    public ActorPath Root => Parent is null ? this : Parent.Root;

    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                elements[p.Depth - 1] = p.Name;
            }
            return elements;
        }
    }

    public static ActorPath RootOf(Address address) => new(address);

    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    public ActorPath Child(string name)
    {
        ActorPathNames.Validate(name, allowSystemPrefix: true);
        return new ActorPath(this, name);
    }

    /// <summary>The same elements under another address, as when a local ref is exported to the network.</summary>
    public ActorPath WithAddress(Address address)
    {
        var result = RootOf(address);
        foreach (var element in Elements)
        {
            result = new ActorPath(result, element);
        }
        return result;
    }

    /// <summary>The path without its address, e.g. <c>/user/a</c>; the root is <c>/</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }
        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }
        var builder = new StringBuilder(Address.ToString());
        if (Parent is null)
        {
            builder.Append('/');
        }
        else
        {
            AppendElements(builder);
        }
        return _text = builder.ToString();
    }

    private void AppendElements(StringBuilder builder)
    {
        if (Parent is not null)
        {
            Parent.AppendElements(builder);
            builder.Append('/').Append(Name);
        }
    }

    public static ActorPath Parse(string text) =>
        TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not a valid actor path");

    /// <summary>Parses <c>protocol://system[@host:port]/elem/elem</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ActorPath? path)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }
        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var elements = slash < 0 ? "" : rest[(slash + 1)..];
        if (!TryParseAuthority(protocol, authority, out var address))
        {
            return false;
        }
        var result = RootOf(address);
        if (elements.Length > 0)
        {
            foreach (var element in elements.Split('/'))
            {
                if (!ActorPathNames.IsValid(element, allowSystemPrefix: true))
                {
                    return false;
                }
                result = new ActorPath(result, element);
            }
        }
        path = result;
        return true;
    }

    private static bool TryParseAuthority(string protocol, string authority, [NotNullWhen(true)] out Address? address)
    {
        address = null;
        var at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            if (authority.Length == 0)
            {
                return false;
            }
            address = new Address(protocol, authority);
            return true;
        }
        var system = authority[..at];
        var hostPort = authority[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (system.Length == 0 || colon <= 0
            || !int.TryParse(hostPort.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
        {
            return false;
        }
        address = new Address(protocol, system, hostPort[..colon], port);
        return true;
    }

    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || Depth != other.Depth)
        {
            return false;
        }
        ActorPath? a = this, b = other;
        while (a!.Parent is not null)
        {
            if (!string.Equals(a.Name, b!.Name, StringComparison.Ordinal))
            {
                return false;
            }
            a = a.Parent;
            b = b.Parent;
        }
        return a.Address == b!.Address;
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = Address.GetHashCode();
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            hash = HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(p.Name));
        }
        return hash;
    }

    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public static bool operator ==(ActorPath? left, ActorPath? right) => Equals(left, right);

    public static bool operator !=(ActorPath? left, ActorPath? right) => !Equals(left, right);
}
