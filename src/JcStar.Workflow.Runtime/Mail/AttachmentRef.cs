namespace JcStar.Workflow.Runtime.Mail;

/// <summary>
/// A document generated for the case, attached by reference: the outbox stores only the id and the
/// dispatcher reads the bytes through <see cref="IAttachmentSource"/> when it sends, so a queued
/// message stays small and every retry attaches the same stored document.
/// </summary>
public sealed record AttachmentRef(string DocumentId);
