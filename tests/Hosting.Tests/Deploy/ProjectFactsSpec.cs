namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>The facts the deployment checks compare against are read from the project, not made up.</summary>
public sealed class ProjectFactsSpec
{
    private static ProjectFacts Facts => ProjectFacts.Instance;

    [Fact]
    public void Every_variable_listed_as_read_in_code_is_read_in_the_file_named_for_it() =>
        NoProblems.In(ProjectFacts.CodeVariablesMissingFromTheirFile());

    [Fact]
    public void Override_lines_count_but_comments_that_mention_a_variable_do_not()
    {
        var hocon = "# each value has a `${?ACTORMAP_...}` line, e.g. ${?ACTORMAP_IN_COMMENT}\nport = 4053\nport = ${?ACTORMAP_PORT}   # e.g. 0\n";

        Assert.Equal(["ACTORMAP_PORT"], ProjectFacts.VariablesIn(hocon));
    }

    [Fact]
    public void The_variables_come_from_cluster_hocon_the_reference_confs_and_the_code()
    {
        Assert.Contains("ACTORMAP_PUBLIC_HOSTNAME", Facts.Variables);  // cluster.hocon
        Assert.Contains("ACTORMAP_REJOIN", Facts.Variables);           // cluster.hocon and src/Hosting/reference.conf
        Assert.Contains("ACTORMAP_CACHE_DIR", Facts.Variables);        // code
        Assert.DoesNotContain("ACTORMAP_IN_COMMENT", Facts.Variables);
    }

    [Fact]
    public void Ports_and_the_leave_come_from_cluster_hocon_and_reference_conf()
    {
        Assert.Equal(4053, Facts.ClusterPort);
        Assert.Equal(4080, Facts.ApiPort);
        Assert.True(Facts.AbandonUserCodeAfter > TimeSpan.Zero);
    }

    [Fact]
    public void The_programs_are_the_Dockerfile_publish_folders_and_the_projects_assembly_names()
    {
        Assert.Equal("seed/actormap-seed.dll", Facts.SeedDll);
        Assert.Equal("worker/actormap-worker.dll", Facts.WorkerDll);
        Assert.Equal("client/actormap.dll", Facts.ClientDll);
    }
}
