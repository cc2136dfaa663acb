using System.Net;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>The admin's tokens and facilities pages: every user's tokens and the facility register, for admins only.</summary>
public sealed class AdminPagesTests(AuthorizationMatrixTests.MatrixServer server) : IClassFixture<AuthorizationMatrixTests.MatrixServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_sees_every_users_tokens_with_their_owner_and_nobody_else_sees_the_page()
    {
        await server.World.InitializeAsync();
        var page = await server.World.Clients["admin"].GetAsync("/admin/tokens", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        foreach (var owner in new[] { "sato", "kondo", "alice", "bob", "fumi" })
            Assert.Contains($"<td>{owner}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAdministrationTokenPrefix, html, StringComparison.Ordinal);

        foreach (var role in new[] { "staff", "applicantA", "facility" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await server.World.Clients[role].GetAsync("/admin/tokens", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await server.World.Clients[role].GetAsync("/admin/facilities", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_sees_the_facility_register_with_approval_state_scope_and_accreditation()
    {
        await server.World.InitializeAsync();
        var store = server.Services.GetRequiredService<IFacilityStore>();
        store.Save(new EvaluationFacility
        {
            Id = "FAC-ADM-1",
            Name = "東京IoT評価センター",
            Status = FacilityApprovalStatus.Approved,
            Accreditation = new Accreditation("IAJapan", "ASNITE-0999-T", new DateOnly(2030, 3, 31)),
            ScopeLevels = [LabelLevel.Star3, LabelLevel.Star4],
            ApprovedOn = new DateOnly(2026, 4, 1),
        });
        var html = await (await server.World.Clients["admin"].GetAsync("/admin/facilities", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("東京IoT評価センター", html, StringComparison.Ordinal);
        Assert.Contains("ASNITE-0999-T", html, StringComparison.Ordinal);
        Assert.Contains("★3・★4", html, StringComparison.Ordinal);
        Assert.Contains("承認を停止", html, StringComparison.Ordinal);
        Assert.Contains("/cases?q=", html, StringComparison.Ordinal);
    }

    private const string AccessAdministrationTokenPrefix = JcStar.Workflow.Identity.Administration.AccessAdministration.TokenPrefix;
}
