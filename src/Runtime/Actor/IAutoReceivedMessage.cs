namespace ActorMap.Runtime.Actor;

/// <summary>Marks user messages the cell handles itself before (or instead of) the actor's Receive.</summary>
internal interface IAutoReceivedMessage;
