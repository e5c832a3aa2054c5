// Several clusters in one process at once only slow each other down, on two cores, and their
// nodes would race for the same loopback ports' neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
