using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// An application to join the panel while it is being written: the answers given so far (a JSON document
/// owned by the application journey), kept between visits. Submitting it creates the panel profile.
/// </summary>
public sealed class PanelApplication : Entity
{
    private PanelApplication() { }

    public Guid UserId { get; private set; }
    public string Answers { get; private set; } = "{}";
    public DateTime StartedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public Guid? IswProfileId { get; private set; }

    public static PanelApplication Start(Guid userId, DateTime at) =>
        new() { UserId = userId, StartedAt = at, UpdatedAt = at };

    public void SaveAnswers(string answers, DateTime at)
    {
        if (SubmittedAt is not null) throw new DomainException("This application has already been submitted.");
        Answers = answers;
        UpdatedAt = at;
    }

    public void MarkSubmitted(Guid iswProfileId, DateTime at)
    {
        if (SubmittedAt is not null) throw new DomainException("This application has already been submitted.");
        IswProfileId = iswProfileId;
        SubmittedAt = at;
        UpdatedAt = at;
    }
}
