using System.Xml;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>Who am I; users, organizations, tokens and sign-in records for admins; one's own tokens; conflicts of interest (JSS-01 6.2).</summary>
public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccessEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (HttpContext http, AccessAdministration administration, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var organization = actor.OrganizationId is null ? null : await administration.FindOrganizationAsync(actor.OrganizationId, ct);
            return TypedResults.Ok(new
            {
                userName = actor.Id,
                roles = actor.Roles,
                groups = actor.Groups,
                isAdmin = actor.IsAdmin,
                organization = organization is null ? null : new { organization.Id, organization.Name, kind = organization.Kind.ToString(), organization.FacilityId },
            });
        });

        var tokens = api.MapGroup("/tokens");
        tokens.MapGet("/", async (HttpContext http, AccessAdministration administration, CancellationToken ct) =>
            TypedResults.Ok((await administration.ListTokensAsync(http.User.Identity!.Name, ct)).Select(TokenView).ToList()));
        tokens.MapPost("/", async (NewTokenRequest request, HttpContext http, AccessAdministration administration, Microsoft.Extensions.Options.IOptions<AccessOptions> options, CancellationToken ct) =>
        {
            var created = await administration.CreateTokenAsync(http.User.Identity!.Name!, request.Name, Lifetime(request.Expires, options.Value.DefaultTokenLifetime), ct);
            return TypedResults.Created($"/api/tokens/{created.Token.Id}", new { token = created.Secret, details = TokenView(created.Token) });
        });
        tokens.MapDelete("/{id}", async Task<Results<NoContent, NotFound>> (string id, HttpContext http, AccessAdministration administration, Microsoft.AspNetCore.Identity.UserManager<WorkflowUser> users, CancellationToken ct) =>
        {
            var me = await users.FindByNameAsync(http.User.Identity!.Name!);
            return me is not null && await administration.RevokeTokenAsync(id, me.Id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        });

        api.MapGet("/conflicts", (HttpContext http, IConflictRegister register) =>
        {
            var actor = http.User.ToActor();
            return TypedResults.Ok(register.DeclaredBy(actor.FacilityId ?? actor.Id).Select(ConflictView).ToList());
        });
        api.MapPost("/conflicts", IResult (ConflictRequest request, HttpContext http, IConflictRegister register, TimeProvider time) =>
        {
            var actor = http.User.ToActor();
            // Staff declare for themselves; a facility member declares for their facility (the facility is what evaluates).
            if (!http.User.IsStaffOrAdmin() && actor.FacilityId is null)
                return TypedResults.Problem(title: "Forbidden", detail: "only staff and evaluation facilities declare conflicts of interest", statusCode: StatusCodes.Status403Forbidden);
            return Declare(actor.FacilityId ?? actor.Id, request, register, time);
        });

        var admin = api.MapGroup("/admin").RequireAuthorization(WorkflowClaims.AdminPolicy);
        admin.MapGet("/users", async (AccessAdministration administration, CancellationToken ct) => TypedResults.Ok(await administration.ListUsersAsync(ct)));
        admin.MapPost("/users", async (NewUserRequest request, AccessAdministration administration, CancellationToken ct) =>
        {
            var created = await administration.CreateUserAsync(new NewUser(request.UserName ?? "", request.Role ?? "", request.OrganizationId, request.Email, request.Password) { DisplayName = request.DisplayName }, ct);
            return TypedResults.Created($"/api/admin/users/{created.User.UserName}", new { userName = created.User.UserName, oneTimePassword = created.OneTimePassword });
        });
        admin.MapPost("/users/{userName}/disable", async (string userName, AccessAdministration administration, CancellationToken ct) =>
        {
            await administration.DisableUserAsync(userName, ct);
            return TypedResults.NoContent();
        });
        admin.MapGet("/organizations", async (AccessAdministration administration, CancellationToken ct) => TypedResults.Ok(await administration.ListOrganizationsAsync(ct)));
        admin.MapPost("/organizations", async (NewOrganizationRequest request, AccessAdministration administration, CancellationToken ct) =>
        {
            var kind = request.Kind is null || request.Kind.Equals("applicant", StringComparison.OrdinalIgnoreCase) ? OrganizationKind.Applicant
                : request.Kind.Equals("facility", StringComparison.OrdinalIgnoreCase) ? OrganizationKind.Facility
                : throw new WorkflowInputException("unknown kind", new Dictionary<string, string[]> { ["kind"] = ["applicant or facility"] });
            var organization = await administration.CreateOrganizationAsync(new NewOrganization(request.Name ?? "", request.CorporateNumber ?? "", kind)
            {
                FacilityId = request.FacilityId,
                Representative = request.Representative,
                PostalCode = request.PostalCode,
                Address = request.Address,
                ContactName = request.ContactName,
                ContactEmail = request.ContactEmail,
                ContactPhone = request.ContactPhone,
            }, ct);
            return TypedResults.Created($"/api/admin/organizations/{organization.Id}", organization);
        });
        admin.MapGet("/tokens", async (string? user, AccessAdministration administration, CancellationToken ct) =>
            TypedResults.Ok((await administration.ListTokensAsync(user, ct)).Select(TokenView).ToList()));
        admin.MapDelete("/tokens/{id}", async Task<Results<NoContent, NotFound>> (string id, AccessAdministration administration, CancellationToken ct) =>
            await administration.RevokeTokenAsync(id, null, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        admin.MapGet("/sign-ins", async (string? user, int? take, AccessAdministration administration, CancellationToken ct) =>
            TypedResults.Ok(await administration.SignInRecordsAsync(user, take ?? 100, ct)));
        admin.MapGet("/conflicts", Results<Ok<List<object>>, ValidationProblem> (string? party, IConflictRegister register) =>
            string.IsNullOrWhiteSpace(party)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["party"] = ["required: a user name or a facility id"] })
                : TypedResults.Ok(register.DeclaredBy(party).Select(ConflictView).ToList()));
        admin.MapPost("/conflicts", Results<Created<object>, ValidationProblem> (ConflictRequest request, IConflictRegister register, TimeProvider time) =>
            string.IsNullOrWhiteSpace(request.Party)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["party"] = ["required: a user name or a facility id"] })
                : Declare(request.Party, request, register, time));
        return api;
    }

    private static Results<Created<object>, ValidationProblem> Declare(string party, ConflictRequest request, IConflictRegister register, TimeProvider time)
    {
        var errors = Requests.Required(("organizationId", request.OrganizationId), ("detail", request.Detail));
        var kind = ConflictKind.Other;
        if (request.Kind is not null && !Enum.TryParse(request.Kind, ignoreCase: true, out kind))
            errors["kind"] = [$"one of {string.Join(", ", Enum.GetNames<ConflictKind>())}"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var declaration = new ConflictDeclaration(party, request.OrganizationId!, request.ProductName, kind, request.Detail!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        register.Declare(declaration);
        return TypedResults.Created($"/api/conflicts", ConflictView(declaration));
    }

    private static object ConflictView(ConflictDeclaration d) =>
        new { party = d.PartyId, organizationId = d.SupplierId, productName = d.ProductName, kind = d.Kind.ToString(), detail = d.Detail, declaredOn = d.DeclaredOn };

    private static object TokenView(AccessToken t) =>
        new { t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt };

    private static TimeSpan? Lifetime(string? expires, TimeSpan defaultLifetime)
    {
        if (string.IsNullOrWhiteSpace(expires))
            return defaultLifetime;
        try
        {
            return XmlConvert.ToTimeSpan(expires);
        }
        catch (FormatException)
        {
            throw new WorkflowInputException("not an ISO 8601 duration", new Dictionary<string, string[]> { ["expires"] = [$"'{expires}' is not an ISO 8601 duration such as P90D"] });
        }
    }
}
