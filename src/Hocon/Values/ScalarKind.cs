namespace ActorMap.Hocon.Values;

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
