using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// A lapsed compliance document suspends matching automatically on the day it lapses (DOMAIN.md).
/// Idempotent: only active members are suspended, so a second run finds nothing to do.
/// </summary>
public static class SuspendMembersWithLapsedDocuments
{
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(AppDbContext db, IClock clock) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var lapsed = await db.IswProfiles
                .Include(p => p.Documents)
                .Where(p => p.Status == PanelMemberStatus.Active)
                .Where(p => p.Documents.Any(d => d.ExpiresOn != null && d.ExpiresOn < today))
                .ToListAsync(cancellationToken);
            foreach (var member in lapsed)
            {
                var document = member.Documents.Where(d => d.ExpiresOn < today).OrderBy(d => d.ExpiresOn).First();
                member.Suspend(SuspensionCause.Compliance,
                    $"{document.Kind.DisplayName()} lapsed on {document.ExpiresOn!.Value.AddDays(1):d MMMM yyyy}.", clock.UtcNow, actor: null);
            }

            return lapsed.Count;
        }
    }
}

/// <summary>The Hangfire entry point: a scope per run, one request.</summary>
public sealed class LapsedDocumentsJob(IMediator mediator)
{
    public const string Id = "panel.suspend-lapsed-documents";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new SuspendMembersWithLapsedDocuments.Command(), cancellationToken);
}
