using IswPanel.Domain.Common;

namespace IswPanel.Domain.Work;

public enum ReportVersionStatus
{
    InQa,
    Returned,
    Approved,
}

/// <summary>
/// One uploaded version of an assessment's report. Submitting a version sends it to QA; a returned version
/// stays, and the next version is numbered after it. Only an approved version is ever released to the authority.
/// </summary>
public sealed class ReportVersion : Entity
{
    private ReportVersion() { }

    public Guid AssessmentRequestId { get; private set; }
    public Guid AssignmentId { get; private set; }
    public Guid IswProfileId { get; private set; }
    public int Number { get; private set; }
    public Guid StoredFileId { get; private set; }
    public string? NoteToReviewer { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public Guid SubmittedByUserId { get; private set; }
    public ReportVersionStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Set when the approved version is released to the commissioner.</summary>
    public DateTime? ReleasedAt { get; private set; }

    public static ReportVersion Submit(Guid requestId, Guid assignmentId, Guid iswProfileId, int number, Guid storedFileId,
        string? noteToReviewer, Guid submittedBy, DateTime now)
    {
        if (number < 1) throw new DomainException("Report versions are numbered from 1.");
        return new ReportVersion
        {
            AssessmentRequestId = requestId,
            AssignmentId = assignmentId,
            IswProfileId = iswProfileId,
            Number = number,
            StoredFileId = storedFileId,
            NoteToReviewer = string.IsNullOrWhiteSpace(noteToReviewer) ? null : noteToReviewer.Trim(),
            SubmittedAt = now,
            SubmittedByUserId = submittedBy,
            Status = ReportVersionStatus.InQa,
        };
    }

    public void Return(DateTime now)
    {
        if (Status != ReportVersionStatus.InQa) throw new DomainException("Only a version in QA can be returned.");
        Status = ReportVersionStatus.Returned;
        DecidedAt = now;
    }

    public void Approve(DateTime now)
    {
        if (Status != ReportVersionStatus.InQa) throw new DomainException("Only a version in QA can be approved.");
        Status = ReportVersionStatus.Approved;
        DecidedAt = now;
    }

    public void Release(DateTime now)
    {
        if (Status != ReportVersionStatus.Approved) throw new DomainException("Only an approved report can be released.");
        ReleasedAt ??= now;
    }
}
