using System.Globalization;

namespace IswPanel.Web.Infrastructure.Text;

/// <summary>Reads amounts of money typed into forms: "60", "62.50", "£62.50", "1,000"; at most 2 decimal places.</summary>
public static class Money
{
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var clean = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
               && decimal.Round(amount, 2) == amount;
    }

    public static decimal Parse(string text) =>
        TryParse(text, out var amount) ? amount : throw new FormatException($"'{text}' is not an amount of money.");
}
