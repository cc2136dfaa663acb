using System.CommandLine;
using System.Data.Common;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Scheme.Impartiality;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Access;

/// <summary>
/// <c>jcstar orgs|users|tokens|conflicts</c> through the real command line on a real database; what they wrote is
/// read back through the user register and the conflict register the server uses.
/// </summary>
public abstract class RegisterCommandsContract : IAsyncLifetime
{
    // A valid 法人番号 (check digit 9 over 234567890123) and a second one for a second organization.
    protected const string AcmeNumber = "9234567890123";
    protected const string OtherNumber = "7000012050002";

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected sealed record Run(int Exit, string[] Lines, string Error)
    {
        public string LastLine => Lines[^1];
    }

    protected async Task<Run> JcstarWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", Provider.ToString(), "--connection", ConnectionString],
            new StringReader(stdin), new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return new Run(exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), error.ToString());
    }

    protected Task<Run> Jcstar(params string[] args) => JcstarWithInput("", args);

    protected async Task<RegisterSession> OpenRegisterAsync() =>
        await RegisterSession.OpenAsync(new ConfigurationBuilder().Build(), new CliDatabase(Provider, ConnectionString, MigrateAtStart: false), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Definitions_export_writes_each_process_latest_published_xml_under_its_file_name()
    {
        Assert.Equal(0, (await Jcstar("db", "migrate")).Exit);
        static string Xml(string name) =>
            $"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\"><process id=\"Approval\" isExecutable=\"true\"><userTask id=\"Review\" name=\"{name}\" /></process></definitions>";
        await using (var register = await OpenRegisterAsync())
        {
            var store = register.Services.GetRequiredService<Runtime.Definitions.IDefinitionStore>();
            for (var version = 1; version <= 2; version++)
                await store.AddAsync(new Runtime.Definitions.DeployedDefinition
                {
                    Id = Runtime.Definitions.DeployedDefinition.IdFor("Approval", version), ProcessId = "Approval", Version = version,
                    ContentHash = new string((char)('0' + version), 64), Xml = Xml($"審査{version}"), SourceName = "workflows/approval.bpmn",
                    PublishedAt = DateTimeOffset.UtcNow.AddMinutes(version), Note = version == 2 ? "二版" : null,
                }, TestContext.Current.CancellationToken);
        }
        var folder = Path.Combine(Path.GetTempPath(), $"jcstar-export-{Guid.NewGuid():N}");
        try
        {
            var run = await Jcstar("definitions", "export", folder);

            Assert.Equal(0, run.Exit);
            Assert.Equal([Path.Combine(folder, "approval.bpmn")], Directory.GetFiles(folder));
            Assert.Equal(Xml("審査2"), await File.ReadAllTextAsync(Path.Combine(folder, "approval.bpmn"), TestContext.Current.CancellationToken));
            Assert.Equal($"{Path.Combine(folder, "approval.bpmn")}\tApproval:2", run.LastLine);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> AddAcmeAsync()
    {
        var run = await Jcstar("orgs", "add", "Acme 株式会社", "--corporate-number", AcmeNumber);
        Assert.Equal(0, run.Exit);
        return run.LastLine;
    }

    [Fact]
    public async Task Orgs_add_prints_the_new_organizations_id_alone_on_the_last_line_and_orgs_list_shows_it()
    {
        var run = await Jcstar("orgs", "add", "Acme 株式会社", "--corporate-number", AcmeNumber, "--address", "東京都千代田区1-1", "--contact-email", "iot@acme.example");

        Assert.Equal(0, run.Exit);
        Assert.Matches("^ORG-[0-9A-F]+$", run.LastLine);
        await using (var register = await OpenRegisterAsync())
        {
            var organization = await register.Services.GetRequiredService<AccessAdministration>().FindOrganizationAsync(run.LastLine, TestContext.Current.CancellationToken);
            Assert.NotNull(organization);
            Assert.Equal(("Acme 株式会社", OrganizationKind.Applicant, AcmeNumber, "東京都千代田区1-1", "iot@acme.example"),
                (organization.Name, organization.Kind, organization.CorporateNumber, organization.Address, organization.ContactEmail));
        }
        var list = await Jcstar("orgs", "list");
        Assert.Equal(0, list.Exit);
        Assert.Contains($"{run.LastLine}\tapplicant\t{AcmeNumber}\t-\tAcme 株式会社", list.Lines);
    }

    [Fact]
    public async Task Orgs_add_with_a_facility_registers_that_evaluation_facilitys_organization()
    {
        var run = await Jcstar("orgs", "add", "Lab One", "--corporate-number", OtherNumber, "--facility", "FAC-1");

        Assert.Equal(0, run.Exit);
        await using var register = await OpenRegisterAsync();
        var organization = await register.Services.GetRequiredService<AccessAdministration>().FindOrganizationAsync(run.LastLine, TestContext.Current.CancellationToken);
        Assert.Equal((OrganizationKind.Facility, "FAC-1"), (organization!.Kind, organization.FacilityId));
    }

    [Fact]
    public async Task A_corporate_number_with_a_wrong_check_digit_is_refused_naming_the_field_with_exit_code_1()
    {
        var run = await Jcstar("orgs", "add", "Acme", "--corporate-number", "1234567890123");

        Assert.Equal(1, run.Exit);
        Assert.Contains("jcstar orgs add: corporateNumber: the corporate number (法人番号) 1234567890123 has a wrong check digit (expected 9)", run.Error);
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("ORG-", StringComparison.Ordinal));
        Assert.Single((await Jcstar("orgs", "list")).Lines); // the header only
    }

    [Fact]
    public async Task A_corporate_number_registered_twice_is_refused()
    {
        await AddAcmeAsync();
        var run = await Jcstar("orgs", "add", "Acme again", "--corporate-number", AcmeNumber);

        Assert.Equal(1, run.Exit);
        Assert.Contains($"corporateNumber: an organization with corporate number {AcmeNumber} is already registered", run.Error);
    }

    [Fact]
    public async Task Orgs_add_without_a_corporate_number_is_bad_usage_with_exit_code_2()
    {
        var run = await Jcstar("orgs", "add", "Acme");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--corporate-number", run.Error);
    }

    [Fact]
    public async Task A_user_created_with_password_stdin_signs_in_with_that_password_and_is_not_asked_to_change_it()
    {
        var org = await AddAcmeAsync();
        var run = await JcstarWithInput("Correct-Horse-9\n", "users", "add", "alice", "--role", "applicant", "--org", org, "--email", "alice@acme.example", "--password-stdin");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain(run.Lines, l => l.Contains("one-time", StringComparison.Ordinal));
        await using var register = await OpenRegisterAsync();
        var users = register.Services.GetRequiredService<UserManager<WorkflowUser>>();
        var alice = await users.FindByNameAsync("alice");
        Assert.NotNull(alice);
        Assert.True(await users.CheckPasswordAsync(alice, "Correct-Horse-9"));
        Assert.False(alice.MustChangePassword);
        Assert.Equal((org, "alice@acme.example"), (alice.OrganizationId, alice.Email));
        Assert.Equal(["applicant"], await users.GetRolesAsync(alice));
    }

    [Fact]
    public async Task A_user_created_without_a_password_gets_a_one_time_password_on_the_last_line_to_change_at_first_sign_in()
    {
        var run = await Jcstar("users", "add", "bob", "--role", "label-issuing-staff");

        Assert.Equal(0, run.Exit);
        await using var register = await OpenRegisterAsync();
        var users = register.Services.GetRequiredService<UserManager<WorkflowUser>>();
        var bob = await users.FindByNameAsync("bob");
        Assert.True(await users.CheckPasswordAsync(bob!, run.LastLine));
        Assert.True(bob!.MustChangePassword);
    }

    [Fact]
    public async Task Password_stdin_with_nothing_on_standard_input_is_refused()
    {
        var run = await JcstarWithInput("", "users", "add", "bob", "--role", "label-issuing-staff", "--password-stdin");

        Assert.Equal(1, run.Exit);
        Assert.Contains("password: ", run.Error);
        Assert.DoesNotContain("bob", string.Join('\n', (await Jcstar("users", "list")).Lines));
    }

    [Fact]
    public async Task A_password_the_policy_rejects_is_refused_naming_the_password()
    {
        var run = await JcstarWithInput("short\n", "users", "add", "bob", "--role", "label-issuing-staff", "--password-stdin");

        Assert.Equal(1, run.Exit);
        Assert.Contains("jcstar users add: password: ", run.Error);
    }

    [Fact]
    public async Task An_unknown_role_the_reserved_name_system_and_an_unknown_organization_are_each_refused_naming_the_field()
    {
        var role = await Jcstar("users", "add", "carol", "--role", "auditor");
        var reserved = await Jcstar("users", "add", "system", "--role", "admin");
        var org = await Jcstar("users", "add", "dave", "--role", "applicant", "--org", "ORG-NOPE");

        Assert.Equal((1, 1, 1), (role.Exit, reserved.Exit, org.Exit));
        Assert.Contains("jcstar users add: role: 'auditor' is not a role; one of applicant, facility,", role.Error);
        Assert.Contains("jcstar users add: userName: 'system' is kept by the system for itself", reserved.Error);
        Assert.Contains("jcstar users add: organizationId: organization ORG-NOPE does not exist", org.Error);
        Assert.Single((await Jcstar("users", "list")).Lines);
    }

    [Fact]
    public async Task Users_add_without_a_role_is_bad_usage_with_exit_code_2()
    {
        var run = await Jcstar("users", "add", "carol");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--role", run.Error);
    }

    [Fact]
    public async Task Users_list_shows_each_users_roles_organization_email_and_status()
    {
        var org = await AddAcmeAsync();
        await JcstarWithInput("Correct-Horse-9\n", "users", "add", "alice", "--role", "applicant", "--org", org, "--email", "alice@acme.example", "--password-stdin");
        await Jcstar("users", "add", "bob", "--role", "label-issuing-manager");
        await Jcstar("users", "disable", "bob");

        var list = await Jcstar("users", "list");

        Assert.Equal(0, list.Exit);
        Assert.Equal(["name\troles\torganization\temail\tstatus", $"alice\tapplicant\t{org}\talice@acme.example\tactive", "bob\tlabel-issuing-manager\t-\t-\tdisabled"], list.Lines);
    }

    [Fact]
    public async Task Tokens_create_prints_the_token_once_alone_on_the_last_line_and_stores_only_its_hash()
    {
        await Jcstar("users", "add", "robot", "--role", "label-issuing-staff");

        var run = await Jcstar("tokens", "create", "robot", "--expires", "P30D", "--name", "nightly export");

        Assert.Equal(0, run.Exit);
        var secret = run.LastLine;
        Assert.StartsWith(AccessAdministration.TokenPrefix, secret);
        Assert.Single(run.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        await using var register = await OpenRegisterAsync();
        var rows = await ReadTableAsync(register.Services.GetRequiredService<AccessDbContext>(), "access_tokens");
        var row = Assert.Single(rows);
        Assert.Equal(AccessAdministration.Hash(secret), row["Hash"]);
        Assert.Equal("nightly export", row["Name"]);
        Assert.DoesNotContain(row.Values, v => v?.ToString()?.Contains(secret[AccessAdministration.TokenPrefix.Length..], StringComparison.Ordinal) == true);
        var token = await register.Services.GetRequiredService<AccessDbContext>().AccessTokens.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromDays(30), token.ExpiresAt - token.CreatedAt);
        Assert.Equal("robot", (await register.Services.GetRequiredService<AccessAdministration>().UserOfTokenAsync(secret, TestContext.Current.CancellationToken))?.UserName);
    }

    [Fact]
    public async Task Tokens_without_expires_live_the_configured_default_lifetime()
    {
        await Jcstar("users", "add", "robot", "--role", "label-issuing-staff");

        Assert.Equal(0, (await Jcstar("tokens", "create", "robot")).Exit);

        await using var register = await OpenRegisterAsync();
        var token = await register.Services.GetRequiredService<AccessDbContext>().AccessTokens.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new AccessOptions().DefaultTokenLifetime, token.ExpiresAt - token.CreatedAt);
    }

    [Fact]
    public async Task Tokens_for_an_unknown_user_or_with_a_duration_that_does_not_parse_are_refused_naming_the_field()
    {
        await Jcstar("users", "add", "robot", "--role", "label-issuing-staff");

        var unknown = await Jcstar("tokens", "create", "nobody");
        var badDuration = await Jcstar("tokens", "create", "robot", "--expires", "90 days");

        Assert.Equal((1, 1), (unknown.Exit, badDuration.Exit));
        Assert.Contains("jcstar tokens create: userName: user nobody does not exist", unknown.Error);
        Assert.Contains("jcstar tokens create: expires: '90 days' is not an ISO 8601 duration such as P90D", badDuration.Error);
        Assert.DoesNotContain(unknown.Lines.Concat(badDuration.Lines), l => l.StartsWith(AccessAdministration.TokenPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_disable_stops_the_users_tokens_and_refuses_new_ones()
    {
        await Jcstar("users", "add", "robot", "--role", "label-issuing-staff");
        var secret = (await Jcstar("tokens", "create", "robot")).LastLine;
        await using (var before = await OpenRegisterAsync())
            Assert.NotNull(await before.Services.GetRequiredService<AccessAdministration>().UserOfTokenAsync(secret, TestContext.Current.CancellationToken));

        var run = await Jcstar("users", "disable", "robot");

        Assert.Equal(0, run.Exit);
        await using (var after = await OpenRegisterAsync())
            Assert.Null(await after.Services.GetRequiredService<AccessAdministration>().UserOfTokenAsync(secret, TestContext.Current.CancellationToken));
        var again = await Jcstar("tokens", "create", "robot");
        Assert.Equal(1, again.Exit);
        Assert.Contains("userName: user robot is disabled", again.Error);
    }

    [Fact]
    public async Task Disabling_a_user_who_does_not_exist_is_refused()
    {
        var run = await Jcstar("users", "disable", "nobody");

        Assert.Equal(1, run.Exit);
        Assert.Contains("jcstar users disable: user nobody does not exist", run.Error);
    }

    [Fact]
    public async Task A_declared_conflict_lands_in_the_schemes_conflict_register_and_conflicts_list_prints_it()
    {
        var org = await AddAcmeAsync();
        await Jcstar("users", "add", "bob", "--role", "label-issuing-staff");

        var run = await Jcstar("conflicts", "declare", "bob", "--org", org, "--detail", "consulted for Acme in 2025", "--kind", "ConsultedApplicant", "--product", "Acme Cam");

        Assert.Equal(0, run.Exit);
        await using (var register = await OpenRegisterAsync())
        {
            var declared = Assert.Single(register.Services.GetRequiredService<IConflictRegister>().DeclaredBy("bob"));
            Assert.Equal((org, "Acme Cam", ConflictKind.ConsultedApplicant, "consulted for Acme in 2025"), (declared.SupplierId, declared.ProductName, declared.Kind, declared.Detail));
        }
        var list = await Jcstar("conflicts", "list", "bob");
        Assert.Equal(0, list.Exit);
        Assert.Contains(list.Lines, l => l.StartsWith($"bob\t{org}\tConsultedApplicant\tAcme Cam\t", StringComparison.Ordinal) && l.EndsWith("\tconsulted for Acme in 2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_facility_declares_a_conflict_by_its_facility_id_and_the_kind_defaults_to_other()
    {
        var org = await AddAcmeAsync();
        await Jcstar("orgs", "add", "Lab One", "--corporate-number", OtherNumber, "--facility", "FAC-1");

        var run = await Jcstar("conflicts", "declare", "FAC-1", "--org", org, "--detail", "shares an owner with Acme");

        Assert.Equal(0, run.Exit);
        await using var register = await OpenRegisterAsync();
        Assert.Equal(ConflictKind.Other, Assert.Single(register.Services.GetRequiredService<IConflictRegister>().DeclaredBy("FAC-1")).Kind);
    }

    [Fact]
    public async Task A_conflict_of_an_unknown_party_or_with_an_unknown_organization_is_refused_naming_each_field()
    {
        var run = await Jcstar("conflicts", "declare", "nobody", "--org", "ORG-NOPE", "--detail", "x");
        var badKind = await Jcstar("conflicts", "declare", "nobody", "--org", "ORG-NOPE", "--detail", "x", "--kind", "Friendship");

        Assert.Equal((1, 2), (run.Exit, badKind.Exit));
        Assert.Contains("jcstar conflicts declare: party: 'nobody' is neither a user nor an evaluation facility", run.Error);
        Assert.Contains("jcstar conflicts declare: organizationId: organization ORG-NOPE does not exist", run.Error);
        Assert.Contains("Friendship", badKind.Error);
        await using var register = await OpenRegisterAsync();
        Assert.Empty(register.Services.GetRequiredService<IConflictRegister>().DeclaredBy("nobody"));
    }

    private static async Task<List<Dictionary<string, object?>>> ReadTableAsync(DbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using DbDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }
}
