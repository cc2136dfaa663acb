using System.CommandLine;

namespace JcStar.Workflow.Cli;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("jcstar validate: not built yet"); return 2; });
        return command;
    }
}
