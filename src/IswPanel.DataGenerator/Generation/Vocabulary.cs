using IswPanel.Domain.Authorities;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// The small word lists the generator draws from. Everything is fictional: names are common British given names and
/// surnames combined at random, places are made-up compounds, and postcode districts only have the right shape.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] GivenNames =
    [
        "Amara", "David", "Sofia", "James", "Ruth", "Gareth", "Nadia", "Peter", "Chloe", "Olu", "Margaret", "Imran",
        "Sarah", "Michael", "Emma", "Daniel", "Laura", "Thomas", "Rachel", "Andrew", "Hannah", "Mark", "Claire", "Paul",
        "Rebecca", "Simon", "Joanne", "Richard", "Helen", "Stephen", "Karen", "Christopher", "Nicola", "Matthew", "Gemma",
        "Jonathan", "Victoria", "Neil", "Lucy", "Robert", "Fatima", "Mohammed", "Aisha", "Hassan", "Priya", "Rajesh",
        "Anjali", "Sanjay", "Deepa", "Arjun", "Chidi", "Ngozi", "Kwame", "Abena", "Tunde", "Funmi", "Yusuf", "Zainab",
        "Marek", "Agnieszka", "Tomasz", "Katarzyna", "Siobhan", "Ciaran", "Aoife", "Declan", "Bethan", "Rhys", "Ffion",
        "Owain", "Morag", "Callum", "Isla", "Fraser", "Mei", "Wei", "Li", "Hyun", "Yasmin", "Omar", "Leila", "Samir",
        "Grace", "Joseph", "Esther", "Samuel", "Abigail", "Benjamin", "Naomi", "Elijah", "Carol", "Alan", "Denise",
        "Graham", "Julie", "Keith", "Lorraine", "Trevor", "Sharon", "Colin", "Beverley", "Barry", "Alison", "Ian",
        "Tracey", "Kevin", "Amanda", "Gary", "Sian", "Dylan", "Megan", "Jordan", "Kirsty", "Ryan", "Natalie", "Lewis",
    ];

    public static readonly string[] Surnames =
    [
        "Okonkwo", "Whitfield", "Kowalska", "Allen", "Mensah", "Price", "Rahman", "Lindqvist", "Bennett", "Adeyemi",
        "Hughes", "Chaudhry", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox",
        "Alexander", "Morgan", "Moore", "Martin", "Harris", "Cooper", "Ward", "Turner", "Parker", "Edwards", "Collins",
        "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Gray", "Bell", "Bailey", "Kelly", "Howard", "Shah", "Begum",
        "Ali", "Hussain", "Ahmed", "Singh", "Kaur", "Sharma", "Gupta", "Mistry", "Okafor", "Adebayo", "Boateng",
        "Owusu", "Nwosu", "Eze", "Nowak", "Wisniewski", "Kaminski", "O'Brien", "O'Connor", "McCarthy", "Byrne",
        "Campbell", "MacDonald", "Fraser", "Reid", "Chen", "Wong", "Li", "Kim", "Nguyen", "Haddad", "Mahmoud",
        "Francis", "Grant", "Barnes", "Fisher", "Henderson", "Hunter", "Palmer", "Marshall", "Webb", "Simpson",
        "Lloyd", "Pritchard", "Vaughan", "Powell", "Gill", "Sandhu", "Dhillon", "Mensah-Brown", "Abbott", "Doyle",
    ];

    private static readonly string[] PlaceStarts =
    [
        "Ash", "Bram", "Carr", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lang", "Marl", "Nor", "Oak", "Pen",
        "Red", "Rom", "Salt", "Stan", "Thorn", "Up", "Wal", "Wes", "Whit", "Wood", "Bex", "Chel", "Dray", "Ever", "Hol",
        "Lin", "Mere", "Brock", "Cas", "Ford", "Hay", "Kirk", "Mid", "Rad", "Shel",
    ];

    private static readonly string[] PlaceEnds =
    [
        "ford", "ham", "ton", "bury", "field", "wick", "by", "ley", "mouth", "stead", "worth", "borough", "dale", "combe",
        "minster", "well",
    ];

    public static IEnumerable<string> Places()
    {
        foreach (var end in PlaceEnds)
            foreach (var start in PlaceStarts)
                yield return start + end;
    }

    /// <summary>Region weights: roughly how England's 153 children's services authorities are spread.</summary>
    public static readonly (EnglishRegion Region, double Weight)[] Regions =
    [
        (EnglishRegion.NorthEast, 12), (EnglishRegion.NorthWest, 23), (EnglishRegion.YorkshireAndTheHumber, 15),
        (EnglishRegion.EastMidlands, 10), (EnglishRegion.WestMidlands, 14), (EnglishRegion.EastOfEngland, 11),
        (EnglishRegion.London, 33), (EnglishRegion.SouthEast, 19), (EnglishRegion.SouthWest, 15),
    ];

    public static IReadOnlyList<EnglishRegion> Neighbours(EnglishRegion region) => region switch
    {
        EnglishRegion.NorthEast => [EnglishRegion.NorthWest, EnglishRegion.YorkshireAndTheHumber],
        EnglishRegion.NorthWest => [EnglishRegion.NorthEast, EnglishRegion.YorkshireAndTheHumber, EnglishRegion.WestMidlands],
        EnglishRegion.YorkshireAndTheHumber => [EnglishRegion.NorthEast, EnglishRegion.NorthWest, EnglishRegion.EastMidlands],
        EnglishRegion.EastMidlands => [EnglishRegion.YorkshireAndTheHumber, EnglishRegion.WestMidlands, EnglishRegion.EastOfEngland],
        EnglishRegion.WestMidlands => [EnglishRegion.NorthWest, EnglishRegion.EastMidlands, EnglishRegion.SouthWest],
        EnglishRegion.EastOfEngland => [EnglishRegion.EastMidlands, EnglishRegion.London, EnglishRegion.SouthEast],
        EnglishRegion.London => [EnglishRegion.SouthEast, EnglishRegion.EastOfEngland],
        EnglishRegion.SouthEast => [EnglishRegion.London, EnglishRegion.SouthWest, EnglishRegion.EastOfEngland],
        _ => [EnglishRegion.SouthEast, EnglishRegion.WestMidlands],
    };

    /// <summary>Postcode areas per region with the highest district number used: "NE" and 66 gives NE1 to NE66.</summary>
    public static IReadOnlyList<(string Area, int Max)> PostcodeAreas(EnglishRegion region) => region switch
    {
        EnglishRegion.NorthEast => [("NE", 66), ("DH", 9), ("SR", 8), ("TS", 29), ("DL", 17)],
        EnglishRegion.NorthWest => [("M", 50), ("L", 40), ("PR", 26), ("BB", 18), ("BL", 9), ("WN", 8), ("CH", 66), ("CA", 28), ("LA", 23), ("OL", 16), ("SK", 23), ("WA", 16)],
        EnglishRegion.YorkshireAndTheHumber => [("LS", 29), ("BD", 24), ("S", 81), ("HU", 20), ("YO", 62), ("HD", 9), ("HG", 5), ("DN", 41), ("HX", 7), ("WF", 17)],
        EnglishRegion.EastMidlands => [("NG", 34), ("DE", 75), ("LE", 67), ("NN", 29), ("LN", 13)],
        EnglishRegion.WestMidlands => [("B", 99), ("CV", 47), ("WV", 16), ("WS", 15), ("ST", 21), ("DY", 14), ("WR", 15), ("TF", 13)],
        EnglishRegion.EastOfEngland => [("CB", 25), ("NR", 35), ("IP", 33), ("CO", 16), ("CM", 24), ("SG", 19), ("LU", 7), ("PE", 38), ("AL", 10)],
        EnglishRegion.London => [("E", 18), ("N", 22), ("SE", 28), ("SW", 20), ("W", 14), ("NW", 11), ("EN", 11), ("HA", 9), ("UB", 11), ("TW", 20), ("CR", 9), ("BR", 8), ("IG", 11), ("RM", 20)],
        EnglishRegion.SouthEast => [("RH", 20), ("BN", 45), ("GU", 52), ("OX", 49), ("RG", 45), ("SO", 53), ("PO", 41), ("ME", 20), ("CT", 21), ("TN", 40), ("MK", 46), ("HP", 23), ("SL", 9)],
        _ => [("BS", 49), ("EX", 39), ("PL", 35), ("TR", 27), ("TQ", 14), ("BA", 22), ("GL", 56), ("SN", 26), ("SP", 11), ("BH", 25), ("DT", 11), ("TA", 24)],
    };

    /// <summary>Family Court hearing centres by region (real court names are public; cases are fictional).</summary>
    public static IReadOnlyList<(string Court, string Code)> Courts(EnglishRegion region) => region switch
    {
        EnglishRegion.NorthEast => [("Family Court at Newcastle", "NE"), ("Family Court at Middlesbrough", "MB"), ("Family Court at Sunderland", "SU")],
        EnglishRegion.NorthWest => [("Family Court at Manchester", "MA"), ("Family Court at Liverpool", "LV"), ("Family Court at Preston", "PR"), ("Family Court at Carlisle", "CL")],
        EnglishRegion.YorkshireAndTheHumber => [("Family Court at Leeds", "LS"), ("Family Court at Sheffield", "SF"), ("Family Court at Hull", "HU"), ("Family Court at Bradford", "BD")],
        EnglishRegion.EastMidlands => [("Family Court at Nottingham", "NG"), ("Family Court at Derby", "DE"), ("Family Court at Leicester", "LE")],
        EnglishRegion.WestMidlands => [("Family Court at Birmingham", "BM"), ("Family Court at Coventry", "CV"), ("Family Court at Stoke-on-Trent", "ST"), ("Family Court at Wolverhampton", "WV")],
        EnglishRegion.EastOfEngland => [("Family Court at Chelmsford", "CF"), ("Family Court at Norwich", "NR"), ("Family Court at Peterborough", "PE"), ("Family Court at Luton", "LU")],
        EnglishRegion.London => [("East London Family Court", "EL"), ("Central Family Court", "ZC"), ("West London Family Court", "ZW")],
        EnglishRegion.SouthEast => [("Family Court at Brighton", "BH"), ("Family Court at Reading", "RG"), ("Family Court at Oxford", "OX"), ("Family Court at Medway", "ME")],
        _ => [("Family Court at Bristol", "BS"), ("Family Court at Exeter", "EX"), ("Family Court at Plymouth", "PL"), ("Family Court at Gloucester", "GL")],
    };

    public static readonly string[] OtherEmployers =
    [
        "Cafcass", "NSPCC", "Barnardo's", "Action for Children", "The Children's Society", "Family Action", "TACT Fostering",
        "Coram", "Adoption Matters", "PAC-UK", "Nugent", "Family Rights Group", "Kinship", "Core Assets Fostering",
        "Lancashire Children's Services", "Hampshire Children's Services", "Birmingham Children's Trust",
        "Doncaster Children's Services Trust", "Sandwell Children's Trust", "Cumbria Children's Services",
    ];

    public static readonly string[] IndependentAgencies =
    [
        "Northern Independent Social Work Associates", "Midlands ISW Collective", "London Independent Practitioners",
        "Southern Assessment Partnership", "Pennine Social Work Consultancy", "Coast and Country ISW Network",
    ];

    public static readonly string[] PermanentRoles =
    [
        "Social worker", "Senior social worker", "Senior practitioner", "Team manager", "Assistant team manager",
        "Advanced practitioner", "Family court adviser", "Children's guardian", "Supervising social worker",
        "Adoption social worker", "Practice educator",
    ];

    public static readonly string[] DeclineReasons =
    [
        "I am at capacity until the new year.",
        "The family lives too far from me to visit as often as the assessment needs.",
        "Conflict of interest: I have worked with a member of this family before.",
        "I have annual leave booked during the assessment period.",
        "The timescale is too short for a thorough assessment alongside my current work.",
        "I do not have recent experience of this type of assessment.",
        "Another court commitment clashes with the likely hearing dates.",
        "I would need an interpreter I cannot arrange in time.",
    ];

    public static readonly string[] CancelReasons =
    [
        "The family moved out of the area.",
        "The court discharged the proceedings.",
        "The child returned home under a supervision order.",
        "Duplicate request: the assessment was requested under another case reference.",
        "The assessment is being completed by the authority's own team.",
        "The connected person withdrew from the assessment.",
        "The parents agreed to the plan, so the court no longer needs the assessment.",
        "No social worker was available within the court's timetable.",
    ];

    public static readonly string[] LateReasons =
    [
        "The parents missed two planned sessions and the visits had to be rearranged.",
        "A key health report arrived late from the GP.",
        "The family asked for an interpreter, which took a week to arrange.",
        "I was unwell for a week during the assessment.",
        "The court added a new question to the letter of instruction.",
        "A second viability of a relative came to light and was added to the work.",
    ];

    public static readonly string[] ReturnSummaries =
    [
        "Strengthen the analysis: say what the observations mean for the child, not only what happened.",
        "Add the child's wishes and feelings in their own words, and how they were gathered.",
        "The recommendations need to follow from the evidence; address the risks you identify in section 6.",
        "Answer each question in the letter of instruction under its own heading.",
        "Evidence the parents' capacity to change with specific examples and timescales.",
        "Balance the risk and protective factors; the protective factors are listed but not weighed.",
    ];

    public static readonly string[] ApproveSummaries =
    [
        "Clear, well-evidenced analysis. Approved for release.",
        "A thorough assessment; the recommendations follow from the evidence. Approved.",
        "Good analysis of risk and protective factors. Approved for release.",
        "Meets the letter of instruction in full. Approved.",
        "Well structured and child-focused. Approved for release.",
    ];

    public static readonly string[] ScoreComments =
    [
        "Sound; could say more about the child's own words.",
        "Analysis is strong but some conclusions need clearer evidence.",
        "Risk factors are well described; protective factors less so.",
        "Recommendations are clear and proportionate.",
        "Good use of observation evidence.",
    ];

    public static readonly string[] FeedbackComments =
    [
        "A thorough and balanced report; the court accepted its recommendations.",
        "Clear communication with the family and with us throughout.",
        "Good work, although the report arrived later than we had planned for.",
        "The analysis helped the court reach a decision at the final hearing.",
        "We would welcome this social worker on another case.",
        "Helpful updates at each stage.",
    ];

    public static readonly string[] RemovalReasons =
    [
        "Retired from independent practice.",
        "Moved abroad and left the panel.",
        "Left the panel at their own request to take a permanent post.",
        "Did not renew their registration; removed from the panel.",
    ];

    public static readonly string[] AdministratorSuspensions =
    [
        "A complaint from an authority is being investigated.",
        "Concerns about the quality of recent reports are being reviewed with the member.",
        "On extended leave at their request.",
    ];

    public static readonly string[] RejectionReasons =
    [
        "Fewer than five years' post-qualifying experience; please apply again when you have five.",
        "Non-solicitation: a permanent post with a client authority ended within the contract period and no waiver was given.",
        "The references received did not support the application.",
        "The interview did not show the assessment experience the panel needs.",
    ];

    public static readonly string[] InformationRequests =
    [
        "Please send a copy of your current professional indemnity insurance schedule.",
        "Please name a referee from your most recent social work employer.",
        "Please send the DBS certificate number and issue date shown on your certificate.",
    ];

    public static readonly string[] OtherLanguages =
    [
        "Polish", "Urdu", "Punjabi", "Bengali", "Arabic", "Romanian", "Somali", "Portuguese", "Gujarati", "Tigrinya",
        "Turkish", "Lithuanian", "British Sign Language", "Welsh", "Yoruba", "Igbo", "Twi", "Farsi", "Kurdish",
    ];

    public static readonly string[] SessionNotes =
    [
        "First visit: introductions and the assessment explained.",
        "Observed contact at the family centre.",
        "Discussed the chronology and the concerns in the threshold document.",
        "Explored support networks and the wider family.",
        "Session with the child using direct work tools.",
        "Reviewed progress against the written agreement.",
    ];

    public static readonly string[] Hopes =
    [
        "How an experienced assessor observes contact and turns what she sees into analysis for the court.",
        "How to plan a parenting assessment back from the filing date.",
        "How to talk with relatives about what a viability assessment involves.",
        "How to gather and record a child's wishes and feelings for a court report.",
        "How risk and protective factors are weighed in a specialist assessment.",
    ];

    public static readonly string[] Reflections =
    [
        "Watching the session showed me how much the child's play says about the relationship. I want to practise recording specific moments rather than impressions.",
        "I noticed how the assessor explained the purpose of each visit, which helped the parents engage. I will use this in my own visits.",
        "Seeing how questions were paced with a distressed parent was valuable for my ASYE learning about hard conversations.",
    ];

    public static readonly string[] IswComments =
    [
        "Good observation: next time, note what the parent does when the child turns away, as well as when they come close.",
        "A thoughtful reflection. Link it to the professional capabilities framework for your portfolio.",
        "Well noticed. We can talk about how this feeds into the analysis section.",
    ];
}
