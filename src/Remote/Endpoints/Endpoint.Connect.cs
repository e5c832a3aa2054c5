using ActorMap.Remote.Transport;

namespace ActorMap.Remote.Endpoints;

internal sealed partial class Endpoint
{
    // Recovery retries a lost peer at least this often, whatever the back-off has grown to.
    private static readonly TimeSpan s_maximumBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Dials the peer with doubling back-off. On demand it gives up after the configured attempts
    /// and dead-letters the outbox; recovering a lost connection it keeps trying until the grace
    /// runs out, and then the peer's address counts as terminated.
    /// </summary>
    private async Task ConnectAsync(long generation, bool recovering)
    {
        var settings = _transport.Settings;
        var deadline = recovering ? _transport.Now + (long)settings.AddressTerminatedGrace.TotalMilliseconds : long.MaxValue;
        var delay = settings.ConnectBackoff;
        string? failure = null;
        for (var attempt = 1; ; attempt++)
        {
            if (Superseded(generation))
            {
                return;
            }
            try
            {
                Attach(await _transport.DialAsync(Remote));
                return;
            }
            catch (HandshakeException e) when (e.IsDuplicate)
            {
                // The peer keeps the connection it is dialling to us; retry only if that never comes.
                failure = e.Message;
            }
            catch (HandshakeException e)
            {
                // Logged by the dial; a refusal will not change by asking again.
                failure = e.Message;
                break;
            }
            catch (Exception e)
            {
                failure = e.Message;
            }
            if (_transport.IsShuttingDown
                || (!recovering && attempt >= settings.ConnectAttempts)
                || (recovering && _transport.Now + (long)delay.TotalMilliseconds >= deadline))
            {
                break;
            }
            await Task.Delay(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maximumBackoff.Ticks));
        }
        lock (_lock)
        {
            if (_generation != generation || _active is not null)
            {
                return;
            }
            _connecting = false;
            _admitting = false;
            _gatedUntil = _transport.Now + (long)settings.RetryGate.TotalMilliseconds;
        }
        if (recovering)
        {
            _transport.Log.Warning(
                $"The connection to {Remote} was lost and not re-established within {settings.AddressTerminatedGrace}: {failure}");
            _transport.AddressTerminated(Remote);
        }
        else
        {
            _transport.Log.Warning($"Cannot reach {Remote}; queued messages go to dead letters: {failure}");
            Drain();
        }
    }

    /// <summary>
    /// Decides, before the acceptor says Accepted, whether an inbound connection may become the
    /// connection to this peer. When both nodes dial at once, both keep the one dialled by the
    /// lower address; refusing the other before any message flows on it keeps every message on one
    /// ordered stream. A peer with a new uid restarted: its old connection is stale, so it is admitted.
    /// </summary>
    public bool TryAdmitInbound(ulong peerUid)
    {
        lock (_lock)
        {
            var weWin = CompareAddresses(_transport.LocalAddress, Remote) < 0;
            var ourDialUp = _active is { Dialled: true } active && active.Peer.Uid == peerUid;
            if (weWin && (ourDialUp || (_connecting && !_admitting)))
            {
                return false;
            }
            // Hold off dials of our own until the admitted connection attaches (or fails).
            _connecting = true;
            _admitting = true;
            _generation++;
            return true;
        }
    }

    /// <summary>An admitted inbound connection failed before it attached.</summary>
    public void ReleaseInbound()
    {
        bool connect;
        long generation;
        lock (_lock)
        {
            if (!_admitting)
            {
                return;
            }
            _admitting = false;
            connect = _active is null && _outbox.Reader.Count > 0;
            _connecting = connect;
            generation = ++_generation;
        }
        if (connect)
        {
            _ = ConnectAsync(generation, recovering: false);
        }
    }

    private bool Superseded(long generation) =>
        Volatile.Read(ref _active) is not null || Volatile.Read(ref _generation) != generation || _transport.IsShuttingDown;

    private void Drain()
    {
        while (_outbox.Reader.TryRead(out var item))
        {
            _transport.DeadLetter(item);
        }
    }
}
