using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

/// <param name="ApplicantOrganizationId">For staff starting a case on an applicant's behalf (a paper application); an applicant's own organization otherwise.</param>
public sealed record StartRequest(string? ProcessId, string? BusinessKey, Dictionary<string, JsonElement>? Variables, string? ApplicantOrganizationId = null);
