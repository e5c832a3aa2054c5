using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Self-Referential Substitutions" and "Examples of Self-Referential Substitutions".</summary>
public class SelfReferentialSubstitutionsSpec
{
    // "The idea is to allow a new value for a field to be based on the older value: path : "a:b:c", path : ${path}":d""
    [Fact]
    public void New_value_may_build_on_the_older_one()
    {
        Assert.Equal("a:b:c:d", HoconText.Parse("path : \"a:b:c\"\npath : ${path}\":d\"").GetString("path"));
    }

    // "In isolation (with no merges involved), a self-referential field is an error"
    [Fact]
    public void Self_reference_without_an_earlier_value_is_an_error()
    {
        Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("foo : ${foo}"));
    }

    // "foo : { a : 1 } and then: foo : ${foo}. Then ${foo} resolves to { a : 1 }"
    [Fact]
    public void Self_reference_resolves_to_the_overridden_value()
    {
        Assert.Equal("""{"foo":{"a":1}}""", HoconText.Json("foo : { a : 1 }\nfoo : ${foo}"));
    }

    // "the optional substitution syntax ${?foo} does not create a cycle: foo : ${?foo} // this field just disappears silently"
    [Fact]
    public void Optional_self_reference_disappears()
    {
        Assert.Equal("{}", HoconText.Json("foo : ${?foo}"));
    }

    // "foo : ${does-not-exist}, foo : 42 ... ${does-not-exist} is never evaluated and there is no error."
    [Fact]
    public void Hidden_substitution_is_never_evaluated()
    {
        Assert.Equal(42, HoconText.Parse("foo : ${does-not-exist}\nfoo : 42").GetInt("foo"));
        Assert.Equal(42, HoconText.Parse("foo : ${foo}\nfoo : 42").GetInt("foo"));
    }

    // "Here, ${foo.a} would refer to { c : 1 } rather than 2 and so the final merge would be { a : 2, c : 1 }."
    [Fact]
    public void Self_reference_resolves_below_even_inside_a_path_expression()
    {
        var config = HoconText.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    // "a = ${?a}foo ... a should be foo not foofoo"
    [Fact]
    public void Optional_self_reference_in_a_concatenation_is_empty()
    {
        Assert.Equal("foo", HoconText.Parse("a = ${?a}foo").GetString("a"));
    }

    // "The self-referential rules do not apply to: a : { b : ${a} } ... These cases are unbreakable cycles that generate an error."
    [Fact]
    public void Self_reference_inside_an_object_is_a_cycle()
    {
        Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("a : { b : ${a} }"));
    }

    // "bar.baz would be 43 in: bar : { foo : 42, baz : ${bar.foo} } bar : { foo : 43 }"
    [Fact]
    public void Reference_into_an_object_still_looks_forward()
    {
        Assert.Equal(43, HoconText.Parse("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }").GetInt("bar.baz"));
    }
}
