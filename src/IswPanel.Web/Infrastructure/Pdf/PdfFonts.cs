using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace IswPanel.Web.Infrastructure.Pdf;

/// <summary>Section "Pdf".</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>
    /// A folder holding the TrueType font for PDFs (searched with its subfolders). Unset: the system font folders
    /// (/usr/share/fonts and the like), where Debian's fonts-liberation or fonts-dejavu-core put theirs.
    /// </summary>
    public string? FontDirectory { get; set; }
}

/// <summary>The regular and bold font files PDFs are written with.</summary>
public sealed record PdfFontFiles(string Regular, string Bold);

/// <summary>
/// PDFsharp 6 on Linux has no fonts of its own: it asks an <see cref="IFontResolver"/> for the bytes of every font
/// it uses. IswPanel writes PDFs in one family, <see cref="Family"/>, read from a TrueType file found at start-up:
/// Liberation Sans (metric-compatible with Arial), else DejaVu Sans, else Arial. No font file is committed; the
/// Dockerfile and .ci/run install fonts-liberation. When none is found, <see cref="Problem"/> says what to do; the
/// start-up banner and /health/ready (Degraded) show it, and the PDF routes answer 503 with it.
/// </summary>
public sealed class PdfFonts
{
    public const string Family = "IswPanel Sans";

    private static readonly (string Regular, string Bold)[] KnownFaces =
    [
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
    ];

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        AttributesToSkip = FileAttributes.System,
    };

    // PDFsharp's resolver is process-wide and may be set only once (or again to the same instance).
    private static readonly Lock Gate = new();
    private static FaceResolver? registered;

    public PdfFonts(IOptions<PdfOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.FontDirectory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Files = Directory.Exists(configured) ? Find([configured], anyTrueType: true) : null;
            Problem = Files is not null ? null
                : $"No TrueType font (.ttf) was found in Pdf:FontDirectory \"{configured}\". Put LiberationSans-Regular.ttf and " +
                  "LiberationSans-Bold.ttf there, or remove the setting and install the fonts-liberation package.";
        }
        else
        {
            Files = Find(SystemFontDirectories(), anyTrueType: false);
            Problem = Files is not null ? null
                : "No font for PDFs was found in the system font folders (/usr/share/fonts and the like). Install the " +
                  "fonts-liberation package (Debian: apt-get install fonts-liberation), or set Pdf:FontDirectory to a folder " +
                  "holding LiberationSans-Regular.ttf and LiberationSans-Bold.ttf.";
        }
    }

    /// <summary>The font files found, or null.</summary>
    public PdfFontFiles? Files { get; }

    /// <summary>Why PDFs cannot be written, or null when they can.</summary>
    public string? Problem { get; }

    /// <summary>Makes PDFsharp use <see cref="Family"/>; throws with <see cref="Problem"/> when no font was found.</summary>
    public void EnsureRegistered()
    {
        if (Files is null) throw new InvalidOperationException(Problem);
        lock (Gate)
        {
            if (registered is not null) return;
            registered = new FaceResolver(Files);
            GlobalFontSettings.FontResolver = registered;
        }
    }

    private static IEnumerable<string> SystemFontDirectories()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] candidates =
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(home, ".local", "share", "fonts"),
            Path.Combine(home, ".fonts"),
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
            "/Library/Fonts",
            "/System/Library/Fonts/Supplemental",
        ];
        return candidates.Where(d => d.Length > 0 && Directory.Exists(d));
    }

    private static PdfFontFiles? Find(IEnumerable<string> directories, bool anyTrueType)
    {
        var files = directories.SelectMany(d => Directory.EnumerateFiles(d, "*.ttf", Recursive))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        string? Named(string name) => files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
        foreach (var (regular, bold) in KnownFaces)
        {
            if (Named(regular) is { } regularFile) return new PdfFontFiles(regularFile, Named(bold) ?? regularFile);
        }

        return anyTrueType && files.Count > 0 ? new PdfFontFiles(files[0], files[0]) : null;
    }

    /// <summary>Every request, whatever the family, gets our regular or bold face; italic is simulated.</summary>
    private sealed class FaceResolver(PdfFontFiles files) : IFontResolver
    {
        private const string RegularFace = "iswpanel-regular";
        private const string BoldFace = "iswpanel-bold";
        private readonly Lazy<byte[]> regular = new(() => File.ReadAllBytes(files.Regular));
        private readonly Lazy<byte[]> bold = new(() => File.ReadAllBytes(files.Bold));

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[]? GetFont(string faceName) => faceName switch
        {
            RegularFace => regular.Value,
            BoldFace => bold.Value,
            _ => null,
        };
    }
}

/// <summary>/health/ready: Degraded (still serving, but no PDFs) when no font was found, with what to do.</summary>
public sealed class PdfFontsHealthCheck(PdfFonts fonts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(fonts.Files is { } files
            ? HealthCheckResult.Healthy($"PDF font: {files.Regular}")
            : HealthCheckResult.Degraded(fonts.Problem));
}
