using System.Reflection;
using System.Text;
using ActorMap.Api.Tests.Support;
using PublicApiGenerator;

namespace ActorMap.Api.Tests;

/// <summary>
/// Pins the public API of each shipped library (STYLE.md section 4): the generated listing must
/// equal the checked-in approved/&lt;assembly&gt;.api.txt, so a changed line in review is a
/// deliberate API change. Learned from Akka.NET's Akka.API.Tests.
/// </summary>
public class PublicApiSpec
{
    private const string AcceptVariable = "ACTORMAP_ACCEPT_API";

    // Assembly attributes stay in (InternalsVisibleTo is worth seeing change in review). The
    // state-machine attributes name compiler-generated types (<MapOrderedAsync>d__7) whose numbers
    // move when an unrelated private method is added, so they are left out.
    private static readonly ApiGeneratorOptions s_options = new()
    {
        IncludeAssemblyAttributes = true,
        ExcludeAttributes =
        [
            "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
            "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
            "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        ],
    };

    public static TheoryData<string> Libraries => new()
    {
        "ActorMap.Hocon",
        "ActorMap.Messages",
        "ActorMap.Functions",
        "ActorMap.Compute",
        "ActorMap.Hosting",
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_api_must_match_the_approved_file(string library)
    {
        var received = Normalise(ApiGenerator.GeneratePublicApi(Assembly.Load(new AssemblyName(library)), s_options));
        var directory = Path.Combine(RepositoryRoot.Find(), "tests", "Api.Tests", "approved");
        var approvedPath = Path.Combine(directory, library + ".api.txt");
        var receivedPath = Path.Combine(directory, library + ".received.txt");
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(Mismatch(library, approved, received, approvedPath, receivedPath));
    }

    private static string Mismatch(string library, string? approved, string received, string approvedPath, string receivedPath)
    {
        var message = new StringBuilder()
            .AppendLine(approved is null
                ? $"The public API of {library} has no approved file yet ({approvedPath})."
                : $"The public API of {library} changed.")
            .AppendLine($"Received: {receivedPath}")
            .AppendLine($"Compare:  git diff --no-index {approvedPath} {receivedPath}")
            .AppendLine($"If the change is deliberate, accept it with `{AcceptVariable}=1 dotnet test tests/Api.Tests`, then review and commit the diff of approved/.");
        if (approved is not null)
        {
            AppendChangedLines(message, approved, received);
        }
        return message.ToString();
    }

    // A multiset difference of lines: enough to see which members came and went without a diff
    // tool; the received file gives the full picture.
    private static void AppendChangedLines(StringBuilder message, string approved, string received)
    {
        const int MaxLines = 40;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in approved.Split('\n'))
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }
        var added = new List<string>();
        foreach (var line in received.Split('\n'))
        {
            if (counts.GetValueOrDefault(line) > 0)
            {
                counts[line]--;
            }
            else
            {
                added.Add(line);
            }
        }
        var removed = new List<string>();
        foreach (var line in approved.Split('\n'))
        {
            if (counts.GetValueOrDefault(line) > 0)
            {
                counts[line]--;
                removed.Add(line);
            }
        }

        foreach (var line in removed.Take(MaxLines))
        {
            message.AppendLine("- " + line.Trim());
        }
        foreach (var line in added.Take(MaxLines))
        {
            message.AppendLine("+ " + line.Trim());
        }
        if (removed.Count > MaxLines || added.Count > MaxLines)
        {
            message.AppendLine($"... ({removed.Count} lines removed, {added.Count} added in all)");
        }
    }

    private static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";
}
