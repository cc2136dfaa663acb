using System.Security.Cryptography;
using System.Text;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Identity.Administration;

/// <summary>
/// Users, organizations and access tokens: the one place that creates and changes them, for the server's admin
/// API, its first start and the CLI alike. Refusals are <see cref="WorkflowInputException"/>s naming the field.
/// </summary>
public sealed class AccessAdministration(UserManager<WorkflowUser> users, RoleManager<IdentityRole> roles, AccessDbContext db, TimeProvider time, AccessTokenSessions sessions)
{
    public const string TokenPrefix = "jcs_";

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        // One read of the roles there are (every start and every new user asks), then the role manager for any missing.
        var present = (await db.Roles.Select(r => r.NormalizedName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var role in SchemeRoles.All)
        {
            if (!present.Contains(roles.NormalizeKey(role) ?? role) && !await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), "role");
        }
    }

    /// <summary>On a database with no users: creates <c>admin</c>; returns the one-time password it generated, or null when one was configured or users exist.</summary>
    public async Task<(bool Created, string? OneTimePassword)> EnsureFirstAdministratorAsync(string? configuredPassword, CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        if (await db.Users.AnyAsync(ct))
            return (false, null);
        var created = await CreateUserAsync(new NewUser("admin", SchemeRoles.Admin, Password: configuredPassword) { DisplayName = "Administrator" }, ct);
        // Even a configured password is someone else's: the administrator sets their own at first sign-in.
        created.User.MustChangePassword = true;
        await users.UpdateAsync(created.User);
        return (true, created.OneTimePassword);
    }

    public async Task<Organization> CreateOrganizationAsync(NewOrganization request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = ["the organization's name is required"];
        else if (request.Name.Length > 400 || request.Name.Any(char.IsControl))
            errors["name"] = ["at most 400 characters, without control characters"];
        if (CorporateNumber.Problem(request.CorporateNumber) is { } problem)
            errors["corporateNumber"] = [problem];
        else if (await db.Organizations.AnyAsync(o => o.CorporateNumber == request.CorporateNumber, ct))
            errors["corporateNumber"] = [$"an organization with corporate number {request.CorporateNumber} is already registered"];
        if (request.Kind == OrganizationKind.Facility && string.IsNullOrWhiteSpace(request.FacilityId))
            errors["facilityId"] = ["an evaluation facility names its facility record"];
        if (request.Kind == OrganizationKind.Applicant && request.FacilityId is not null)
            errors["facilityId"] = ["only an evaluation facility has a facility record"];
        if (errors.Count > 0)
            throw new WorkflowInputException("the organization cannot be registered", errors);
        var organization = new Organization
        {
            Id = $"ORG-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5))}",
            Kind = request.Kind,
            Name = request.Name.Trim(),
            CorporateNumber = request.CorporateNumber,
            FacilityId = request.FacilityId,
            Representative = request.Representative,
            PostalCode = request.PostalCode,
            Address = request.Address,
            ContactName = request.ContactName,
            ContactEmail = request.ContactEmail,
            ContactPhone = request.ContactPhone,
            CreatedAt = time.GetUtcNow(),
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization;
    }

    public async Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id).ToListAsync(ct);

    public Task<Organization?> FindOrganizationAsync(string id, CancellationToken ct = default) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<CreatedUser> CreateUserAsync(NewUser request, CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.UserName?.Trim() ?? "";
        if (name.Length == 0)
            errors["userName"] = ["a user name is required"];
        else if (SchemeRoles.ReservedUserNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            errors["userName"] = [$"'{name}' is kept by the system for itself"];
        else if (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            errors["userName"] = ["at most 64 letters, digits, '.', '-', '_' or '@'"];
        if (!SchemeRoles.IsKnown(request.Role))
            errors["role"] = [$"'{request.Role}' is not a role; one of {string.Join(", ", SchemeRoles.All)}"];
        Organization? organization = null;
        if (request.OrganizationId is { } orgId)
        {
            organization = await FindOrganizationAsync(orgId, ct);
            if (organization is null)
                errors["organizationId"] = [$"organization {orgId} does not exist"];
        }
        if (request.Role == SchemeRoles.Applicant && organization?.Kind != OrganizationKind.Applicant && !errors.ContainsKey("organizationId"))
            errors["organizationId"] = ["an applicant belongs to an applicant organization"];
        if (request.Role == SchemeRoles.Facility && organization?.Kind != OrganizationKind.Facility && !errors.ContainsKey("organizationId"))
            errors["organizationId"] = ["a facility member belongs to an evaluation facility's organization"];
        if (errors.Count > 0)
            throw new WorkflowInputException("the user cannot be created", errors);

        var oneTime = request.Password is null ? GeneratePassword() : null;
        var user = new WorkflowUser
        {
            UserName = name,
            Email = request.Email,
            EmailConfirmed = request.Email is not null,
            DisplayName = request.DisplayName ?? name,
            OrganizationId = organization?.Id,
            MustChangePassword = oneTime is not null,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, request.Password ?? oneTime!), request.Password is null ? "userName" : "password");
        Check(await users.AddToRoleAsync(user, request.Role), "role");
        return new CreatedUser(user, oneTime);
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken ct = default)
    {
        var list = new List<UserSummary>();
        foreach (var user in await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            list.Add(new UserSummary(user.UserName!, user.DisplayName, user.Email, [.. await users.GetRolesAsync(user)], user.OrganizationId, user.IsDisabled, user.TwoFactorEnabled));
        return list;
    }

    /// <summary>Disables the user: no sign-in, their sessions end at the next check, their tokens stop working.</summary>
    public async Task DisableUserAsync(string userName, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new WorkflowNotFoundException($"user {userName} does not exist");
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user), "userName");
        Check(await users.UpdateSecurityStampAsync(user), "userName");
        var now = time.GetUtcNow();
        await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        sessions.ForgetAll();
    }

    /// <summary>A personal access token for <paramref name="userName"/>; the secret is returned once and only its hash kept.</summary>
    public async Task<CreatedToken> CreateTokenAsync(string userName, string? name, TimeSpan? lifetime, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new WorkflowInputException($"user {userName} does not exist", new Dictionary<string, string[]> { ["userName"] = [$"user {userName} does not exist"] });
        if (user.IsDisabled)
            throw new WorkflowInputException($"user {userName} is disabled", new Dictionary<string, string[]> { ["userName"] = [$"user {userName} is disabled"] });
        if (lifetime is { } l && l <= TimeSpan.Zero)
            throw new WorkflowInputException("a token's lifetime must be positive", new Dictionary<string, string[]> { ["expires"] = ["must be a positive duration such as P90D"] });
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var token = new AccessToken
        {
            Id = $"TOK-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}",
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? $"token {now:yyyy-MM-dd}" : name.Trim(),
            Hash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(token, secret);
    }

    public async Task<IReadOnlyList<AccessToken>> ListTokensAsync(string? userName, CancellationToken ct = default)
    {
        var tokens = db.AccessTokens.AsNoTracking();
        if (userName is not null)
        {
            var userId = (await users.FindByNameAsync(userName))?.Id ?? "";
            tokens = tokens.Where(t => t.UserId == userId);
        }
        // SQLite cannot order by a DateTimeOffset column: newest first in memory (a person holds a handful of tokens).
        return [.. (await tokens.ToListAsync(ct)).OrderByDescending(t => t.CreatedAt)];
    }

    /// <returns>false when no such token exists or it was already revoked.</returns>
    public async Task<bool> RevokeTokenAsync(string tokenId, string? ownerUserId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var tokens = db.AccessTokens.Where(t => t.Id == tokenId && t.RevokedAt == null);
        if (ownerUserId is not null)
            tokens = tokens.Where(t => t.UserId == ownerUserId);
        // A bulk update passes by SaveChanges (and AccessChangeInterceptor): the remembered tokens are forgotten here.
        var revoked = await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) > 0;
        sessions.ForgetAll();
        return revoked;
    }

    /// <summary>The active user a token belongs to, or null for an unknown, expired or revoked token or a disabled user.</summary>
    public async Task<WorkflowUser?> UserOfTokenAsync(string secret, CancellationToken ct = default) =>
        (await TokenUserAsync(secret, ct))?.User;

    /// <summary>The user a usable token belongs to, with the token's expiry; null for an unknown, expired or revoked token or a disabled user.</summary>
    public async Task<TokenUser?> TokenUserAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
            return null;
        var hash = Hash(secret);
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Hash == hash, ct);
        var now = time.GetUtcNow();
        if (token is null || !token.IsUsableAt(now))
            return null;
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.IsDisabled)
            return null;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new TokenUser(user, token.ExpiresAt);
    }

    public async Task RecordSignInAsync(string userName, string? remoteAddress, string method, bool succeeded, string? reason, CancellationToken ct = default)
    {
        db.SignInRecords.Add(new SignInRecord
        {
            At = time.GetUtcNow(),
            UserName = userName.Length > 256 ? userName[..256] : userName,
            RemoteAddress = remoteAddress,
            Method = method,
            Succeeded = succeeded,
            Reason = reason,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<SignInRecord>> SignInRecordsAsync(string? userName, int take, CancellationToken ct = default)
    {
        var records = db.SignInRecords.AsNoTracking();
        if (userName is not null)
            records = records.Where(r => r.UserName == userName);
        return await records.OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string GeneratePassword()
    {
        // Meets any policy we offer: upper, lower, digit and symbol, 20 characters.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return $"{string.Concat(chars)}-Aa9";
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new WorkflowInputException(string.Join(" ", result.Errors.Select(e => e.Description)),
                new Dictionary<string, string[]> { [result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : field] = [.. result.Errors.Select(e => e.Description)] });
    }
}
