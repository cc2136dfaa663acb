namespace JcStar.Workflow.Server.Api;

/// <summary>How many instances took a message or signal.</summary>
public sealed record DeliveryResult(int Delivered);
