using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>The portal's two mailed links (sign-up confirmation, colleague invitation), rendered with strict variables from their examples.</summary>
public sealed class PortalMailTemplateTests
{
    private static MailTemplateLibrary Library() =>
        new(new MailOptions { TemplateFolder = RepositoryPaths.InRepo("templates", "mail"), StrictTemplateVariables = true }, TestMail.Clock());

    [Theory]
    [InlineData("signup-confirmation")]
    [InlineData("colleague-invitation")]
    public void A_portal_mail_carries_its_link_the_user_name_and_the_office_and_leaves_no_placeholder(string name)
    {
        var example = MailTemplateTests.ReadExample(name);

        var mail = Library().Render(name, example);

        Assert.StartsWith("【JC-STAR】", mail.Subject);
        Assert.Contains(example["link"].GetString()!, mail.TextBody);
        Assert.Contains(example["userName"].GetString()!, mail.TextBody);
        Assert.Contains(example["office"].GetProperty("email").GetString()!, mail.TextBody);
        Assert.Equal(example["name"].GetString() + " 様", mail.TextBody.Split('\n')[0]);
        Assert.DoesNotContain("{{", mail.Subject + mail.TextBody);
        Assert.DoesNotContain("\n\n\n", mail.TextBody);
    }

    [Fact]
    public void The_sign_up_confirmation_says_the_office_approves_only_when_it_must()
    {
        var example = MailTemplateTests.ReadExample("signup-confirmation");
        Assert.Contains("承認", Library().Render("signup-confirmation", example).TextBody);

        example["approvalRequired"] = System.Text.Json.JsonSerializer.SerializeToElement(false);
        Assert.DoesNotContain("承認", Library().Render("signup-confirmation", example).TextBody);
    }
}
