namespace IswPanel.Domain;

/// <summary>The panel's fixed numbers from DOMAIN.md; configurable policies live in settings instead.</summary>
public static class PanelRules
{
    public const int MinimumPqeYearsToJoin = 5;
    public const int DefaultCapacity = 4;
    public const int MaximumCapacity = 15;
}
