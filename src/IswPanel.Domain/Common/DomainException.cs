namespace IswPanel.Domain.Common;

/// <summary>
/// A rule of the domain refused an operation. The message is fit to show to the user; the optional
/// field names the input it concerns, so a form can show the message beside it.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
