using JcStar.Workflow.Cli;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>A scenario's "given" preconditions are read strictly and applied through the scheme's own rules.</summary>
public sealed class GivenTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("jcstar-given-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private async Task<(int Exit, string Error, Simulation.SimulationReport? Report)> Simulate(string given)
    {
        var path = Path.Combine(scratch, "scenario.json");
        await File.WriteAllTextAsync(path, $$$"""
            {"start":"2026-10-01T00:00:00Z","given":{{{given}}},
             "variables":{"registrationNumber":"JCS1-25-000001","level":"Star1"}}
            """, TestContext.Current.CancellationToken);
        var error = new StringWriter();
        var run = await SimulateCommand.SimulateAsync(RepositoryPaths.InRepo("workflows", "label-revocation.bpmn"), path, null, null, error, TestContext.Current.CancellationToken);
        return (run.Exit, error.ToString(), run.Report);
    }

    private const string Label = """{"applicationNumber":"JCS-A-2025-00042","level":"Star1","supplierId":"SUP-0001","supplierName":"株式会社さくらネットワークス","productName":"さくらホームルーター SR-100","modelNumbers":["SR-100"],"grantDate":"2025-10-01"}""";

    [Theory]
    [InlineData("""{"labelz":[]}""", "given.labelz: unknown key")]
    [InlineData("""{"labels":[{"applicationNumber":"A","level":"Star1","supplierId":"S","supplierName":"N","productName":"P","modelNumbers":["M"],"grantDate":"2025-10-01","colour":"red"}]}""", "given.labels[0].colour")]
    [InlineData("""{"labels":[{"applicationNumber":"A","level":"Star1"}]}""", "given.labels[0]: missing required keys: 'supplierId'")]
    [InlineData("""{"labels":[{"applicationNumber":"A","level":"Star1","supplierId":"S","supplierName":"N","productName":"P","modelNumbers":["M"],"grantDate":"1 Oct 2025"}]}""", "given.labels[0].grantDate")]
    [InlineData("""{"labels":[{"applicationNumber":"A","level":"Star1","supplierId":"S","supplierName":"N","productName":"P","modelNumbers":[],"grantDate":"2025-10-01"}]}""", "given.labels[0]: the registry refuses it (grant.no-model-numbers)")]
    [InlineData("""{"conflicts":[{"partyId":"F","supplierId":"S","kind":"Friendship","detail":"d","declaredOn":"2026-01-01"}]}""", "given.conflicts[0].kind")]
    [InlineData("[]", "given: expected an object")]
    public async Task A_bad_given_exits_2_naming_the_place(string given, string expected)
    {
        var (exit, error, report) = await Simulate(given);
        Assert.Equal(SimulateCommand.BadUsage, exit);
        Assert.Null(report);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task A_stated_registration_number_must_be_the_one_the_registry_issues()
    {
        var (exit, error, _) = await Simulate($$"""{"labels":[{{Label.Replace("{\"applicationNumber\"", "{\"registrationNumber\":\"JCS1-25-000009\",\"applicationNumber\"")}}]}""");
        Assert.Equal(SimulateCommand.BadUsage, exit);
        Assert.Contains("issued JCS1-25-000001, not JCS1-25-000009", error);
    }

    [Fact]
    public async Task Given_labels_are_in_the_registry_the_output_reports_revoked_ones_included()
    {
        var revoked = Label.Replace("JCS-A-2025-00042", "JCS-A-2025-00043").Replace("}", ""","revokedOn":"2026-03-01","revocationReason":"不正使用"}""");
        var (exit, error, report) = await Simulate($$"""{"labels":[{{Label}},{{revoked}}]}""");
        Assert.True(exit == 0, error);
        Assert.Equal(["JCS1-25-000001", "JCS1-25-000002"], report!.Registry.Select(r => r.RegistrationNumber));
        Assert.Equal(["valid", "revoked"], report.Registry.Select(r => r.Status));
        Assert.Equal(new DateOnly(2027, 9, 30), report.Registry[0].ExpiryDate);
    }
}
