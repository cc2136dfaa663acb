using System.Collections.Immutable;
using JcStar.Workflow.Scheme.Numbering;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>
/// The registry of labelled products and its rules: validity never exceeds the setting, entries are
/// never deleted (a revoked label stays, marked revoked), and the public view shows only published
/// fields from the publication date on.
/// </summary>
public sealed class LabelRegistry(SchemeOptions options, IRegistryStore store, SchemeNumbers numbers)
{
    public RegistryEntry Grant(LabelGrant grant)
    {
        if (grant.ModelNumbers.IsDefaultOrEmpty)
            throw new SchemeRuleViolation("grant.no-model-numbers", $"application {grant.ApplicationNumber}: a label covers at least one model number");
        if (grant.Level.IsSelfDeclared() && grant.EvaluationFacilityId is not null)
            throw new SchemeRuleViolation("grant.facility-on-self-declaration", $"application {grant.ApplicationNumber}: {grant.Level.Display()} is self-declared and has no evaluation facility");
        if (!grant.Level.IsSelfDeclared() && grant.EvaluationFacilityId is null)
            throw new SchemeRuleViolation("grant.no-facility", $"application {grant.ApplicationNumber}: {grant.Level.Display()} needs the evaluation facility that evaluated it");
        if (store.All().Any(e => e.ApplicationNumber == grant.ApplicationNumber))
            throw new SchemeRuleViolation("grant.duplicate", $"application {grant.ApplicationNumber} already has a label");

        var issue = grant.IssueDate ?? grant.GrantDate;
        var months = Math.Min(grant.ValidityMonths ?? options.LabelValidityMonths, options.LabelValidityMonths);
        if (months <= 0)
            throw new SchemeRuleViolation("grant.validity", $"application {grant.ApplicationNumber}: validity must be at least one month, got {months}");
        var entry = new RegistryEntry
        {
            RegistrationNumber = numbers.NextRegistrationNumber(issue, grant.Level),
            ApplicationNumber = grant.ApplicationNumber,
            Level = grant.Level,
            SupplierId = grant.SupplierId,
            SupplierName = grant.SupplierName,
            Products = [new LabelledProduct(grant.ProductName, grant.ModelNumbers, issue)],
            GrantDate = grant.GrantDate,
            IssueDate = issue,
            ExpiryDate = ExpiryFor(issue, months),
            PreferredPublicationDate = grant.PreferredPublicationDate,
            PublishedFields = grant.PublishedFields,
            EvaluationFacilityId = grant.EvaluationFacilityId,
            EvaluationFacilityName = grant.EvaluationFacilityName,
            SupportPeriod = grant.SupportPeriod,
            VulnerabilityContact = grant.VulnerabilityContact,
            ConfidentialNotes = grant.ConfidentialNotes,
            History = [new RegistryEvent(grant.GrantDate, "granted", $"{grant.Level.Display()} {months} months", grant.DecidedBy)],
        };
        store.Add(entry);
        return entry;
    }

    /// <summary>
    /// Extends validity (有効期間の延長): a new validity period starts the day after the current expiry,
    /// but never more than one validity period after the decision. What counts is when the extension was filed
    /// (<paramref name="filedOn"/>; the decision day when not given): by the expiry date, or within
    /// <see cref="SchemeOptions.ExtensionGraceDays"/> after it, so an extension filed in time and decided after the
    /// expiry is still granted. A revoked label is never extended.
    /// </summary>
    public RegistryEntry Extend(string registrationNumber, DateOnly decidedOn, string? decidedBy = null, DateOnly? filedOn = null)
    {
        var entry = Require(registrationNumber);
        var filed = filedOn ?? decidedOn;
        if (entry.StatusOn(decidedOn) == RegistryStatus.Revoked || entry.StatusOn(filed) == RegistryStatus.Revoked)
            throw new SchemeRuleViolation("extend.not-valid", $"{registrationNumber} is revoked on {decidedOn:yyyy-MM-dd}; only a valid label can be extended");
        if (filed > entry.ExpiryDate.AddDays(Math.Max(0, options.ExtensionGraceDays)))
            throw new SchemeRuleViolation("extend.not-valid", $"{registrationNumber} is expired on {filed:yyyy-MM-dd} (expiry {entry.ExpiryDate:yyyy-MM-dd}, grace {options.ExtensionGraceDays} days); only a label whose extension was filed in time can be extended");
        var expiry = Min(ExpiryFor(entry.ExpiryDate.AddDays(1), options.LabelValidityMonths), ExpiryFor(decidedOn, options.LabelValidityMonths));
        var updated = entry with
        {
            ExpiryDate = expiry,
            History = entry.History.Add(new RegistryEvent(decidedOn, "extended", $"expiry {entry.ExpiryDate:yyyy-MM-dd} -> {expiry:yyyy-MM-dd}", decidedBy)),
        };
        store.Update(updated);
        return updated;
    }

