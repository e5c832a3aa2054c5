using System.Globalization;
using ActorMap.Functions.Shipping;
using ActorMap.Hosting.Api;
using ActorMap.Messages.Compute;
using Grpc.Core;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// Uploads of shipped code: a client asks which of its files the Seed lacks and streams only
/// those. Behind the endpoint's authentication like every call (a client certificate or the
/// token): whoever uploads runs code on every node. Each file is checked against its hash
/// before it is stored; nothing of a refused file is kept.
/// </summary>
internal sealed partial class JobService
{
    public override Task<AssemblyQueryReply> MissingAssemblies(AssemblyQuery request, ServerCallContext context)
    {
        var store = seed.Shipped.Store;
        foreach (var hash in request.Hashes)
        {
            if (!ContentHash.IsValid(hash))
            {
                throw Refused(context, Invalid($"'{Shorten(hash)}' is not a SHA-256 of 64 lower-case hex digits"));
            }
        }
        // Pinned before the answer, so the files the client is told are here stay until its job loads them.
        var pin = store.Pin(request.Hashes);
        _ = Task.Delay(seed.Shipped.Settings.UploadPin, CancellationToken.None).ContinueWith(_ => pin.Dispose(), TaskScheduler.Default);
        var reply = new AssemblyQueryReply();
        reply.Missing.AddRange(store.Missing(request.Hashes));
        return Task.FromResult(reply);
    }

    public override async Task<AssemblyUploadReply> UploadAssemblies(IAsyncStreamReader<AssemblyUpload> requestStream, ServerCallContext context)
    {
        var store = seed.Shipped.Store;
        var limit = seed.Shipped.Settings.MaxFileSize;
        var reply = new AssemblyUploadReply();
        AssemblyUpload? first = null;
        byte[]? file = null;
        long received = 0;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var part = requestStream.Current;
            if (first is null)
            {
                first = part;
                if (!ContentHash.IsValid(part.Hash))
                {
                    throw Refused(context, Invalid($"the upload of '{part.Name}' names '{Shorten(part.Hash)}', not a SHA-256 of 64 lower-case hex digits"));
                }
                if (part.Length < 0 || part.Length > limit)
                {
                    throw Refused(context, Invalid(string.Create(CultureInfo.InvariantCulture,
                        $"the upload of '{part.Name}' is {part.Length} bytes; this Seed takes files of {limit} bytes at most (actormap.shipping.max-file-size)")));
                }
                file = new byte[part.Length];
                received = 0;
            }
            else if (part.Hash != first.Hash)
            {
                throw Refused(context, Invalid($"the upload of '{first.Name}' ended without its last part before '{part.Name}' began"));
            }
            if (received + part.Data.Length > file!.LongLength)
            {
                throw Refused(context, Invalid(string.Create(CultureInfo.InvariantCulture, $"the upload of '{first.Name}' carries more than the {file.LongLength} bytes it announced")));
            }
            part.Data.Span.CopyTo(file.AsSpan((int)received));
            received += part.Data.Length;
            if (!part.Last)
            {
                continue;
            }
            if (received != file.LongLength)
            {
                throw Refused(context, Invalid(string.Create(CultureInfo.InvariantCulture, $"the upload of '{first.Name}' ended after {received} of the {file.LongLength} bytes it announced")));
            }
            try
            {
                store.Put(first.Hash, file, first.Name);
            }
            catch (ShippedAssemblyException e)
            {
                throw Refused(context, Invalid(e.Message));
            }
            reply.Files++;
            reply.Bytes += received;
            first = null;
            file = null;
        }
        if (first is not null)
        {
            throw Refused(context, Invalid($"the upload of '{first.Name}' ended without its last part"));
        }
        return reply;
    }

    private static RpcException Invalid(string detail) => new(new Grpc.Core.Status(StatusCode.InvalidArgument, detail));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
