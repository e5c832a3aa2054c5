// One cluster and one browser for the whole project, used by one spec at a time: the specs
// start jobs and kill nodes on it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
