namespace IswPanel.Data.Outbox;

/// <summary>
/// An email waiting to be sent, or sent. Written in the same transaction as the change it reports; a Hangfire
/// job delivers it and marks it sent, so a retried job never sends it twice once it has been marked.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public string To { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string Category { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when the last retry failed: shown on the administrators' failed-deliveries page.</summary>
    public DateTime? GaveUpAt { get; set; }
}

/// <summary>How a user wants one category of notification by email.</summary>
public enum EmailDelivery
{
    Immediate,
    DailyDigest,
}

public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public string Category { get; set; } = "";
    public EmailDelivery Delivery { get; set; }
}

/// <summary>A newer GOV.UK bank-holidays file uploaded by an administrator; the newest replaces the years it covers.</summary>
public sealed class BankHolidayUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime UploadedAt { get; set; }
    public Guid UploadedByUserId { get; set; }
    public string Json { get; set; } = "";
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
}
