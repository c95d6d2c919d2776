namespace IswPanel.Domain.Authorities;

/// <summary>The nine regions of England used by the ONS and by Ofsted.</summary>
public enum EnglishRegion
{
    NorthEast,
    NorthWest,
    YorkshireAndTheHumber,
    EastMidlands,
    WestMidlands,
    EastOfEngland,
    London,
    SouthEast,
    SouthWest,
}

public static class EnglishRegionNames
{
    public static string DisplayName(this EnglishRegion region) => region switch
    {
        EnglishRegion.NorthEast => "North East",
        EnglishRegion.NorthWest => "North West",
        EnglishRegion.YorkshireAndTheHumber => "Yorkshire and The Humber",
        EnglishRegion.EastMidlands => "East Midlands",
        EnglishRegion.WestMidlands => "West Midlands",
        EnglishRegion.EastOfEngland => "East of England",
        EnglishRegion.London => "London",
        EnglishRegion.SouthEast => "South East",
        EnglishRegion.SouthWest => "South West",
        _ => region.ToString(),
    };
}