    /// <summary>Extends the label's effect to a successor product (後継製品) whose conditions were checked.</summary>
    public RegistryEntry AddSuccessor(string registrationNumber, string productName, ImmutableArray<string> modelNumbers, DateOnly decidedOn, string? decidedBy = null)
    {
        var entry = Require(registrationNumber);
        if (entry.StatusOn(decidedOn) != RegistryStatus.Valid)
            throw new SchemeRuleViolation("successor.not-valid", $"{registrationNumber} is not valid on {decidedOn:yyyy-MM-dd}; a successor can only join a valid label");
        var existing = entry.Products.SelectMany(p => p.ModelNumbers).ToHashSet(StringComparer.Ordinal);
        var clash = modelNumbers.FirstOrDefault(existing.Contains);
        if (clash is not null)
            throw new SchemeRuleViolation("successor.duplicate-model", $"{registrationNumber} already covers model number {clash}");
        var updated = entry with
        {
            Products = entry.Products.Add(new LabelledProduct(productName, modelNumbers, decidedOn, entry.Products[^1].Name)),
            History = entry.History.Add(new RegistryEvent(decidedOn, "successor", $"{productName} ({string.Join(", ", modelNumbers)})", decidedBy)),
        };
        store.Update(updated);
        return updated;
    }

    /// <summary>Revokes (取消し) a label. The entry stays in the registry, marked revoked.</summary>
    public RegistryEntry Revoke(string registrationNumber, DateOnly decidedOn, string reason, string? decidedBy = null)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new SchemeRuleViolation("revoke.no-reason", $"{registrationNumber}: a revocation states its reasons");
        var entry = Require(registrationNumber);
        if (entry.RevokedOn is not null)
            throw new SchemeRuleViolation("revoke.already", $"{registrationNumber} was already revoked on {entry.RevokedOn:yyyy-MM-dd}");
        var updated = entry with
        {
            RevokedOn = decidedOn,
            RevocationReason = reason,
            History = entry.History.Add(new RegistryEvent(decidedOn, "revoked", reason, decidedBy)),
        };
        store.Update(updated);
        return updated;
    }

    /// <summary>The public list of labelled products (適合ラベル取得製品リスト) as it stands on <paramref name="day"/>.</summary>
    public IReadOnlyList<PublicRegistryEntry> PublicListOn(DateOnly day) =>
        store.All().Where(e => e.PublicationDate <= day).Select(e => ToPublic(e, day)).ToList();

    public static PublicRegistryEntry ToPublic(RegistryEntry entry, DateOnly day)
    {
        bool Shows(PublicationField f) => entry.PublishedFields.Contains(f);
        return new PublicRegistryEntry(
            entry.RegistrationNumber,
            entry.Level.Display(),
            entry.StatusOn(day),
            Shows(PublicationField.Supplier) ? entry.SupplierName : null,
            Shows(PublicationField.ProductName) ? string.Join(" / ", entry.Products.Select(p => p.Name)) : null,
            Shows(PublicationField.ModelNumbers) ? [.. entry.Products.SelectMany(p => p.ModelNumbers)] : [],
            Shows(PublicationField.IssueDate) ? entry.IssueDate : null,
            Shows(PublicationField.ExpiryDate) ? entry.ExpiryDate : null,
            Shows(PublicationField.EvaluationFacility) ? entry.EvaluationFacilityName : null,
            Shows(PublicationField.SupportPeriod) ? entry.SupportPeriod : null,
            Shows(PublicationField.VulnerabilityContact) ? entry.VulnerabilityContact : null,
            entry.StatusOn(day) == RegistryStatus.Revoked ? entry.RevokedOn : null,
            entry.StatusOn(day) == RegistryStatus.Expired ? entry.ExpiryDate : null);
    }

    /// <summary>One page of the public registry as it stands on <paramref name="day"/>; the store searches and pages.</summary>
    public RegistryPage<PublicRegistryEntry> SearchPublic(RegistrySearch search, DateOnly day)
    {
        var page = store.SearchPublished(search.Normalized(), day);
        return new RegistryPage<PublicRegistryEntry>([.. page.Entries.Select(e => ToPublic(e, day))], page.Total, page.Page, page.PageSize);
    }

    /// <summary>The public entry under <paramref name="registrationNumber"/>, or null when there is none or it is not yet published.</summary>
    public PublicRegistryEntry? PublicEntryOn(string registrationNumber, DateOnly day) =>
        store.Find(registrationNumber) is { } e && e.PublicationDate <= day ? ToPublic(e, day) : null;

    /// <summary>Entries a reminder is due for on <paramref name="day"/>: exactly N days before expiry for each configured N.</summary>
    public IReadOnlyList<(RegistryEntry Entry, int DaysBefore)> ExpiryRemindersDueOn(DateOnly day) =>
        [.. from e in store.All()
            where e.StatusOn(day) == RegistryStatus.Valid
            from n in options.ExpiryReminderDaysBefore
            where e.ExpiryDate.AddDays(-n) == day
            select (e, n)];

    /// <summary>Records the expiry of every entry that passed its expiry date without extension (status is derived; this keeps the history).</summary>
    public IReadOnlyList<RegistryEntry> RecordExpiries(DateOnly day)
    {
        var expired = store.All()
            .Where(e => e.StatusOn(day) == RegistryStatus.Expired && !e.History.Any(h => h.Kind == "expired"))
            .Select(e => e with { History = e.History.Add(new RegistryEvent(e.ExpiryDate.AddDays(1), "expired", $"expired after {e.ExpiryDate:yyyy-MM-dd}", null)) })
            .ToList();
        foreach (var e in expired)
            store.Update(e);
        return expired;
    }

    /// <summary>"At most N months from the date of issue": the last valid day is the day before the same date N months later.</summary>
    public static DateOnly ExpiryFor(DateOnly from, int months) => from.AddMonths(months).AddDays(-1);

    private RegistryEntry Require(string registrationNumber) =>
        store.Find(registrationNumber) ?? throw new KeyNotFoundException($"registration number {registrationNumber} is not in the registry");

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
