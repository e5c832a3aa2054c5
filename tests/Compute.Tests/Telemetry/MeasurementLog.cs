using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

/// <summary>Every measurement of the ActorMap meter while it lives, summed by instrument (and by the "outcome" tag for jobs).</summary>
internal sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();

    public MeasurementLog()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ActorMapTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements; for actormap.jobs name the outcome as "actormap.jobs/succeeded".</summary>
    public double this[string name] => _sums.GetValueOrDefault(name);

    /// <summary>How many measurements an instrument took (a histogram's count).</summary>
    public double Count(string name) => _sums.GetValueOrDefault(name + "#");

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var name = instrument.Name;
        foreach (var tag in tags)
        {
            if (tag.Key == "outcome")
            {
                name += "/" + tag.Value;
            }
        }
        _sums.AddOrUpdate(name, value, (_, sum) => sum + value);
        _sums.AddOrUpdate(name + "#", 1, (_, count) => count + 1);
    }

    public void Dispose() => _listener.Dispose();
}
