namespace IswPanel.Domain.Assessments;

/// <summary>One line of a request's history: what happened, when, and who did it (null for the system).</summary>
public sealed class RequestEvent
{
    private RequestEvent() { }

    public long Id { get; private set; }
    public Guid AssessmentRequestId { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string What { get; private set; } = "";

    public static RequestEvent Record(Guid requestId, DateTime at, Guid? actor, string what) =>
        new() { AssessmentRequestId = requestId, At = at, ActorUserId = actor, What = what.Length > 500 ? what[..500] : what };
}
