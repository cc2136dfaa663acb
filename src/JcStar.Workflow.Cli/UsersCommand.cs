using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar users add NAME --role ROLE [--org ORG-ID] [--email EMAIL] [--password-stdin]</c>: with --password-stdin
/// the first line of standard input is the password and the user keeps it; otherwise a one-time password is
/// printed alone on the last line, to be changed at first sign-in. <c>jcstar users list</c>, <c>jcstar users disable NAME</c>.
/// </summary>
internal static class UsersCommand
{
    /// <param name="input">Where --password-stdin reads from (the console's standard input when run as a program).</param>
    public static Command Create(TextReader input)
    {
        var database = new DatabaseSelection();
        var name = new Argument<string>("name") { Description = "the user name tasks, audit and sign-in know them by" };
        var role = new Option<string>("--role") { Description = "applicant, facility, label-issuing-staff, label-issuing-manager, certification-staff, appeal-coordinator, appeal-handler, scheme-manager or admin", Required = true };
        var org = new Option<string?>("--org") { Description = "the organization's id (orgs add printed it): required for applicants and facility members" };
        var email = new Option<string?>("--email");
        var displayName = new Option<string?>("--display-name");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "read the password from standard input; the user is not asked to change it" };

        var add = database.AddTo(new Command("add", "create a user; prints a one-time password unless --password-stdin") { name, role, org, email, displayName, passwordStdin });
        RegisterCommandAction.Set(add, database, async (parse, session, output, ct) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await input.ReadLineAsync(ct))?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password))
                    throw RegisterCommandAction.Field("password", "--password-stdin found no password on the first line of standard input");
            }
            var created = await session.Services.GetRequiredService<AccessAdministration>().CreateUserAsync(
                new NewUser(parse.GetValue(name) ?? "", parse.GetValue(role) ?? "", parse.GetValue(org), parse.GetValue(email), password)
                {
                    DisplayName = parse.GetValue(displayName),
                }, ct);
            var user = created.User;
            output.WriteLine($"created user {user.UserName} ({parse.GetValue(role)}{(user.OrganizationId is null ? "" : $", {user.OrganizationId}")})");
            if (created.OneTimePassword is { } oneTime)
            {
                output.WriteLine("one-time password, shown once, to be changed at first sign-in:");
                output.WriteLine(oneTime);
            }
            return RegisterCommandAction.Done;
        });

        var list = database.AddTo(new Command("list", "list the users: name, roles, organization, email, status"));
        RegisterCommandAction.Set(list, database, async (_, session, output, ct) =>
        {
            output.WriteLine("name\troles\torganization\temail\tstatus");
            foreach (var u in await session.Services.GetRequiredService<AccessAdministration>().ListUsersAsync(ct))
                output.WriteLine($"{u.UserName}\t{string.Join(',', u.Roles.Order(StringComparer.Ordinal))}\t{u.OrganizationId ?? "-"}\t{u.Email ?? "-"}\t{(u.IsDisabled ? "disabled" : "active")}{(u.TwoFactorEnabled ? ",2fa" : "")}");
            return RegisterCommandAction.Done;
        });

        var disableName = new Argument<string>("name") { Description = "the user to disable" };
        var disable = database.AddTo(new Command("disable", "stop a user: no sign-in, sessions end, tokens revoked") { disableName });
        RegisterCommandAction.Set(disable, database, async (parse, session, output, ct) =>
        {
            var userName = parse.GetValue(disableName) ?? "";
            await session.Services.GetRequiredService<AccessAdministration>().DisableUserAsync(userName, ct);
            output.WriteLine($"disabled {userName}: sign-in refused, sessions ended, tokens revoked");
            return RegisterCommandAction.Done;
        });

        return new Command("users", "the people who sign in") { add, list, disable };
    }
}
