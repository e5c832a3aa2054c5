using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Api;

/// <summary>Every failure is a <see cref="HoconException"/> that says where and what.</summary>
public class ErrorsSpec
{
    [Fact]
    public void Parse_error_reports_file_line_column_and_what_was_expected()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse("a {\n  b = [1, 2\n}"));

        Assert.Null(error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("<string>:3:1: expected ']' to close the array opened at line 2 but found '}'", error.Message);
    }

    [Fact]
    public void Parse_error_in_a_file_names_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.conf", "ok = 1\nbad = {");

        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Load(path));

        Assert.Equal(path, error.File);
        Assert.StartsWith(path + ":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_hocon_exception()
    {
        Assert.Throws<HoconException>(() => HoconConfig.Load("/nonexistent/dir/app.conf"));
    }

    [Fact]
    public void Type_mismatch_names_path_value_and_expected_type()
    {
        var error = Assert.Throws<HoconTypeException>(() => HoconText.Parse("a.b = hello").GetInt("a.b"));

        Assert.Equal("a.b", error.Path);
        Assert.Equal("the string \"hello\"", error.Value);
        Assert.Equal("an integer", error.ExpectedType);
        Assert.Equal("value at 'a.b' is the string \"hello\", which is not an integer", error.Message);
    }

    [Fact]
    public void Missing_path_without_default_names_the_path()
    {
        var error = Assert.Throws<HoconMissingPathException>(() => HoconText.Parse("a = 1").GetString("x.y"));

        Assert.Equal("x.y", error.Path);
        Assert.Equal("no value at path 'x.y'", error.Message);
    }

    [Fact]
    public void Invalid_getter_path_is_a_parse_exception()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse("a = 1").GetString("a..b"));
    }

    [Fact]
    public void All_library_exceptions_derive_from_HoconException()
    {
        Assert.True(typeof(HoconException).IsAssignableFrom(typeof(HoconParseException)));
        Assert.True(typeof(HoconException).IsAssignableFrom(typeof(HoconSubstitutionException)));
        Assert.True(typeof(HoconException).IsAssignableFrom(typeof(HoconTypeException)));
        Assert.True(typeof(HoconException).IsAssignableFrom(typeof(HoconMissingPathException)));
    }
}
