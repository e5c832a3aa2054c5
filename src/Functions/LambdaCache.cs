namespace ActorMap.Functions;

/// <summary>
/// Compiled lambdas on disk, one assembly per <see cref="LambdaSource.CacheKey"/>. Best effort:
/// an entry that cannot be read or written only costs a compile.
/// </summary>
internal sealed class LambdaCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>ACTORMAP_CACHE_DIR, else $XDG_CACHE_HOME/actormap, else ~/.cache/actormap.</summary>
    public static LambdaCache For(Func<string, string?> getVariable, Func<string, string> fullPath)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(fullPath);
        if (NonEmpty(getVariable("ACTORMAP_CACHE_DIR")) is { } explicitDirectory)
        {
            return new LambdaCache(fullPath(explicitDirectory));
        }
        if (NonEmpty(getVariable("XDG_CACHE_HOME")) is { } xdg)
        {
            return new LambdaCache(Path.Combine(xdg, "actormap"));
        }
        var home = NonEmpty(getVariable("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new LambdaCache(string.IsNullOrEmpty(home)
            ? Path.Combine(Path.GetTempPath(), "actormap-cache")
            : Path.Combine(home, ".cache", "actormap"));
    }

    public string PathOf(string key) => Path.Combine(Directory, key + ".dll");

    public byte[]? TryRead(string key)
    {
        try
        {
            return File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string key, byte[] image)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, image);
            // A rename is atomic: a console starting meanwhile sees the whole entry or none.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: a stray temporary file is harmless.
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
