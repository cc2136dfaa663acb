namespace JcStar.Workflow.Scheme.Complaints;

/// <summary>Pending and confirmed complaints from the public.</summary>
public interface IPublicComplaintStore
{
    Task AddAsync(PublicComplaint complaint, CancellationToken cancellationToken);

    Task<PublicComplaint?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks it confirmed at <paramref name="at"/> unless it already is: true for exactly one caller, so two clicks open one case.</summary>
    Task<bool> TryConfirmAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="TryConfirmAsync"/> when the case could not be opened, so the sender can try again.</summary>
    Task ReleaseAsync(Guid id, CancellationToken cancellationToken);

    Task RecordCaseAsync(Guid id, string instanceId, string receiptNumber, CancellationToken cancellationToken);
}
