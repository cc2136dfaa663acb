using System.Text.RegularExpressions;
using System.Xml.Linq;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// The template names in workflows/*.bpmn are the contract: every mail.send task names a folder under templates/mail,
/// and every folder there is sent by some workflow.
/// </summary>
public sealed partial class WorkflowMailContractTests
{
    private static readonly XNamespace Jc = "urn:jcstar:workflow:bpmn:1.0";

    [Fact]
    public void Every_mail_a_workflow_sends_has_a_template()
    {
        var folder = RepositoryPaths.InRepo("templates", "mail");

        var missing = MailSendTasks()
            .Where(t => !File.Exists(Path.Combine(folder, t.Template, MailTemplateLibrary.SubjectFile))
                || !File.Exists(Path.Combine(folder, t.Template, MailTemplateLibrary.TextBodyFile))
                || !File.Exists(Path.Combine(folder, t.Template, "example.json")))
            .Select(t => $"{t.File}#{t.TaskId} → templates/mail/{t.Template}")
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>
    /// Mail the server sends outside any workflow: the confirmation link of a complaint from the public
    /// (Public:ComplaintConfirmationTemplate), an organization's sign-up confirmation and a colleague's invitation
    /// (Portal:ConfirmationTemplate, Portal:InvitationTemplate).
    /// </summary>
    public static readonly string[] SentByTheServer = ["colleague-invitation", "complaint-confirmation", "signup-confirmation"];

    [Fact]
    public void Every_template_is_sent_by_some_workflow()
    {
        var used = MailSendTasks().Select(t => t.Template).Concat(SentByTheServer).ToHashSet(StringComparer.Ordinal);

        var unused = Directory.EnumerateDirectories(RepositoryPaths.InRepo("templates", "mail"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => !used.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void Every_mail_send_task_names_its_template_as_a_literal()
    {
        var tasks = MailSendTasks();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Matches("^[a-z0-9][a-z0-9_-]*$", t.Template));
    }

    private static List<(string File, string TaskId, string Template)> MailSendTasks()
    {
        var tasks = new List<(string, string, string)>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.InRepo("workflows"), "*.bpmn").Order(StringComparer.Ordinal))
        {
            var document = XDocument.Load(path);
            foreach (var task in document.Descendants().Where(e => (string?)e.Attribute(Jc + "activity") == MailSendActivityHandler.ActivityName))
            {
                var input = task.Descendants(Jc + "input").SingleOrDefault(i => (string?)i.Attribute("name") == "template")?.Value.Trim()
                    ?? throw new Xunit.Sdk.XunitException($"{Path.GetFileName(path)}#{task.Attribute("id")}: mail.send without a template input");
                var literal = Literal().Match(input);
                if (!literal.Success)
                    throw new Xunit.Sdk.XunitException($"{Path.GetFileName(path)}#{task.Attribute("id")}: template '{input}' is not a literal ${{'name'}}");
                tasks.Add((Path.GetFileName(path), (string?)task.Attribute("id") ?? "?", literal.Groups[1].Value));
            }
        }
        return tasks;
    }

    [GeneratedRegex(@"^\$\{\s*'([^']*)'\s*\}$")]
    private static partial Regex Literal();
}
