using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar adhoc list CASE</c> prints what may be started now in the case's open ad-hoc sub-processes, one line per
/// activity; <c>jcstar adhoc start CASE ACTIVITY [--in ADHOC-ID]</c> starts one. With <c>--as USER</c> the command acts
/// as that user of the register, so the case access policy decides as it does for the API (a case they may not see
/// does not exist); without it, as the operator at the database (an administrator, "jcstar-cli" in the history).
/// Refusals exit 1, bad usage 2.
/// </summary>
internal static class AdHocCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var asUser = new Option<string?>("--as") { Description = "act as this user (their roles and organization decide what they may see and choose)" };

        var listCase = new Argument<string>("case") { Description = "the case's instance id" };
        var list = database.AddTo(new Command("list", "what may be started now in the case's open ad-hoc sub-processes") { listCase, asUser });
        Set(list, database, asUser, async (parse, adHoc, actor, output, ct) =>
        {
            var caseId = parse.GetValue(listCase) ?? "";
            var choices = await adHoc.AdHocChoicesAsync(caseId, actor, ct);
            output.WriteLine("adhoc\tsubprocess\tactivity\tname");
            foreach (var choice in choices)
            {
                if (choice.Activities.IsEmpty)
                    output.WriteLine($"{choice.AdHocId}\t{choice.ElementId}\t-\t(nothing to choose while an activity runs)");
                foreach (var activity in choice.Activities)
                    output.WriteLine($"{choice.AdHocId}\t{choice.ElementId}\t{activity}\t{choice.ActivityNames.GetValueOrDefault(activity) ?? "-"}");
            }
            if (choices.Count == 0)
                output.WriteLine($"case {caseId} has no open ad-hoc sub-process");
            return RegisterCommandAction.Done;
        });

        var startCase = new Argument<string>("case") { Description = "the case's instance id" };
        var activityArgument = new Argument<string>("activity") { Description = "the element id of the activity to start (adhoc list shows them)" };
        var inAdHoc = new Option<string?>("--in") { Description = "the ad-hoc sub-process instance (first column of adhoc list), when several offer the activity" };
        var start = database.AddTo(new Command("start", "start an activity in the case's open ad-hoc sub-process") { startCase, activityArgument, inAdHoc, asUser });
        Set(start, database, asUser, async (parse, adHoc, actor, output, ct) =>
        {
            var caseId = parse.GetValue(startCase) ?? "";
            var activity = parse.GetValue(activityArgument) ?? "";
            var instance = await adHoc.ActivateAdHocActivityAsync(caseId, activity, actor, parse.GetValue(inAdHoc), ct);
            output.WriteLine($"started {activity} in case {instance.Id} ({instance.Status.ToString().ToLowerInvariant()})");
            return RegisterCommandAction.Done;
        });

        return new Command("adhoc", "choose activities in a case's ad-hoc sub-processes") { list, start };
    }

    private static void Set(Command command, DatabaseSelection database, Option<string?> asUser,
        Func<ParseResult, AdHocActivities, WorkflowActor, TextWriter, CancellationToken, Task<int>> body) =>
        RuntimeCommandAction.Set(command, $"jcstar adhoc {command.Name}", database, asUser,
            (parse, services, actor, output, ct) => body(parse, services.GetRequiredService<AdHocActivities>(), actor, output, ct));
}
