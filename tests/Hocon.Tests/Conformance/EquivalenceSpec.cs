using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Conformance;

/// <summary>
/// Lightbend's equiv01..equiv05 folders: every .conf and .json file resolves, against its own
/// root only, to the tree of original.json; every .json file also parses the same as HOCON.
/// </summary>
public class EquivalenceSpec
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (ConformanceData.Resources is not { } resources)
        {
            data.Add(ConformanceData.MissingMarker);
            return data;
        }

        foreach (var folder in Directory.GetDirectories(resources, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetRelativePath(resources, file));
                }
            }
        }

        return data;
    }

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        if (ConformanceData.Resources is not { } resources)
        {
            data.Add(ConformanceData.MissingMarker);
            return data;
        }

        foreach (var folder in Directory.GetDirectories(resources, "equiv*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Files))]
    public void File_resolves_to_the_tree_of_original_json(string file)
    {
        var original = Path.Combine(Path.GetDirectoryName(ConformanceData.File(file))!, "original.json");
        var expected = HoconConfig.Load(original, HoconOptions.WithoutEnvironment);

        var actual = HoconConfig.Load(ConformanceData.File(file), HoconOptions.WithoutEnvironment);

        TreeAssert.Equal(expected, actual);
    }

    [ConformanceTheory]
    [MemberData(nameof(Folders))]
    public void Original_json_parsed_as_hocon_equals_its_json_reading(string folder)
    {
        var original = ConformanceData.File(Path.Combine(folder, "original.json"));

        var asHocon = HoconConfig.Parse(File.ReadAllText(original), resolveEnv: false);
        var reparsed = HoconConfig.Parse(asHocon.ToJson(), resolveEnv: false);

        TreeAssert.Equal(asHocon, reparsed);
        Assert.True(asHocon.Root.Count > 0 || folder == "equiv04");
    }
}
