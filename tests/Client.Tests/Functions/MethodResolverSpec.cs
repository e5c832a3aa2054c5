using ActorMap.Client.Functions;
using ActorMap.Functions;

namespace ActorMap.Client.Tests.Functions;

/// <summary>Finding --function and a --reduce method by name and shape, in this test assembly's <see cref="SampleMethods"/>.</summary>
public class MethodResolverSpec
{
    private static readonly System.Reflection.Assembly s_assembly = typeof(SampleMethods).Assembly;
    private static readonly string s_type = typeof(SampleMethods).FullName!;

    [Theory]
    [InlineData(typeof(long))]
    [InlineData(typeof(double))]
    [InlineData(typeof(string))]
    public void FindFunction_Overloads_PicksTheOneTakingTheInputsElementType(Type input)
    {
        var method = MethodResolver.FindFunction(s_assembly, s_type + ".Score", input, "Client.Tests.dll");

        Assert.Equal(input, Assert.Single(method.GetParameters()).ParameterType);
    }

    [Fact]
    public void FindFunction_NoOverloadForTheElementType_ListsTheOverloads()
    {
        var error = Assert.Throws<UsageException>(() => MethodResolver.FindFunction(s_assembly, s_type + ".Score", typeof(long[]), "Client.Tests.dll"));

        Assert.Contains("must take one long[] (the input's elements) and return a value: TOut Score(long[])", error.Message, StringComparison.Ordinal);
        Assert.Contains("  long Score(long)", error.Message, StringComparison.Ordinal);
        Assert.Contains("  string Score(string)", error.Message, StringComparison.Ordinal);
        Assert.Contains("  double Score(double)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFunction_VoidMethod_IsAWrongShape()
    {
        var error = Assert.Throws<UsageException>(() => MethodResolver.FindFunction(s_assembly, s_type + ".Nothing", typeof(long), "Client.Tests.dll"));

        Assert.Contains("found:\n  void Nothing(long)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFunction_NameWithoutAType_SaysTheForm()
    {
        var error = Assert.Throws<UsageException>(() => MethodResolver.FindFunction(s_assembly, "Score", typeof(long), "Client.Tests.dll"));

        Assert.Contains("--function must be Namespace.Type.Method", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFunction_NonPublicMethod_SaysItIsNotPublicStatic()
    {
        var error = Assert.Throws<UsageException>(() => MethodResolver.FindFunction(s_assembly, typeof(MethodResolverSpec).FullName + ".Hidden", typeof(long), "Client.Tests.dll"));

        Assert.Contains($"{typeof(MethodResolverSpec).FullName}.Hidden is not public static", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindReducer_ByMethodName_LooksInTheFunctionsType()
    {
        var function = MethodResolver.FindFunction(s_assembly, s_type + ".Score", typeof(long), "Client.Tests.dll");

        var reducer = MethodResolver.FindReducer(function, "Add", "Client.Tests.dll");

        Assert.Equal(nameof(SampleMethods.Add), reducer.Name);
    }

    [Fact]
    public void FindReducer_ForAnotherResultType_NamesTheShapeOfThatType()
    {
        var function = MethodResolver.FindFunction(s_assembly, s_type + ".Score", typeof(string), "Client.Tests.dll");

        var error = Assert.Throws<UsageException>(() => MethodResolver.FindReducer(function, "Add", "Client.Tests.dll"));

        Assert.Contains("must combine two results of Score into one: string Add(string, string)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_MoreThanTenCandidates_ShowsTenAndCountsTheRest()
    {
        var items = Enumerable.Range(0, 13).Select(i => $"m{i}").ToList();

        var text = MethodCandidates.Section("candidates", items);

        Assert.Equal(12, text.Split('\n').Length - 1);
        Assert.EndsWith("\n  m9\n  and 3 more", text, StringComparison.Ordinal);
    }

    // Only its name matters: FindFunction_NonPublicMethod_SaysItIsNotPublicStatic looks for it.
    internal static long Hidden(long x) => x;
}
