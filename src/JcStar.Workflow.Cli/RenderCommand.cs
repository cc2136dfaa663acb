using System.CommandLine;

namespace JcStar.Workflow.Cli;

internal static class RenderCommand
{
    public static Command Create()
    {
        var command = new Command("render", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("jcstar render: not built yet"); return 2; });
        return command;
    }
}
