namespace IswPanel.Domain.Assessments;

/// <summary>The default catalogue from DOMAIN.md, seeded once; administrators may edit it afterwards.</summary>
public static class AssessmentTypeCatalogue
{
    public const string PamsTrained = "PAMS-trained";

    public static IReadOnlyList<AssessmentType> Defaults() =>
    [
        AssessmentType.Create("viability", "Viability (connected person / kinship)", 4, 5, displayOrder: 1),
        AssessmentType.Create("parenting", "Parenting assessment", 12, 5, displayOrder: 2),
        AssessmentType.Create("parenting-pams", "Parenting assessment, PAMS (parents with learning needs)", 12, 5,
            requiredSkill: PamsTrained, displayOrder: 3),
        AssessmentType.Create("connected-person", "Connected person full assessment (Form C)", 16, 5,
            notes: "Regulation 24 temporary approval lasts 16 weeks, once extendable by 8.", displayOrder: 4),
        AssessmentType.Create("special-guardianship", "Special guardianship report", 12, 5,
            notes: "Content per the Special Guardianship Regulations 2005 Schedule.", displayOrder: 5),
        AssessmentType.Create("fostering", "Fostering assessment (Form F)", 16, 5,
            notes: "To fostering panel within 8 months.", displayOrder: 6),
        AssessmentType.Create("adoption", "Adoption: prospective adopter report", 16, 5,
            notes: "Stage 2 takes about 4 months.", displayOrder: 7),
        AssessmentType.Create("discharge", "Discharge of care order", 8, 5, displayOrder: 8),
        AssessmentType.Create("specialist-risk", "Specialist risk (e.g. sexual harm, domestic abuse)", 10, 8,
            hoursLow: 75, hoursHigh: 100, displayOrder: 9),
    ];
}
