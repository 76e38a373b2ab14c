namespace Auth.Core.Data.Entities;

/// <summary>A message to send, written in the same transaction as the token it carries.</summary>
public sealed class OutboxMessage
{
    public required string Id { get; set; }
    /// <summary>"email" or "sms".</summary>
    public required string Channel { get; set; }
    /// <summary>The message type, e.g. confirm_email.</summary>
    public required string Type { get; set; }
    public required string To { get; set; }
    public string? FromEmail { get; set; }
    public string? FromName { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public string? TextBody { get; set; }
    /// <summary>pending, sending, sent, captured, failed.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? UserId { get; set; }
}
