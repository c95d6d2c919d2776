namespace IswPanel.Domain.Assessments;

public enum AssessmentRequestStatus
{
    Draft,
    Submitted,
    Offered,
    Assigned,
    InProgress,
    InQa,
    Delivered,
    Closed,
    Cancelled,
}

public static class AssessmentRequestStatusRules
{
    private static readonly Dictionary<AssessmentRequestStatus, AssessmentRequestStatus[]> Allowed = new()
    {
        [AssessmentRequestStatus.Draft] = [AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Cancelled],
        [AssessmentRequestStatus.Submitted] = [AssessmentRequestStatus.Offered, AssessmentRequestStatus.Cancelled],
        [AssessmentRequestStatus.Offered] = [AssessmentRequestStatus.Assigned, AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Cancelled],
        // Back to Submitted when the commissioner does not approve the proposed ISW.
        [AssessmentRequestStatus.Assigned] = [AssessmentRequestStatus.InProgress, AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Cancelled],
        [AssessmentRequestStatus.InProgress] = [AssessmentRequestStatus.InQa, AssessmentRequestStatus.Cancelled],
        [AssessmentRequestStatus.InQa] = [AssessmentRequestStatus.InProgress, AssessmentRequestStatus.Delivered, AssessmentRequestStatus.Cancelled],
        [AssessmentRequestStatus.Delivered] = [AssessmentRequestStatus.Closed],
        [AssessmentRequestStatus.Closed] = [],
        [AssessmentRequestStatus.Cancelled] = [],
    };

    public static bool CanMove(AssessmentRequestStatus from, AssessmentRequestStatus to) => Allowed[from].Contains(to);

    /// <summary>States in which the request can still be cancelled: anything before delivery.</summary>
    public static bool CanCancel(this AssessmentRequestStatus status) => CanMove(status, AssessmentRequestStatus.Cancelled);

    /// <summary>States in which an ISW is (or was) working on the request.</summary>
    public static bool IsActiveAssignment(this AssessmentRequestStatus status) =>
        status is AssessmentRequestStatus.Assigned or AssessmentRequestStatus.InProgress or AssessmentRequestStatus.InQa;

    public static string DisplayName(this AssessmentRequestStatus status) => status switch
    {
        AssessmentRequestStatus.InProgress => "In progress",
        AssessmentRequestStatus.InQa => "In QA",
        _ => status.ToString(),
    };
}
