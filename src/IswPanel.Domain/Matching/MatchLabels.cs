namespace IswPanel.Domain.Matching;

/// <summary>The names the explanations use for the caller's bits.</summary>
/// <param name="AssessmentTypeName">The requested type's name, e.g. "Parenting assessment".</param>
/// <param name="SkillNames">Skill names by bit position: <c>SkillNames[3]</c> names bit 3.</param>
public sealed record MatchLabels(string AssessmentTypeName, IReadOnlyList<string> SkillNames)
{
    /// <summary>The name of the skill at <paramref name="position"/>, or "skill n" when none was given.</summary>
    public string SkillName(int position) =>
        position < SkillNames.Count && !string.IsNullOrWhiteSpace(SkillNames[position]) ? SkillNames[position] : $"skill {position}";
}
