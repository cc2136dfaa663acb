using System.Security.Claims;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Server.Identity;
using Xunit;

namespace JcStar.Workflow.Server.Tests.Identity;

/// <summary>The caller's actor is read from the claims once per principal, and each principal gets its own.</summary>
public sealed class WorkflowClaimsTests
{
    private static ClaimsPrincipal Principal(string name, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
            new Claim(WorkflowClaims.Organization, "ORG-1")], "test", ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void A_principal_reads_as_one_actor_however_often_asked_and_another_principal_as_its_own()
    {
        var sato = Principal("sato", SchemeRoles.Admin);
        var first = sato.ToActor();
        Assert.Same(first, sato.ToActor());
        Assert.Equal("sato", first.Id);
        Assert.True(first.IsAdmin);
        Assert.Equal("ORG-1", first.OrganizationId);

        var tanaka = Principal("tanaka");
        Assert.Equal("tanaka", tanaka.ToActor().Id);
        Assert.False(tanaka.ToActor().IsAdmin);
        var again = Principal("sato", SchemeRoles.Admin).ToActor();
        Assert.NotSame(first, again);
        Assert.Equal((first.Id, first.IsAdmin, first.OrganizationId), (again.Id, again.IsAdmin, again.OrganizationId));
        Assert.Equal(first.Groups, again.Groups);
    }
}
