using System.CommandLine;
using ActorMap.Client.Configuration;

namespace ActorMap.Client.Commands;

/// <summary>
/// The <c>config</c> verb: the effective configuration (defaults, file, environment), or with
/// --raw the file alone, resolved.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Option<string?>("--file") { Description = "Configuration file (default: ./cluster.hocon if present)", HelpName = "PATH" };
        var raw = new Option<bool>("--raw") { Description = "The file alone, resolved, without the libraries' defaults" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of HOCON" };
        var command = new Command("config", "Print the effective configuration") { file, raw, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var config = parse.GetValue(raw) ? ConfigLoader.Raw(environment, path) : ConfigLoader.Effective(environment, path);
            environment.Stdout.WriteLine(parse.GetValue(json) ? config.ToJson(indented: true) : config.ToHocon());
            return ExitCodes.Success;
        });
        return command;
    }
}
