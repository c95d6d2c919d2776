namespace IswPanel.Data.Idempotency;

/// <summary>
/// The first response to an API POST sent with an Idempotency-Key, kept so that a retry with the same key and
/// body gets the same response instead of creating the thing twice.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string ResponseBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
