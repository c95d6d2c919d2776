using IswPanel.Domain.Common;

namespace IswPanel.Domain.Work;

/// <summary>The authority's rating of a delivered assessment: quality, timeliness and communication, 1–5 each.</summary>
public sealed class AssessmentFeedback : Entity
{
    private AssessmentFeedback() { }

    public Guid AssessmentRequestId { get; private set; }
    public Guid IswProfileId { get; private set; }
    public int QualityRating { get; private set; }
    public int TimelinessRating { get; private set; }
    public int CommunicationRating { get; private set; }
    public string? Comment { get; private set; }
    public DateTime GivenAt { get; private set; }
    public Guid GivenByUserId { get; private set; }

    public const int Lowest = 1;
    public const int Highest = 5;

    public double Mean => (QualityRating + TimelinessRating + CommunicationRating) / 3.0;

    public static AssessmentFeedback Give(Guid requestId, Guid iswProfileId, int quality, int timeliness, int communication,
        string? comment, Guid givenBy, DateTime now)
    {
        Check(quality, nameof(QualityRating), "quality");
        Check(timeliness, nameof(TimelinessRating), "timeliness");
        Check(communication, nameof(CommunicationRating), "communication");
        return new AssessmentFeedback
        {
            AssessmentRequestId = requestId,
            IswProfileId = iswProfileId,
            QualityRating = quality,
            TimelinessRating = timeliness,
            CommunicationRating = communication,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            GivenAt = now,
            GivenByUserId = givenBy,
        };
    }

    private static void Check(int rating, string field, string what)
    {
        if (rating is < Lowest or > Highest) throw new DomainException($"Rate {what} from 1 to 5.", field);
    }
}
