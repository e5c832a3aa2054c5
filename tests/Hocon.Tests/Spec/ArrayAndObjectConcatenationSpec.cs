using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Array and object concatenation" and "Arrays without commas or newlines".</summary>
public class ArrayAndObjectConcatenationSpec
{
    // "Arrays can be concatenated with arrays, and objects with objects, but it is an error if they are mixed."
    [Fact]
    public void Mixing_arrays_and_objects_is_an_error()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse("a = [1] { b = 2 }"));
        Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("x = [1], a = ${x} { b = 2 }"));
    }

    // "two objects that are merged via concatenation rules: a : { b : 1 } { c : 2 }"
    [Fact]
    public void Adjacent_objects_merge()
    {
        Assert.Equal(HoconText.Json("a : { b : 1, c : 2 }"), HoconText.Json("a : { b : 1 } { c : 2 }"));
    }

    // "two arrays that are concatenated: a : [ 1, 2 ] [ 3, 4 ]"
    [Fact]
    public void Adjacent_arrays_concatenate()
    {
        Assert.Equal(HoconText.Json("a : [ 1, 2, 3, 4 ]"), HoconText.Json("a : [ 1, 2 ] [ 3, 4 ]"));
    }

    // "data-center-east = ${data-center-generic} { name = "east" }"
    [Fact]
    public void Substitution_and_object_concatenate_as_inheritance()
    {
        var config = HoconText.Parse("data-center-generic = { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = \"east\" }");

        Assert.Equal(6, config.GetInt("data-center-east.cluster-size"));
        Assert.Equal("east", config.GetString("data-center-east.name"));
    }

    // "path = [ /bin ]" then "path = ${path} [ /usr/bin ]"
    [Fact]
    public void Substitution_and_array_concatenate_to_extend_a_path()
    {
        Assert.Equal(["/bin", "/usr/bin"], HoconText.Parse("path = [ /bin ]\npath = ${path} [ /usr/bin ]").GetStringList("path"));
    }

    // "this is an array with one element, the string "1 2 3 4": [ 1 2 3 4 ]"
    [Fact]
    public void Whitespace_separated_elements_form_one_string()
    {
        Assert.Equal(["1 2 3 4"], HoconText.Parse("a = [ 1 2 3 4 ]").GetStringList("a"));
    }

    // "an array of one element, the array [ 1, 2, 3, 4 ]: [ [ 1, 2 ] [ 3, 4 ] ]"
    [Fact]
    public void Arrays_on_one_line_inside_an_array_concatenate()
    {
        Assert.Equal("""{"a":[[1,2,3,4]],"b":[[1,2],[3,4]]}""", HoconText.Json("a = [ [ 1, 2 ] [ 3, 4 ] ]\nb = [ [ 1, 2 ]\n [ 3, 4 ] ]"));
    }

    // "Unquoted whitespace must be ignored in between substitutions which resolve to objects or lists."
    [Fact]
    public void Whitespace_between_object_substitutions_is_ignored()
    {
        Assert.Equal("""{"x":{"a":1},"y":{"b":2},"z":{"a":1,"b":2}}""", HoconText.Json("x = { a = 1 }, y = { b = 2 }, z = ${x} ${y}"));
    }
}
