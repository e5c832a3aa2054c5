// One cluster at a time: each spec starts up to five .NET processes, and on a 2-core machine two
// clusters side by side would make failure detectors and deadlines race each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
