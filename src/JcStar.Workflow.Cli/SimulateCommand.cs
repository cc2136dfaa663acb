using System.CommandLine;

namespace JcStar.Workflow.Cli;

internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("jcstar simulate: not built yet"); return 2; });
        return command;
    }
}
