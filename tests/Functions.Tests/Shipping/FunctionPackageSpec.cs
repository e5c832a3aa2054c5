using System.Text;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class FunctionPackageSpec
{
    private static readonly DelegatePackager s_packager = new(new FileHashes(), new NativeAssets([]));

    [Fact]
    public void FromBytes_OfToBytes_IsTheSamePackage()
    {
        var package = s_packager.Package(Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 5, new[] { 2, 3 })).Package;

        var back = FunctionPackage.FromBytes(package.ToBytes());

        Assert.Equal(package.ToBytes(), back.ToBytes());
        Assert.Equal(package.SetKey(), back.SetKey());
        Assert.Equal(package.Target!.Json, back.Target!.Json);
    }

    [Fact]
    public void SetKey_SameAssembliesOtherMethod_IsTheSame_OtherVersion_Differs()
    {
        var bump = s_packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump")).Package;
        var fail = s_packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Failing", "Fail")).Package;
        var bumpV2 = s_packager.Package(Fixtures.ScoringV2.Static<Func<long, long>>("Scoring.Score", "Bump")).Package;

        Assert.Equal(bump.SetKey(), fail.SetKey());
        Assert.NotEqual(bump.SetKey(), bumpV2.SetKey());
    }

    [Theory]
    [InlineData("not json", "cannot be read")]
    [InlineData("""{"Format":"actormap-function/9","Assemblies":[],"Method":null,"Target":null,"InputType":"x","ResultType":"y"}""", "format 'actormap-function/9'")]
    [InlineData("""{"Assemblies":[{"Name":"A","Version":"1","Hash":"../../etc/passwd","PdbHash":null,"Natives":[]}],"Method":{"DeclaringType":"T, A","Name":"M","MetadataToken":1,"IsStatic":true,"ParameterTypes":[],"GenericArguments":[]},"Target":null,"InputType":"x","ResultType":"y"}""", "bad hash")]
    public void FromBytes_Malformed_IsRefusedSayingWhy(string text, string problem)
    {
        var error = Assert.Throws<ShippedAssemblyException>(() => FunctionPackage.FromBytes(Encoding.UTF8.GetBytes(text)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_NativeLibraryNameWithADirectory_IsRefused()
    {
        var hash = new string('a', 64);
        var text = $$"""{"Assemblies":[{"Name":"A","Version":"1","Hash":"{{hash}}","PdbHash":null,"Natives":[{"FileName":"../libx.so","Rid":"","Hash":"{{hash}}"}]}],"Method":{"DeclaringType":"T, A","Name":"M","MetadataToken":1,"IsStatic":true,"ParameterTypes":[],"GenericArguments":[]},"Target":null,"InputType":"x","ResultType":"y"}""";

        var error = Assert.Throws<ShippedAssemblyException>(() => FunctionPackage.FromBytes(Encoding.UTF8.GetBytes(text)));

        Assert.Contains("bad native library name", error.Message, StringComparison.Ordinal);
    }
}
