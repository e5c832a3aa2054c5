using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// Every measurement of the ActorMap meter while it lives, summed by instrument and by its
/// outcome, direction or status tag ("actormap.jobs/succeeded", "actormap.wire.bytes/in").
/// </summary>
internal sealed class Measurements : IDisposable
{
    private static readonly string[] s_keys = ["outcome", "direction", "status"];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();

    public Measurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ActorMap")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public double this[string name] => _sums.GetValueOrDefault(name);

    /// <summary>Reads the observable gauges once, into a fresh sum.</summary>
    public void Observe()
    {
        foreach (var key in _sums.Keys.Where(k => k.StartsWith("actormap.cluster.members", StringComparison.Ordinal)))
        {
            _sums.TryRemove(key, out _);
        }
        _listener.RecordObservableInstruments();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        foreach (var tag in tags)
        {
            if (s_keys.Contains(tag.Key))
            {
                _sums.AddOrUpdate($"{instrument.Name}/{tag.Value}", value, (_, sum) => sum + value);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
