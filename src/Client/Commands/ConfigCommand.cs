using System.CommandLine;
using ActorMap.Client.Configuration;
using ActorMap.Hosting.Nodes;

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
        var akka = new Option<string?>("--akka") { Description = "Print what a node of this role (seed or worker) hands Akka.NET", HelpName = "ROLE" };
        akka.AcceptOnlyFromAmong("seed", "worker");
        var command = new Command("config", "Print the effective configuration") { file, raw, json, akka };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            if (parse.GetValue(akka) is { } role)
            {
                var effective = ConfigLoader.Effective(environment, path);
                NodeSettings settings;
                try
                {
                    settings = NodeSettings.From(effective, role == "seed" ? NodeRole.Seed : NodeRole.Worker);
                }
                catch (ArgumentException e)
                {
                    throw new ActorMap.Functions.UsageException($"configuration: {e.Message}");
                }
                environment.Stdout.WriteLine(settings.AkkaConfig().Root.ToString());
                return ExitCodes.Success;
            }
            var config = parse.GetValue(raw) ? ConfigLoader.Raw(environment, path) : ConfigLoader.Effective(environment, path);
            environment.Stdout.WriteLine(parse.GetValue(json) ? config.ToJson(indented: true) : config.ToHocon());
            return ExitCodes.Success;
        });
        return command;
    }
}
