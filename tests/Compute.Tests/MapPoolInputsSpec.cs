namespace ActorMap.Compute.Tests;

/// <summary>The shapes both pools share (IMapPool): sequences as inputs, and folds into another type.</summary>
public sealed class MapPoolInputsSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly IMapPool _pool;

    public MapPoolInputsSpec() => _pool = MapPool.Create(Sys, new MapOptions { Workers = 3 });

    [Fact]
    public async Task A_lazy_sequence_must_be_mapped_in_order()
    {
        var results = await _pool.MapAsync(Enumerable.Range(0, 1_000).Where(i => i % 3 == 0), i => i * 2, new MapOptions { ChunkSize = 17 });

        Assert.Equal(Enumerable.Range(0, 1_000).Where(i => i % 3 == 0).Select(i => i * 2), results);
    }

    [Fact]
    public async Task An_async_sequence_must_be_read_whole_then_folded_in_order()
    {
        var folded = await _pool.MapReduceAsync(Numbers(200), i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), "", (acc, s) => acc + s + ",", new MapOptions { ChunkSize = 9 });

        Assert.Equal(string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},")), folded);
    }

    [Fact]
    public async Task A_fold_must_carry_an_accumulator_of_another_type_from_its_seed()
    {
        var counts = await _pool.MapReduceAsync(new LongRange(0, 1_000), x => x % 4, new Dictionary<long, int>(), (acc, r) =>
        {
            acc[r] = acc.GetValueOrDefault(r) + 1;
            return acc;
        }, new MapOptions { ChunkSize = 33 });

        Assert.Equal(new Dictionary<long, int> { [0] = 250, [1] = 250, [2] = 250, [3] = 250 }, counts);
        Assert.Empty(await _pool.MapReduceAsync(Array.Empty<long>(), x => x, new List<long>(), (acc, r) => [.. acc, r]));
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
