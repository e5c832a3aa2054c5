using ActorMap.Hosting.Nodes;

return await NodeProgram.RunAsync(args, NodeRole.Worker);
