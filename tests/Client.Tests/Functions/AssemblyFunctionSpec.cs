using System.Runtime.Loader;
using ActorMap.Client.Functions;
using ActorMap.Client.Tests.Support;
using ActorMap.Functions;

namespace ActorMap.Client.Tests.Functions;

/// <summary>Binding a method of samples/Harmonic: its own load context for it and Fractions, the host's for ActorMap.</summary>
public class AssemblyFunctionSpec
{
    [Fact]
    public void Load_Method_KeepsTheDelegatesForShipping()
    {
        var bound = AssemblyFunction.Load(HarmonicLibrary.DllPath, "Harmonic.dll", "Harmonic.Series.DenominatorDigits", typeof(long),
            ReduceChoice.ParseForAssembly("Longest"));

        var map = Assert.IsType<Func<long, long>>(bound.Map);
        var reduce = Assert.IsType<Func<long, long, long>>(bound.Reduce);
        Assert.Equal(HarmonicLibrary.DenominatorDigits(16), map(16));
        Assert.Equal(7, reduce(3, 7));
        Assert.Equal("function Harmonic.Series.DenominatorDigits from Harmonic.dll, reduce Harmonic.Series.Longest", bound.Description);
    }

    [Fact]
    public void Load_Method_LoadsTheLibraryAndItsDependenciesInAContextOfTheirOwn()
    {
        var bound = AssemblyFunction.Load(HarmonicLibrary.DllPath, "Harmonic.dll", "Harmonic.Series.DenominatorDigits", typeof(long), ReduceChoice.None);
        ((Func<long, long>)bound.Map)(5);

        var context = AssemblyLoadContext.GetLoadContext(bound.Map.Method.DeclaringType!.Assembly);
        Assert.IsType<UserAssemblyContext>(context);
        Assert.Contains(context!.Assemblies, a => a.GetName().Name == "Fractions");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name is "Fractions" or "Harmonic");
    }

    [Fact]
    public void Load_Method_TakesActorMapsAssembliesFromTheHost()
    {
        var bound = AssemblyFunction.Load(typeof(SampleMethods).Assembly.Location, "Client.Tests.dll", typeof(SampleMethods).FullName + ".Score", typeof(long), ReduceChoice.None);

        // The test assembly refers to ActorMap.Functions: a second copy would be loaded into the user's context.
        var context = AssemblyLoadContext.GetLoadContext(bound.Map.Method.DeclaringType!.Assembly)!;
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name!.StartsWith("ActorMap.", StringComparison.Ordinal) || a.GetName().Name == "actormap");
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "ActorMap.Functions");
    }
}
