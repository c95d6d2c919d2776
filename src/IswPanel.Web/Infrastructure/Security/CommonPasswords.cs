using System.Collections.Frozen;
using IswPanel.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords that attackers try first. The lists come from the zxcvbn-core package (MIT): its ranked
/// list of the 30,000 most common passwords and its English word list, embedded in the package's assembly.
/// A password is refused when, ignoring case, it is on the password list, or is a listed password or an
/// English word with only digits and symbols around it ("Sunshine2024!", "!!internationalisation1").
/// Loaded once; a check is a few hash-set look-ups.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Message = "This password is too common. Choose a different one.";

    /// <summary>Words shorter than this are not matched once decoration is stripped ("cat" + 9 digits is not "common").</summary>
    private const int MinimumWordLength = 6;

    private static readonly Lazy<FrozenSet<string>> Passwords = new(() => Load("passwords.lst", 1));
    private static readonly Lazy<FrozenSet<string>> Words = new(() => Load("english.lst", MinimumWordLength));

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Passwords.Value.Contains(lower)) return true;

        var core = lower.Trim(Decoration);
        if (core.Length == 0) return true; // nothing but digits and symbols
        if (core.Length < MinimumWordLength) return false;
        return Passwords.Value.Contains(core) || Words.Value.Contains(core) || Words.Value.Contains(Unleet(core)) || Passwords.Value.Contains(Unleet(core));
    }

    private static readonly char[] Decoration = [.. "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~£ "];

    private static string Unleet(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = source[i] switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                '$' => 's',
                _ => source[i],
            };
    });

    private static FrozenSet<string> Load(string list, int minimumLength)
    {
        var assembly = typeof(global::Zxcvbn.Matcher.DictionaryMatcher).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + list, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"zxcvbn-core no longer embeds {list}.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim().ToLowerInvariant();
            if (word.Length >= minimumLength) words.Add(word);
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
