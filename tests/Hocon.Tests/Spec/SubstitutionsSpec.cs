using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Substitutions".</summary>
public class SubstitutionsSpec
{
    // "Substitution processing is performed as the last parsing step, so a substitution can look forward in the configuration."
    [Fact]
    public void Substitution_looks_forward()
    {
        Assert.Equal(2, HoconText.Parse("a = ${b}, b = 2").GetInt("a"));
    }

    // "If a key has been specified more than once, the substitution will always evaluate to its latest-assigned value"
    [Fact]
    public void Substitution_sees_the_latest_assignment()
    {
        Assert.Equal("""{"b":{"x":1,"y":2},"a":{"x":1,"y":2}}""", HoconText.Json("b { x = 1 }\na = ${b}\nb { y = 2 }"));
    }

    // "If the substitution is the only part of a value, then the type is preserved."
    [Fact]
    public void Lone_substitution_keeps_the_type()
    {
        Assert.Equal("""{"n":5,"a":5,"l":[1],"b":[1]}""", HoconText.Json("n = 5, a = ${n}, l = [1], b = ${l}"));
    }

    // "An undefined substitution with the ${foo} syntax is invalid and should generate an error."
    [Fact]
    public void Undefined_required_substitution_names_the_path_and_position()
    {
        var error = Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("a = 1\nb = ${missing.path}"));

        Assert.Equal("missing.path", error.Path);
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.StartsWith("<string>:2:5:", error.Message, StringComparison.Ordinal);
    }

    // "if it is the value of an object field then the field should not be created. If the field would have overridden a previously-set value for the same field, then the previous value remains."
    [Fact]
    public void Undefined_optional_substitution_leaves_the_field_out_or_unchanged()
    {
        Assert.Equal("""{"b":1}""", HoconText.Json("a = ${?nope}\nb = 1\nb = ${?nope}"));
    }

    // "if it is an array element then the element should not be added."
    [Fact]
    public void Undefined_optional_array_element_is_left_out()
    {
        Assert.Equal("""{"a":[1,2]}""", HoconText.Json("a = [1, ${?nope}, 2]"));
    }

    // "For substitutions which are not found in the configuration tree, implementations may try to resolve them by looking at system environment variables"
    [Fact]
    public void Missing_path_falls_back_to_the_injected_environment()
    {
        var options = HoconOptions.FromEnvironment(new Dictionary<string, string> { ["HOST_NAME"] = "node-1" });

        Assert.Equal("node-1", HoconConfig.Parse("host = ${HOST_NAME}", options).GetString("host"));
    }

    // "if you have { "HOME" : null } in a root object, then ${HOME} will never look at the environment variable."
    [Fact]
    public void Explicit_null_blocks_the_environment()
    {
        var options = HoconOptions.FromEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/x" });

        Assert.False(HoconConfig.Parse("HOME = null, h = ${HOME}", options).HasPath("h"));
    }

    // Environment fallback can be turned off entirely.
    [Fact]
    public void Disabled_environment_leaves_optional_substitutions_undefined()
    {
        Assert.False(HoconConfig.Parse("p = ${?PATH}", resolveEnv: false).HasPath("p"));
    }

    // "bar : { foo : 42, baz : ${bar.foo} }" must work: "The implementation must only resolve the foo field in bar"
    [Fact]
    public void Object_may_refer_to_paths_within_itself()
    {
        Assert.Equal(42, HoconText.Parse("bar : { foo : 42, baz : ${bar.foo} }").GetInt("bar.baz"));
    }

    // "A multi-step loop like this should also be detected as invalid: a : ${b}, b : ${c}, c : ${a}"
    [Fact]
    public void Cycles_are_errors()
    {
        var error = Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("a : ${b}\nb : ${c}\nc : ${a}"));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    // "Mutually-referring objects should also work, and are not self-referential (so they look forward)"
    [Fact]
    public void Mutually_referring_objects_look_forward()
    {
        var config = HoconText.Parse("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }
}
