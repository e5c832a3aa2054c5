using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using ActorMap.Messages;
using ActorMap.Remote.Endpoints;
using Google.Protobuf;

namespace ActorMap.Remote.Transport;

/// <summary>
/// One TCP connection to a peer after a successful handshake: one reader loop that parses every
/// complete frame in the buffer before advancing, and one writer loop that drains the endpoint's
/// outbox into batch frames and flushes once per drain. Either loop ending closes both.
/// </summary>
internal sealed class Connection
{
    // Frames written before a flush is forced, so a producer that never lets the outbox run
    // empty still gets its messages onto the wire.
    private const int FramesPerFlush = 64;
    private const int EnvelopesPerBatch = 4096;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly RemoteTransport _transport;
    private readonly CancellationTokenSource _closing = new();
    private int _closed;

    public Connection(Socket socket, RemoteTransport transport, bool dialled)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _transport = transport;
        Dialled = dialled;
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    /// <summary>True when this node opened the connection.</summary>
    public bool Dialled { get; }

    public PeerIdentity Peer { get; set; }

    /// <summary>The peer announced it is shutting down on purpose.</summary>
    public bool PeerSaidGoodbye { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(Endpoint endpoint) => Completion = RunAsync(endpoint);

    /// <summary>Aborts both loops and the socket; safe to call more than once, from any thread.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _closing.Cancel();
        _stream.Dispose();
    }

    private async Task RunAsync(Endpoint endpoint)
    {
        // Off the caller's thread: the caller is the accept loop or a connect attempt.
        await Task.Yield();
        var reader = ReadLoopAsync();
        var writer = WriteLoopAsync(endpoint.Outbox);
        await Task.WhenAny(reader, writer);
        Close();
        await Task.WhenAll(reader, writer).ContinueWith(static _ => { }, TaskScheduler.Default);
        endpoint.OnConnectionClosed(this);
    }

    private async Task ReadLoopAsync()
    {
        var decoder = new BatchDecoder(_transport);
        var maximum = _transport.Settings.MaximumFrameSize;
        try
        {
            while (true)
            {
                var result = await Input.ReadAsync(_closing.Token);
                var buffer = result.Buffer;
                while (FrameCodec.TryReadFrame(ref buffer, maximum, out var bytes))
                {
                    var frame = Frame.Parser.ParseFrom(bytes);
                    switch (frame.BodyCase)
                    {
                        case Frame.BodyOneofCase.Batch:
                            decoder.Dispatch(frame.Batch);
                            break;
                        case Frame.BodyOneofCase.Goodbye:
                            PeerSaidGoodbye = true;
                            break;
                        case Frame.BodyOneofCase.Heartbeat:
                            break;
                        default:
                            throw new InvalidDataException($"unexpected {frame.BodyCase} frame after the handshake");
                    }
                }
                Input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is FrameTooLargeException or InvalidDataException or InvalidProtocolBufferException)
        {
            _transport.Log.Error($"Closing the connection to {Peer.Address}: {e.Message}");
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Closed from our side or reset by the peer: the endpoint decides what that means.
        }
        catch (Exception e)
        {
            _transport.Log.Error(e, $"Closing the connection to {Peer.Address} after an unexpected error");
        }
    }

    private async Task WriteLoopAsync(ChannelReader<Outbound> outbox)
    {
        var encoder = new BatchEncoder(_transport);
        var batchSize = _transport.Settings.BatchSize;
        try
        {
            while (await outbox.WaitToReadAsync(_closing.Token))
            {
                var frames = 0;
                while (frames < FramesPerFlush && outbox.TryRead(out var item))
                {
                    if (item.Goodbye)
                    {
                        if (encoder.Count > 0)
                        {
                            encoder.WriteTo(Output);
                        }
                        BatchEncoder.WriteGoodbye(Output);
                        await Output.FlushAsync(_closing.Token);
                        return;
                    }
                    encoder.Add(item);
                    if (encoder.PayloadBytes >= batchSize || encoder.Count >= EnvelopesPerBatch)
                    {
                        encoder.WriteTo(Output);
                        frames++;
                    }
                }
                if (encoder.Count > 0)
                {
                    encoder.WriteTo(Output);
                }
                var flushed = await Output.FlushAsync(_closing.Token);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // As for the reader: a closed connection is the endpoint's business.
        }
        catch (Exception e)
        {
            _transport.Log.Error(e, $"Closing the connection to {Peer.Address} after an unexpected error");
        }
    }
}
