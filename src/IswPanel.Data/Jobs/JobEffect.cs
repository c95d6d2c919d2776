namespace IswPanel.Data.Jobs;

/// <summary>
/// A side effect a scheduled job has produced (a reminder sent, an offer expired), recorded under a unique key
/// in the same transaction as the change it belongs to. A second run, or a second server running the same sweep
/// at the same moment, fails to insert the key and so changes and sends nothing twice.
/// </summary>
public sealed class JobEffect
{
    public string Key { get; set; } = "";
    public DateTime At { get; set; }
}
