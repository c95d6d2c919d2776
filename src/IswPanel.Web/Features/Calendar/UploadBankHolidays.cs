using System.Text;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Calendar;

/// <summary>
/// An administrator uploads GOV.UK's bank-holidays.json (from https://www.gov.uk/bank-holidays.json) when the shipped
/// list is running out. Its England and Wales holidays replace the years the file covers; the shipped list supplies
/// the rest. A file that is not GOV.UK's format, lacks England and Wales, would leave a year without holidays, or
/// would know fewer years than the calendar in force is refused with the reason, and nothing changes. An accepted
/// file is kept (the newest upload is the one in force), audited, and in force on this instance as soon as it is
/// saved (<see cref="CalendarSource"/>); other instances follow within minutes.
/// </summary>
public static class UploadBankHolidays
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The request limit: above the file limit, so a file just over it still gets the friendly message.</summary>
    public const long RequestLimit = 2 * MaxBytes;

    public const string TooLargeMessage = "The selected file must be smaller than 1 MB";

    public sealed record Command : ICommand<Result<Outcome>>
    {
        public IFormFile? File { get; init; }
    }

    /// <param name="FirstYear">The first year working days are now known for.</param>
    /// <param name="LastYear">The last year working days are now known for.</param>
    /// <param name="UploadedFirstYear">The first year the file itself covers.</param>
    /// <param name="UploadedLastYear">The last year the file itself covers.</param>
    public sealed record Outcome(int FirstYear, int LastYear, int UploadedFirstYear, int UploadedLastYear);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).Custom((file, context) =>
            {
                if (Precheck(file) is { } problem) context.AddFailure(nameof(Command.File), problem);
            });
        }
    }

    /// <summary>What is wrong with the file before it is read, or null.</summary>
    public static string? Precheck(IFormFile? file)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) return "Select the bank-holidays.json file you downloaded from GOV.UK";
        if (file.Length == 0) return "The selected file is empty";
        if (file.Length > MaxBytes) return TooLargeMessage;
        return null;
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit, CalendarSource source)
        : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (Precheck(command.File) is { } problem) return Failure.Invalid(nameof(Command.File), problem);
            var uploader = me.UserId ?? throw new InvalidOperationException("Only a signed-in administrator can upload bank holidays.");

            var bytes = await ReadAsync(command.File!, cancellationToken);
            if (bytes is null) return Failure.Invalid(nameof(Command.File), TooLargeMessage);

            BankHolidayList uploaded, merged;
            try
            {
                // From the bytes: bytes that are not UTF-8 are "not valid JSON", like any other broken file.
                using (var json = new MemoryStream(bytes, writable: false))
                    uploaded = BankHolidays.Parse(json, BankHolidays.EnglandAndWalesDivision);
                merged = CalendarSource.Merge(uploaded);
            }
            catch (DomainException refused)
            {
                return Failure.Invalid(nameof(Command.File), refused.Message);
            }

            var inForce = source.Current;
            if (merged.LastYear < inForce.LastYear)
            {
                return Failure.Invalid(nameof(Command.File),
                    $"The file covers {uploaded.FirstYear} to {uploaded.LastYear}, but bank holidays are already known up to {inForce.LastYear}. "
                    + "Download the newest bank-holidays.json from GOV.UK and upload that.");
            }

            var upload = new BankHolidayUpload
            {
                UploadedAt = clock.UtcNow,
                UploadedByUserId = uploader,
                Json = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'),
                FirstYear = uploaded.FirstYear,
                LastYear = uploaded.LastYear,
            };
            db.BankHolidayUploads.Add(upload);
            audit.Add(AuditActions.BankHolidaysUploaded, nameof(BankHolidayUpload), upload.Id.ToString(),
                $"England and Wales {uploaded.FirstYear} to {uploaded.LastYear}, {uploaded.Holidays.Count} holidays; working days now known for {merged.FirstYear} to {merged.LastYear}");

            // In force here once the unit of work has saved it, and never if the save fails.
            void PutInForce(object? sender, SavedChangesEventArgs e)
            {
                Forget();
                source.Use(upload.Id, merged);
            }

            void Failed(object? sender, SaveChangesFailedEventArgs e) => Forget();

            void Forget()
            {
                db.SavedChanges -= PutInForce;
                db.SaveChangesFailed -= Failed;
            }

            db.SavedChanges += PutInForce;
            db.SaveChangesFailed += Failed;
            return new Outcome(merged.FirstYear, merged.LastYear, uploaded.FirstYear, uploaded.LastYear);
        }

        /// <summary>The file's bytes, or null when it turns out larger than allowed.</summary>
        private static async Task<byte[]?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes) return null;
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
