using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Complaints;
using Microsoft.AspNetCore.WebUtilities;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>
/// Complaints from the public (JSS-01 6.6): a complaint is kept pending and a confirmation link mailed (through the
/// outbox) to the address given; only opening that link opens a complaint case, started by the system since the
/// sender has no account. An address nobody confirms opens nothing.
/// </summary>
public sealed class PublicComplaintDesk(
    IPublicComplaintStore store,
    SendMailActivity mail,
    InstanceLifecycle lifecycle,
    SchemeServices scheme,
    PublicOptions options,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SubmitAsync(ComplaintForm form, string baseUrl, CancellationToken cancellationToken)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var complaint = new PublicComplaint
        {
            Id = Guid.NewGuid(),
            TokenHash = Hash(token),
            Name = form.Name!.Trim(),
            Email = form.Email!.Trim(),
            Subject = form.Subject!.Trim(),
            Description = form.Description!.Trim(),
            SubmittedAt = now,
            ExpiresAt = now + options.ComplaintConfirmationValidity,
        };
        await store.AddAsync(complaint, cancellationToken);
        var zone = TimeZones.Find(scheme.Options.TimeZone);
        var variables = new
        {
            name = complaint.Name,
            subject = complaint.Subject,
            description = complaint.Description,
            link = $"{baseUrl.TrimEnd('/')}/complaints/confirm/{token}",
            expiresAt = TimeZoneInfo.ConvertTime(complaint.ExpiresAt, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            office = scheme.Options.Office,
        };
        var inputs = new Dictionary<string, JsonElement>
        {
            ["template"] = JsonSerializer.SerializeToElement(options.ComplaintConfirmationTemplate),
            ["to"] = JsonSerializer.SerializeToElement(new { address = complaint.Email, name = complaint.Name }),
            ["variables"] = JsonSerializer.SerializeToElement(variables, Json),
        };
        await mail.ExecuteAsync(new SendMailRequest("public-complaint:" + complaint.Id, "public-complaint:" + complaint.Id, null, "ComplaintConfirmation", inputs), cancellationToken);
    }

    /// <summary>The complaint behind a link, or null: for the page that asks the sender to confirm.</summary>
    public async Task<PublicComplaintStatus> StatusAsync(string token, CancellationToken cancellationToken)
    {
        var complaint = await store.FindByTokenHashAsync(Hash(token), cancellationToken);
        return complaint switch
        {
            null => new PublicComplaintStatus(ComplaintOutcome.Unknown, null),
            { InstanceId: not null } => new PublicComplaintStatus(ComplaintOutcome.AlreadyOpened, complaint),
            _ when complaint.ExpiresAt < time.GetUtcNow() => new PublicComplaintStatus(ComplaintOutcome.Expired, complaint),
            _ => new PublicComplaintStatus(null, complaint),
        };
    }

    public async Task<ComplaintConfirmation> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var complaint = await store.FindByTokenHashAsync(Hash(token), cancellationToken);
        if (complaint is null)
            return new ComplaintConfirmation(ComplaintOutcome.Unknown);
        if (complaint.InstanceId is not null || complaint.ConfirmedAt is not null)
            return new ComplaintConfirmation(ComplaintOutcome.AlreadyOpened, complaint.ReceiptNumber, complaint.InstanceId);
        var now = time.GetUtcNow();
        if (complaint.ExpiresAt < now)
            return new ComplaintConfirmation(ComplaintOutcome.Expired);
        if (!await store.TryConfirmAsync(complaint.Id, now, cancellationToken))
            return new ComplaintConfirmation(ComplaintOutcome.AlreadyOpened);

        var receipt = ReceiptNumber(complaint, now);
        try
        {
            var instance = await lifecycle.StartAsync(options.ComplaintProcessId, receipt, Variables(complaint, receipt, now), WorkflowActor.System, cancellationToken);
            await store.RecordCaseAsync(complaint.Id, instance.Id, receipt, cancellationToken);
            return new ComplaintConfirmation(ComplaintOutcome.Opened, receipt, instance.Id);
        }
        catch
        {
            await store.ReleaseAsync(complaint.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The start form's variables (appeal-start): kind complaint; the label's product and level when the sender named a registered label.</summary>
    private ImmutableDictionary<string, JsonElement> Variables(PublicComplaint complaint, string receipt, DateTimeOffset now)
    {
        var entry = scheme.Registry.PublicEntryOn(complaint.Subject, scheme.Today(now));
        var values = new Dictionary<string, object?>
        {
            ["kind"] = "complaint",
            ["source"] = "public",
            ["publicComplaintReceipt"] = receipt,
            ["subjectCaseNumber"] = complaint.Subject,
            ["summary"] = complaint.Description,
            ["appellant"] = new { name = complaint.Name, email = complaint.Email },
            ["product"] = new { name = entry?.ProductName ?? complaint.Subject, modelNumbers = entry?.ModelNumbers.ToArray() ?? [] },
        };
        if (entry is not null)
        {
            values["registrationNumber"] = entry.RegistrationNumber;
            values["level"] = "Star" + entry.Level.TrimStart('★');
        }
        return values.ToImmutableDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, Json));
    }

    /// <summary>PC-yyyyMMdd- and the first eight hex digits of the complaint's id: unguessable enough not to enumerate, short enough to quote on the phone.</summary>
    private string ReceiptNumber(PublicComplaint complaint, DateTimeOffset now) =>
        $"PC-{scheme.Today(now):yyyyMMdd}-{complaint.Id.ToString("N")[..8].ToUpperInvariant()}";

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
