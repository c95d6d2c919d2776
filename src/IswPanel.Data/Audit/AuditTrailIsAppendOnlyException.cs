namespace IswPanel.Data.Audit;

/// <summary>Thrown when code tries to change or delete an audit row.</summary>
public sealed class AuditTrailIsAppendOnlyException()
    : InvalidOperationException("The audit trail is append-only: audit rows cannot be changed or deleted.");
