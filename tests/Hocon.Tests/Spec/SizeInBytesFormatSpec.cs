using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Size in bytes format".</summary>
public class SizeInBytesFormatSpec
{
    // "bare numbers are taken to be in bytes already" / powers of ten "kB, MB" / powers of two "K, Ki, KiB, M, MiB"
    [Theory]
    [InlineData("512", 512)]
    [InlineData("64 KiB", 65_536)]
    [InlineData("1MB", 1_000_000)]
    [InlineData("10 M", 10_485_760)]
    [InlineData("2k", 2_048)]
    [InlineData("1 kilobyte", 1_000)]
    [InlineData("3 mebibytes", 3_145_728)]
    [InlineData("1G", 1_073_741_824)]
    [InlineData("7 bytes", 7)]
    public void Sizes_read_with_their_units(string value, long bytes)
    {
        Assert.Equal(bytes, HoconText.Parse("s = " + value).GetByteSize("s"));
    }

    [Fact]
    public void Size_beyond_long_range_is_a_type_error()
    {
        Assert.Throws<HoconTypeException>(() => HoconText.Parse("s = 1YB").GetByteSize("s"));
    }
}
