namespace IswPanel.Domain.Authorities;

/// <summary>Ofsted's ILACS overall effectiveness grades.</summary>
public enum OfstedGrade
{
    NotYetInspected,
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

public static class OfstedGradeNames
{
    public static string DisplayName(this OfstedGrade grade) => grade switch
    {
        OfstedGrade.NotYetInspected => "Not yet inspected",
        OfstedGrade.Outstanding => "Outstanding",
        OfstedGrade.Good => "Good",
        OfstedGrade.RequiresImprovement => "Requires improvement to be good",
        OfstedGrade.Inadequate => "Inadequate",
        _ => grade.ToString(),
    };
}
