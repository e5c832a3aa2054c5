using System.Globalization;
using ActorMap.Functions;
using ActorMap.Hocon;
using ActorMap.Hosting.Nodes;

namespace ActorMap.Hosting.Shipping;

/// <summary>A node's store of shipped assemblies and the Seed's upload rules (actormap.shipping).</summary>
public sealed record ShippingSettings(string StoreDirectory, long StoreSizeLimit, TimeSpan UploadPin, long MaxFileSize)
{
    private static int s_ephemeral;

    /// <exception cref="ArgumentException">A size that is not positive (the key is named).</exception>
    internal static ShippingSettings From(HoconConfig config, NodeRole role)
    {
        var directory = config.GetString("actormap.shipping.store.directory", "");
        var name = role == NodeRole.Seed ? "seed" : "worker";
        if (directory.Length == 0)
        {
            var port = config.GetInt("akka.remote.dot-netty.tcp.port", 0);
            var cache = LambdaCache.For(Environment.GetEnvironmentVariable, Path.GetFullPath).Directory;
            // An ephemeral port names no node that comes back: such a node's store is its own, for its life.
            directory = port > 0
                ? Path.Combine(cache, "assemblies", $"{name}-{port.ToString(CultureInfo.InvariantCulture)}")
                : Path.Combine(Path.GetTempPath(), "actormap-store", $"{name}-{Environment.ProcessId}-{Interlocked.Increment(ref s_ephemeral)}");
        }
        return new ShippingSettings(Path.GetFullPath(directory),
            Positive(config.GetByteSize("actormap.shipping.store.size-limit"), "actormap.shipping.store.size-limit"),
            config.GetTimeSpan("actormap.shipping.upload-pin", TimeSpan.FromMinutes(10)),
            Positive(config.GetByteSize("actormap.shipping.max-file-size"), "actormap.shipping.max-file-size"));
    }

    private static long Positive(long value, string key) =>
        value > 0 ? value : throw new ArgumentException($"{key} must be a positive size such as 1GiB, got {value}");
}
