using System.Runtime.InteropServices;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class NativeAssetsSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void For_AssemblyWhosePackageDependsOnANativeOnlyPackage_FindsTheNativeLibraryInTheBuildOutput()
    {
        var source = _directory.Combine("libsource.so");
        File.WriteAllText(source, "not really a library");
        var deps = WriteApp(_directory, "Zprobe", "libactormapz.so", source);

        var found = new NativeAssets([deps]).For("Zprobe.dll");

        var (fileName, rid, path) = Assert.Single(found);
        Assert.Equal("libactormapz.so", fileName);
        Assert.Equal(PortableRid(), rid);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(deps)!, "runtimes", PortableRid(), "native", "libactormapz.so"), path);
    }

    [Fact]
    public void For_AssemblyTheDepsJsonDoesNotList_FindsNothing()
    {
        var source = _directory.Combine("libsource.so");
        File.WriteAllText(source, "x");
        var deps = WriteApp(_directory, "Zprobe", "libactormapz.so", source);

        Assert.Empty(new NativeAssets([deps]).For("Other.dll"));
    }

    [Fact]
    public void For_NativeLibraryListedButNotOnDisk_IsLeftOut()
    {
        var source = _directory.Combine("libsource.so");
        File.WriteAllText(source, "x");
        var deps = WriteApp(_directory, "Zprobe", "libactormapz.so", source);
        File.Delete(Path.Combine(Path.GetDirectoryName(deps)!, "runtimes", PortableRid(), "native", "libactormapz.so"));

        Assert.Empty(new NativeAssets([deps]).For("Zprobe.dll"));
    }

    /// <summary>
    /// An application folder with a deps.json in which project <paramref name="project"/>
    /// depends on a native-only package holding <paramref name="nativeName"/> for this runtime,
    /// laid out as a build output is (runtimes/RID/native/), the file copied from <paramref name="nativeSource"/>.
    /// </summary>
    internal static string WriteApp(TempDirectory directory, string project, string nativeName, string nativeSource)
    {
        var app = directory.Combine("app");
        var rid = PortableRid();
        var native = Path.Combine(app, "runtimes", rid, "native", nativeName);
        Directory.CreateDirectory(Path.GetDirectoryName(native)!);
        File.Copy(nativeSource, native, overwrite: true);
        var deps = Path.Combine(app, "App.deps.json");
        File.WriteAllText(deps, $$"""
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
              "compilationOptions": {},
              "targets": {
                ".NETCoreApp,Version=v10.0": {
                  "{{project}}/1.0.0": {
                    "dependencies": { "Native.Only": "1.0.0" },
                    "runtime": { "{{project}}.dll": {} }
                  },
                  "Native.Only/1.0.0": {
                    "runtimeTargets": {
                      "runtimes/{{rid}}/native/{{nativeName}}": { "rid": "{{rid}}", "assetType": "native" }
                    }
                  }
                }
              },
              "libraries": {
                "{{project}}/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
                "Native.Only/1.0.0": { "type": "package", "serviceable": true, "sha512": "sha512-none", "path": "native.only/1.0.0" }
              }
            }
            """);
        return deps;
    }

    private static string PortableRid() =>
        $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";

    public void Dispose() => _directory.Dispose();
}
