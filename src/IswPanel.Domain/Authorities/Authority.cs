using System.Text.RegularExpressions;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Authorities;

/// <summary>An English local authority's children's services: a client of the agency and a tenant of IswPanel.</summary>
public sealed partial class Authority : Entity
{
    private Authority() { }

    public string Name { get; private set; } = "";

    /// <summary>ONS geography code, e.g. E08000025: a letter E, then eight digits.</summary>
    public string OnsCode { get; private set; } = "";
    public EnglishRegion Region { get; private set; }
    public OfstedGrade OfstedGrade { get; private set; }
    public DateOnly? OfstedInspectionDate { get; private set; }
    public AuthorityContract Contract { get; private set; } = AuthorityContract.Default;

    public static Authority Create(string name, string onsCode, EnglishRegion region, OfstedGrade grade,
        DateOnly? inspectedOn, AuthorityContract contract)
    {
        var authority = new Authority();
        authority.Update(name, onsCode, region, grade, inspectedOn, contract);
        return authority;
    }

    public void Update(string name, string onsCode, EnglishRegion region, OfstedGrade grade,
        DateOnly? inspectedOn, AuthorityContract contract)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the authority's name.");
        if (!IsValidOnsCode(onsCode)) throw new DomainException("Enter an ONS code like E08000025.");
        if (grade == OfstedGrade.NotYetInspected && inspectedOn is not null)
            throw new DomainException("An authority not yet inspected has no inspection date.");
        if (grade != OfstedGrade.NotYetInspected && inspectedOn is null)
            throw new DomainException("Enter the date of the Ofsted inspection.");

        Name = name.Trim();
        OnsCode = onsCode.Trim().ToUpperInvariant();
        Region = region;
        OfstedGrade = grade;
        OfstedInspectionDate = inspectedOn;
        Contract = contract;
    }

    public static bool IsValidOnsCode(string? code) => code is not null && OnsCodePattern().IsMatch(code.Trim());

    [GeneratedRegex("^[Ee][0-9]{8}$")]
    private static partial Regex OnsCodePattern();
}
