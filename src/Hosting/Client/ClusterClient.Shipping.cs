using ActorMap.Functions.Shipping;
using ActorMap.Messages.Compute;
using Google.Protobuf;
using Grpc.Core;

namespace ActorMap.Hosting.Client;

/// <summary>
/// Uploading a shipped function's files: the Seed is asked which hashes it lacks, and only those
/// are streamed, in parts, each file checked by the Seed against its hash.
/// </summary>
internal sealed partial class ClusterClient
{
    /// <summary>Each file travels in parts of this size, far below gRPC's message limit.</summary>
    public const int UploadPartBytes = 256 * 1024;

    private long _bytesUploaded;

    /// <summary>Bytes of files this client uploaded, every job together: 0 more for a job whose files the Seed has.</summary>
    public long BytesUploaded => Interlocked.Read(ref _bytesUploaded);

    /// <summary>Makes sure the Seed holds every file of <paramref name="packaged"/>; returns the bytes uploaded for it.</summary>
    /// <exception cref="ClusterJobException">The Seed refused an upload (a hash mismatch names the file) or cannot be reached.</exception>
    public async Task<long> ShipAsync(PackagedFunction packaged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packaged);
        var files = packaged.Files();
        try
        {
            var query = new AssemblyQuery();
            query.Hashes.AddRange(files.Keys);
            var missing = (await _jobs.MissingAssembliesAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false)).Missing;
            if (missing.Count == 0)
            {
                return 0;
            }
            if (missing.FirstOrDefault(hash => !files.ContainsKey(hash)) is { } unknown)
            {
                throw new ClusterJobException(new JobFailure { ElementIndex = -1, Message = $"the seed at {Seed} asked for '{unknown}', which is not a file of this function" });
            }
            using var call = _jobs.UploadAssemblies(cancellationToken: cancellationToken);
            try
            {
                foreach (var hash in missing)
                {
                    var file = files[hash];
                    await SendFileAsync(call.RequestStream, hash, file.Name, file.Content.Read(), cancellationToken).ConfigureAwait(false);
                }
                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The Seed ended the call while files were still going up (it refused one): its status below says why.
            }
            var reply = await call.ResponseAsync.ConfigureAwait(false);
            Interlocked.Add(ref _bytesUploaded, reply.Bytes);
            return reply.Bytes;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the upload was cancelled", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw new ClusterJobException(Unreachable(e), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterJobException(Unreachable(new RpcException(new Status(StatusCode.Unavailable, e.Message, e))), e);
        }
    }

    private static async Task SendFileAsync(IClientStreamWriter<AssemblyUpload> stream, string hash, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(UploadPartBytes, bytes.Length - offset);
            var part = new AssemblyUpload { Hash = hash, Data = ByteString.CopyFrom(bytes, offset, length), Last = offset + length >= bytes.Length };
            if (offset == 0)
            {
                part.Name = name;
                part.Length = bytes.LongLength;
            }
            await stream.WriteAsync(part, cancellationToken).ConfigureAwait(false);
            offset += length;
        }
        while (offset < bytes.Length);
    }
}
