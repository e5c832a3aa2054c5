// One topology at a time: the script starts a Seed, WorkerNodes and a console in namespaces of its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
