namespace ActorMap.Runtime.Actor;

internal static class Placeholder { }
