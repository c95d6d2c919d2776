using IswPanel.Domain.Assessments;

namespace IswPanel.Domain.Panel;

/// <summary>The special skills offered as choices when ISWs describe their practice; others can be typed.</summary>
public static class SpecialSkills
{
    public const string SexualHarmRisk = "Sexual harm risk (AIM3)";
    public const string DomesticAbuse = "Domestic abuse (SafeLives)";
    public const string CourtExpertWitness = "Court expert witness";

    public static readonly IReadOnlyList<string> Listed = [AssessmentTypeCatalogue.PamsTrained, SexualHarmRisk, DomesticAbuse, CourtExpertWitness];
}
