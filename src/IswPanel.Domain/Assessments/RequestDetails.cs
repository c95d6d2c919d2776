namespace IswPanel.Domain.Assessments;

/// <summary>What a commissioner asks for: everything on the request form, validated by <see cref="AssessmentRequest"/>.</summary>
public sealed record RequestDetails(
    Guid AssessmentTypeId,
    string CaseReference,
    string ChildInitials,
    IReadOnlyList<RequestParty> Parties,
    bool ForCourt,
    string? CourtName,
    string? CourtCaseNumber,
    DateOnly DueDate,
    string PostcodeDistrict,
    string? Language,
    bool InterpreterNeeded,
    IReadOnlyList<string> SpecialRequirements,
    int? BudgetHours,
    string? Notes,
    Guid? LetterOfInstructionFileId);
