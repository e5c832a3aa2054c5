using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Duplicate keys and object merging".</summary>
public class DuplicateKeysSpec
{
    // "duplicate keys that appear later override those that appear earlier, unless both values are objects."
    [Fact]
    public void Later_non_object_value_overrides_earlier()
    {
        Assert.Equal("""{"a":2}""", HoconText.Json("a = 1, a = 2"));
    }

    // "If both values are objects, then the objects are merged."
    [Fact]
    public void Two_objects_for_one_key_merge()
    {
        Assert.Equal(HoconText.Json("""{ "foo" : { "a" : 42, "b" : 43 } }"""), HoconText.Json("""{ "foo" : { "a" : 42 }, "foo" : { "b" : 43 } }"""));
    }

    // "for object-valued fields present in both objects, the object values should be recursively merged"
    [Fact]
    public void Objects_merge_recursively()
    {
        var config = HoconText.Parse("a { b { x = 1, y = 1 } }\na { b { y = 2, z = 3 } }");

        Assert.Equal("""{"a":{"b":{"x":1,"y":2,"z":3}}}""", config.ToJson(indented: false));
    }

    // "The intermediate setting of "foo" to null prevents the object merge."
    [Fact]
    public void Intermediate_null_prevents_the_merge()
    {
        Assert.Equal("""{"foo":{"b":43}}""", HoconText.Json("""{ "foo" : { "a" : 42 }, "foo" : null, "foo" : { "b" : 43 } }"""));
    }
}
