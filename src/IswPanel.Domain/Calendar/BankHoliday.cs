namespace IswPanel.Domain.Calendar;

/// <summary>
/// One bank holiday as GOV.UK lists it: the date the holiday is taken, its title (e.g. "Boxing Day") and
/// GOV.UK's notes ("Substitute day" when the holiday moved off a weekend, otherwise usually empty).
/// </summary>
public sealed record BankHoliday(DateOnly Date, string Title, string Notes = "")
{
    /// <summary>True when GOV.UK marks the day as a substitute for a holiday that fell on a weekend.</summary>
    public bool IsSubstituteDay => Notes.Contains("substitute", StringComparison.OrdinalIgnoreCase);

    /// <summary>The title with any notes, for messages: "Boxing Day (substitute day)", "Good Friday".</summary>
    public string Description => string.IsNullOrWhiteSpace(Notes)
        ? Title
        : $"{Title}, {LowerFirst(Notes.Trim())}";

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
