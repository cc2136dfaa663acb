using System.Security.Cryptography;
using System.Text.RegularExpressions;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Identity.SignUp;

/// <summary>
/// Applicant organizations registering themselves (issue 14, item 1): the organization and its first user in one
/// go, the user's address confirmed by a mailed link before anyone signs in, staff approval when the settings ask
/// for it, and colleagues invited by mail to set their own password. Refusals are <see cref="WorkflowInputException"/>s
/// whose messages are the web pages' text keys (SignUp_…), by field, so every message can stand beside its field.
/// </summary>
public sealed partial class OrganizationSignUps(UserManager<WorkflowUser> users, AccessAdministration administration, AccessDbContext db, TimeProvider time)
{
    public const int MaxLength = 400;

    public async Task<PendingConfirmation> SignUpAsync(SignUpRequest request, bool requireApproval, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors[field] = ["SignUp_Required"];
            else if (value.Length > MaxLength || value.Any(char.IsControl))
                errors[field] = ["SignUp_TooLong"];
        }
        Required("companyName", request.CompanyName);
        Required("address", request.Address);
        Required("contactName", request.ContactName);
        Required("contactPhone", request.ContactPhone);
        if (!string.IsNullOrWhiteSpace(request.PostalCode) && !PostalCode().IsMatch(request.PostalCode.Trim()))
            errors["postalCode"] = ["SignUp_PostalCode"];
        if (!string.IsNullOrWhiteSpace(request.ContactPhone) && !errors.ContainsKey("contactPhone") && !Phone().IsMatch(request.ContactPhone.Trim()))
            errors["contactPhone"] = ["SignUp_Phone"];
        var corporateNumber = Digits(request.CorporateNumber);
        if (string.IsNullOrEmpty(corporateNumber))
            errors["corporateNumber"] = ["SignUp_Required"];
        else if (corporateNumber.Length != 13 || !corporateNumber.All(char.IsAsciiDigit))
            errors["corporateNumber"] = ["SignUp_CorporateNumberDigits"];
        else if (CorporateNumber.Problem(corporateNumber) is not null)
            errors["corporateNumber"] = ["SignUp_CorporateNumberCheckDigit"];
        else if (await db.Organizations.AnyAsync(o => o.CorporateNumber == corporateNumber, ct))
            errors["corporateNumber"] = ["SignUp_CorporateNumberTaken"];
        var email = await CheckEmailAsync(request.Email, errors, ct);
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["SignUp_Required"];
        else
        {
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new WorkflowUser { UserName = email ?? "" }, request.Password);
                problems.AddRange(result.Errors.Select(e => e.Description));
            }
            if (problems.Count > 0)
                errors["password"] = [.. problems];
            else if (request.Password != request.PasswordConfirmation)
                errors["passwordConfirmation"] = ["SignUp_PasswordsDiffer"];
        }
        if (errors.Count > 0)
            throw new WorkflowInputException("the organization cannot be registered", errors);

        var organization = new Organization
        {
            Id = $"ORG-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5))}",
            Kind = OrganizationKind.Applicant,
            Name = request.CompanyName!.Trim(),
            CorporateNumber = corporateNumber!,
            PostalCode = request.PostalCode?.Trim() is { Length: > 0 } postal ? postal : null,
            Address = request.Address!.Trim(),
            ContactName = request.ContactName!.Trim(),
            ContactEmail = email,
            ContactPhone = request.ContactPhone!.Trim(),
            CreatedAt = time.GetUtcNow(),
            AwaitingApproval = requireApproval,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        var user = NewApplicant(email!, request.ContactName!.Trim(), organization.Id);
        Check(await users.CreateAsync(user, request.Password!), "password");
        Check(await users.AddToRoleAsync(user, SchemeRoles.Applicant), "email");
        await transaction.CommitAsync(ct);
        return new PendingConfirmation(user, organization, await users.GenerateEmailConfirmationTokenAsync(user));
    }

    /// <summary>The link's user and token: the address confirmed, and whether staff must still approve the organization.</summary>
    public async Task<ConfirmationOutcome> ConfirmEmailAsync(string? userId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user || user.IsDisabled)
            return ConfirmationOutcome.Invalid;
        if (!user.EmailConfirmed && !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return ConfirmationOutcome.Invalid;
        return await IsAwaitingApprovalAsync(user, ct) ? ConfirmationOutcome.AwaitingApproval : ConfirmationOutcome.Confirmed;
    }

    /// <summary>Whether the link is one that can still be used (the page shows the form only then).</summary>
    public async Task<WorkflowUser?> InvitedUserAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user || user.IsDisabled || user.PasswordHash is not null)
            return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<WorkflowUser>.ResetPasswordTokenPurpose, token) ? user : null;
    }

    /// <summary>A colleague of <paramref name="inviterUserName"/>'s organization, with no password until they follow the mailed link.</summary>
    public async Task<PendingConfirmation> InviteAsync(string inviterUserName, string? email, string? displayName, CancellationToken ct = default)
    {
        var inviter = await users.FindByNameAsync(inviterUserName);
        var organization = inviter?.OrganizationId is { } orgId ? await administration.FindOrganizationAsync(orgId, ct) : null;
        if (inviter is null || organization is not { Kind: OrganizationKind.Applicant } || !await users.IsInRoleAsync(inviter, SchemeRoles.Applicant))
            throw new WorkflowForbiddenException($"{inviterUserName} belongs to no applicant organization and cannot invite colleagues");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var address = await CheckEmailAsync(email, errors, ct);
        if (string.IsNullOrWhiteSpace(displayName))
            errors["displayName"] = ["SignUp_Required"];
        else if (displayName.Length > 200 || displayName.Any(char.IsControl))
            errors["displayName"] = ["SignUp_TooLong"];
        if (errors.Count > 0)
            throw new WorkflowInputException("the colleague cannot be invited", errors);
        var user = NewApplicant(address!, displayName!.Trim(), organization.Id);
        Check(await users.CreateAsync(user), "email");
        Check(await users.AddToRoleAsync(user, SchemeRoles.Applicant), "email");
        return new PendingConfirmation(user, organization, await users.GeneratePasswordResetTokenAsync(user));
    }

    /// <summary>The invited colleague's own password; the address is confirmed by their having the link.</summary>
    public async Task AcceptInvitationAsync(string? userId, string? token, string? password, string? confirmation, CancellationToken ct = default)
    {
        var user = await InvitedUserAsync(userId, token) ?? throw new WorkflowNotFoundException("the invitation is unknown, used or expired");
        if (string.IsNullOrEmpty(password))
            throw Invalid("password", "SignUp_Required");
        if (password != confirmation)
            throw Invalid("passwordConfirmation", "SignUp_PasswordsDiffer");
        var result = await users.ResetPasswordAsync(user, token!, password);
        if (!result.Succeeded)
            throw new WorkflowInputException("the password was not set", new Dictionary<string, string[]> { ["password"] = [.. result.Errors.Select(e => e.Description)] });
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user), "password");
    }

    public async Task<IReadOnlyList<WorkflowUser>> ColleaguesOfAsync(string userName, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user?.OrganizationId is not { } orgId)
            return [];
        return await db.Users.AsNoTracking().Where(u => u.OrganizationId == orgId).OrderBy(u => u.UserName).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Organization>> AwaitingApprovalAsync(CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking().Where(o => o.AwaitingApproval).OrderBy(o => o.Name).ToListAsync(ct);

    /// <returns>false when the organization does not exist or was approved already.</returns>
    public async Task<bool> ApproveAsync(string organizationId, string approvedBy, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId && o.AwaitingApproval, ct);
        if (organization is null)
            return false;
        organization.AwaitingApproval = false;
        organization.ApprovedAt = time.GetUtcNow();
        organization.ApprovedBy = approvedBy;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> IsAwaitingApprovalAsync(WorkflowUser user, CancellationToken ct) =>
        user.OrganizationId is { } orgId && await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId && o.AwaitingApproval, ct);

    /// <summary>The address, lower-cased, which becomes the user name; null with the field's error when it cannot be one.</summary>
    private async Task<string?> CheckEmailAsync(string? email, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var address = email?.Trim().ToLowerInvariant() ?? "";
        if (address.Length == 0)
            errors["email"] = ["SignUp_Required"];
        else if (address.Length > 64 || !Email().IsMatch(address))
            errors["email"] = ["SignUp_Email_Format"];
        else if (SchemeRoles.ReservedUserNames.Contains(address, StringComparer.OrdinalIgnoreCase) || await users.FindByNameAsync(address) is not null)
            errors["email"] = ["SignUp_EmailTaken"];
        else
            return address;
        _ = ct;
        return null;
    }

    private WorkflowUser NewApplicant(string email, string displayName, string organizationId) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = false,
        DisplayName = displayName,
        OrganizationId = organizationId,
        CreatedAt = time.GetUtcNow(),
        LockoutEnabled = true,
    };

    private static string? Digits(string? value) =>
        value is null ? null : new string([.. value.Where(c => c is not ('-' or ' ' or '　')).Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c)]);

    private static WorkflowInputException Invalid(string field, string key) =>
        new("the form is not valid", new Dictionary<string, string[]> { [field] = [key] });

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new WorkflowInputException(string.Join(" ", result.Errors.Select(e => e.Description)),
                new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
    }

    /// <summary>Letters, digits and . _ - before and after the @ (the characters a user name may have).</summary>
    [GeneratedRegex(@"^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\d{3}-?\d{4}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^\+?[0-9()\- ]{6,20}$")]
    private static partial Regex Phone();
}
