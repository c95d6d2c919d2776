using IswPanel.Domain.Assessments;

namespace IswPanel.Domain.Tests.Assessments;

public sealed class AssessmentTypeCatalogueTests
{
    [Fact]
    public void The_default_catalogue_matches_the_domain_table()
    {
        var types = AssessmentTypeCatalogue.Defaults().ToDictionary(t => t.Code);

        Assert.Equal(
            ["viability", "parenting", "parenting-pams", "connected-person", "special-guardianship", "fostering", "adoption", "discharge", "specialist-risk"],
            AssessmentTypeCatalogue.Defaults().Select(t => t.Code));
        Assert.Equal(4, types["viability"].TypicalWeeks);
        Assert.Equal(16, types["fostering"].TypicalWeeks);
        Assert.Equal(8, types["discharge"].TypicalWeeks);
        Assert.Equal(8, types["specialist-risk"].MinPqeYears);
        Assert.Equal((75, 100), (types["specialist-risk"].TypicalHoursLow, types["specialist-risk"].TypicalHoursHigh));
        Assert.Equal(AssessmentTypeCatalogue.PamsTrained, types["parenting-pams"].RequiredSkill);
        Assert.All(types.Values, t => Assert.True(t.MinPqeYears >= PanelRules.MinimumPqeYearsToJoin));
    }

    [Fact]
    public void No_type_may_demand_less_than_the_panels_minimum_experience() =>
        Assert.Throws<Common.DomainException>(() => AssessmentType.Create("quick", "Quick", 2, 3));
}
