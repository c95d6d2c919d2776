using IswPanel.Domain.Common;

namespace IswPanel.Domain.Assessments;

/// <summary>A kind of assessment the panel offers. The catalogue is data: administrators edit it.</summary>
public sealed class AssessmentType : Entity
{
    private AssessmentType() { }

    /// <summary>Stable identifier used by the API (e.g. "parenting-pams"); never changes once created.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int TypicalWeeks { get; private set; }
    public int MinPqeYears { get; private set; }

    /// <summary>A skill the ISW must hold for this type (e.g. PAMS-trained), or null.</summary>
    public string? RequiredSkill { get; private set; }
    public int? TypicalHoursLow { get; private set; }
    public int? TypicalHoursHigh { get; private set; }
    public string? Notes { get; private set; }
    public int DisplayOrder { get; private set; }

    // The milestone plan, in working days before the filing deadline (see MilestoneOffsets).
    public int AllocateBefore { get; private set; }
    public int FirstVisitBefore { get; private set; }
    public int DraftToQaBefore { get; private set; }
    public int QaCompleteBefore { get; private set; }
    public int ReleaseBefore { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>How long a closed or cancelled request's child details are kept, in years (retention policy).</summary>
    public int RetentionYears { get; private set; } = DefaultRetentionYears;

    /// <summary>The default when a type has no policy of its own: looked-after children's records are kept
    /// until the 75th birthday, and the panel does not hold dates of birth, so the longest case is assumed.</summary>
    public const int DefaultRetentionYears = 75;

    /// <summary>Types whose reports need two QA approvals before release (configurable by administrators).</summary>
    public bool RequiresSecondReviewer { get; private set; }

    public void SetQaPolicy(bool requiresSecondReviewer) => RequiresSecondReviewer = requiresSecondReviewer;

    public void SetRetention(int years)
    {
        if (years is < 1 or > 150) throw new DomainException("Retention must be between 1 and 150 years.", nameof(RetentionYears));
        RetentionYears = years;
    }

    public static AssessmentType Create(string code, string name, int typicalWeeks, int minPqeYears,
        string? requiredSkill = null, int? hoursLow = null, int? hoursHigh = null, string? notes = null, int displayOrder = 0)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("An assessment type needs a code.");
        var type = new AssessmentType { Code = code.Trim().ToLowerInvariant(), DisplayOrder = displayOrder };
        type.Update(name, typicalWeeks, minPqeYears, requiredSkill, hoursLow, hoursHigh, notes);
        type.SetMilestoneOffsets(MilestoneOffsets.DefaultFor(typicalWeeks));
        return type;
    }

    public void Update(string name, int typicalWeeks, int minPqeYears, string? requiredSkill,
        int? hoursLow, int? hoursHigh, string? notes)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the assessment type's name.");
        if (typicalWeeks is < 1 or > 104) throw new DomainException("Typical length must be between 1 and 104 weeks.");
        if (minPqeYears < PanelRules.MinimumPqeYearsToJoin)
            throw new DomainException($"No assessment type may demand less than the panel's {PanelRules.MinimumPqeYearsToJoin} years' PQE.");
        if (hoursLow is not null && hoursHigh is not null && hoursLow > hoursHigh)
            throw new DomainException("The lower typical hours must not exceed the upper.");

        Name = name.Trim();
        TypicalWeeks = typicalWeeks;
        MinPqeYears = minPqeYears;
        RequiredSkill = string.IsNullOrWhiteSpace(requiredSkill) ? null : requiredSkill.Trim();
        TypicalHoursLow = hoursLow;
        TypicalHoursHigh = hoursHigh;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    /// <summary>The milestone plan's offsets, in working days before the filing deadline.</summary>
    public MilestoneOffsets MilestoneOffsets => new(AllocateBefore, FirstVisitBefore, DraftToQaBefore, QaCompleteBefore, ReleaseBefore);

    public void SetMilestoneOffsets(MilestoneOffsets offsets)
    {
        AllocateBefore = offsets.AllocateBefore;
        FirstVisitBefore = offsets.FirstVisitBefore;
        DraftToQaBefore = offsets.DraftToQaBefore;
        QaCompleteBefore = offsets.QaCompleteBefore;
        ReleaseBefore = offsets.ReleaseBefore;
    }

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;
}
