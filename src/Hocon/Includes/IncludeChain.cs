namespace ActorMap.Hocon.Includes;

/// <summary>The files being parsed, innermost first; a file already on it would include itself.</summary>
internal sealed class IncludeChain(string file, IncludeChain? parent)
{
    public string File { get; } = file;

    public IncludeChain? Parent { get; } = parent;

    public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;

    public bool Contains(string file)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (string.Equals(link.File, file, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public string Describe()
    {
        var files = new List<string>();
        for (var link = this; link is not null; link = link.Parent)
        {
            files.Add(Path.GetFileName(link.File));
        }

        files.Reverse();
        return string.Join(" -> ", files);
    }
}
