using IswPanel.Domain.Common;

namespace IswPanel.Domain.Work;

/// <summary>One criterion of the QA rubric. Administrators edit the rubric; reviews keep the wording they scored.</summary>
public sealed class RubricCriterion : Entity
{
    private RubricCriterion() { }

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public int DisplayOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static RubricCriterion Create(string name, string? description, int displayOrder)
    {
        var criterion = new RubricCriterion();
        criterion.Update(name, description, displayOrder);
        return criterion;
    }

    public void Update(string name, string? description, int displayOrder)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the criterion.", nameof(Name));
        if (name.Trim().Length > 200) throw new DomainException("The criterion must be 200 characters or fewer.", nameof(Name));
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        DisplayOrder = displayOrder;
    }

    public void Retire() => IsActive = false;
    public void Restore() => IsActive = true;

    /// <summary>The rubric in DOMAIN.md, used to seed a new database.</summary>
    public static IReadOnlyList<(string Name, string Description)> Defaults { get; } =
    [
        ("The child's lived experience", "The child's lived experience, wishes and feelings are clear."),
        ("Analysis and reasoning", "Analysis and reasoning, not just description."),
        ("Capacity to change", "Evidence of the capacity to change."),
        ("Risk and protective factors", "Risk and protective factors are weighed."),
        ("Clear recommendations", "The recommendations are clear."),
        ("Compliance with the instruction", "Complies with the court's letter of instruction or the statutory form."),
        ("Timeliness", "Delivered within the milestone plan."),
    ];
}
