using IswPanel.Domain;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// The panel: each member applies, is vetted and (mostly) approved through <see cref="IswProfile"/>'s own methods,
/// then keeps their evidence current: insurance renewed every year and DBS certificates every three (each change
/// suspends them until an administrator verifies it, as in the application), DBS Update Service status checks and
/// Social Work England re-verification every year. Some let a document lapse and are suspended, some are suspended or
/// removed by an administrator, some are still applying, some were rejected.
/// </summary>
internal sealed partial class ScaleWorld
{
    private enum Fate
    {
        Active,
        LapsedAndSuspended,
        AwaitingVerification,
        SuspendedByAdministrator,
        Removed,
        UnderReview,
        InformationRequested,
        Rejected,
    }

    private static readonly double[] FateWeights = [80.5, 3.5, 0.8, 0.5, 2.7, 3.5, 1.5, 2.0];

    /// <summary>Candidates by (region, type): the panel members who cover the region and take the type.</summary>
    private List<int>[,] candidates = new List<int>[0, 0];

    /// <summary>Every type's candidates, whatever the region: the fallback when a region has nobody free.</summary>
    private List<int>[] nationalCandidates = [];

    private IReadOnlyList<ClientAuthorityTerms> clients = [];

    private void MakePanel()
    {
        clients = [.. authorities.Select(a => a.Terms)];
        var rng = new SeededRandom(options.Seed, "panel");
        var batch = new Batch();
        for (var n = 1; n <= options.Isws; n++)
        {
            MakeIsw(n, rng, batch);
            if (batch.IswProfiles.Count >= 1_000)
            {
                sink("panel", batch);
                batch = new Batch();
            }
        }
        if (batch.IswProfiles.Count > 0) sink("panel", batch);

        var regions = Enum.GetValues<EnglishRegion>().Length;
        candidates = new List<int>[regions, types.Count];
        nationalCandidates = new List<int>[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            nationalCandidates[t] = [];
            for (var r = 0; r < regions; r++) candidates[r, t] = [];
        }

        foreach (var isw in isws.Where(i => i.ApprovedAt != DateTime.MaxValue))
        {
            for (var t = 0; t < types.Count; t++)
            {
                if ((isw.TypeMask & (1UL << t)) == 0) continue;
                nationalCandidates[t].Add(isw.Index);
                foreach (var region in isw.Profile.RegionsCovered) candidates[(int)region, t].Add(isw.Index);
            }
        }
    }

    private void MakeIsw(int n, SeededRandom rng, Batch batch)
    {
        var fate = n == 1 ? Fate.Active : (Fate)rng.PickWeighted(FateWeights);
        var approved = fate <= Fate.Removed;
        var name = $"{rng.Pick(Vocabulary.GivenNames)} {rng.Pick(Vocabulary.Surnames)}";
        var background = (SocialWorkBackground)rng.PickWeighted([55, 20, 25]);
        var home = Vocabulary.Regions[rng.PickWeighted(Vocabulary.Regions.Select(r => r.Weight).ToArray())].Region;

        // When they applied and (for members) were approved.
        DateOnly approvedDay = default;
        DateTime approvedAt = DateTime.MaxValue;
        DateTime appliedAt;
        if (approved)
        {
            var daysAgo = rng.Chance(0.45) ? rng.Between(3 * 365, 6 * 365) : rng.Between(14, 3 * 365);
            if (fate is Fate.Removed or Fate.LapsedAndSuspended or Fate.SuspendedByAdministrator) daysAgo = Math.Max(daysAgo, 200);
            approvedDay = NextWorkingDay(today.AddDays(-daysAgo));
            if (approvedDay >= today) approvedDay = calendar.AddWorkingDays(today, -1);
            approvedAt = WorkTime(approvedDay, rng);
            appliedAt = WorkTime(NextWorkingDay(approvedDay.AddDays(-rng.Between(20, 70))), rng);
        }
        else
        {
            var daysAgo = fate == Fate.UnderReview ? rng.Between(2, 60) : rng.Between(20, 150);
            appliedAt = WorkTime(NextWorkingDay(today.AddDays(-daysAgo)), rng);
            if (appliedAt >= now) appliedAt = now.AddHours(-rng.Between(20, 60));
        }

        // Post-qualifying experience: at least five years at approval for every member; some applicants fall short.
        var reference = approved ? approvedDay : Day(appliedAt);
        var shortOfFive = (fate == Fate.Rejected && rng.Chance(0.5)) || (fate is Fate.UnderReview or Fate.InformationRequested && rng.Chance(0.15));
        var pqeYears = shortOfFive ? 3 + rng.NextDouble() * 1.8 : rng.Normal(11, 6, 5.1, 34);
        var qualifiedOn = reference.AddDays(-(int)(pqeYears * 365.25) - rng.Next(30));
        while (approved && PostQualifyingExperience.WholeYears(qualifiedOn, approvedDay) < PanelRules.MinimumPqeYearsToJoin)
            qualifiedOn = qualifiedOn.AddDays(-30);

        var accountAt = appliedAt.AddDays(-rng.Between(1, 21)).AddMinutes(-rng.Next(600));
        var user = NewUser($"isw{n}@scale.iswpanel.test", name, accountAt);
        batch.Users.Add(user);
        Grant(batch, user, Roles.Isw);
        var me = PersonOf(user, Roles.Isw);
        Audit(batch, accountAt, AuditActions.RoleAssigned, me, "User", user.Id, Roles.Isw);
        Audit(batch, accountAt, AuditActions.ApplicantAccountCreated, me, "User", user.Id);
        Audit(batch, accountAt.AddMinutes(rng.Between(2, 90)), AuditActions.ApplicantEmailConfirmed, me, "User", user.Id);

        var profile = IswProfile.Create(user.Id, name, user.Email!, $"SW{1_000_000 + n * 37 + rng.Next(37)}", qualifiedOn, background, appliedAt)
            .WithId(ids.At(appliedAt));
        var registration = profile.Documents[0].WithId(ids.At(appliedAt));
        Seeded.MoveDocument(registration, profile.Id);
        profile.SetContact(name, $"07700 900{rng.Next(1000):000}");

        var state = new IswState(isws.Count, profile, me) { Quality = rng.Normal(0.66, 0.17, 0.1, 1.0) };
        SetPractice(state, background, home, pqeYears, rng);
        var clientSpell = AddEmploymentHistory(state, fate, background, home, qualifiedOn, Day(appliedAt), approvedDay, rng);

        // References: the last employer's manager, and the agency that commissions their independent work (ongoing, so
        // it stays "recent" for every later vetting).
        var lastJob = profile.EmploymentHistory.Where(e => e.Kind == EmploymentKind.Permanent).MaxBy(e => e.StartedOn)!;
        var referees = new[]
        {
            profile.NameReferee($"{rng.Pick(Vocabulary.GivenNames)} {rng.Pick(Vocabulary.Surnames)}", $"referee{n}a@example.org",
                lastJob.EmployerName, rng.Chance(0.5) ? "Line manager" : "Team manager", true, lastJob.EndedOn, appliedAt),
            profile.NameReferee($"{rng.Pick(Vocabulary.GivenNames)} {rng.Pick(Vocabulary.Surnames)}", $"referee{n}b@example.org",
                rng.Pick(Vocabulary.IndependentAgencies), "Commissions my independent work", true, null, appliedAt),
        };
        foreach (var referee in referees)
        {
            referee.WithId(ids.At(appliedAt));
            Audit(batch, appliedAt, AuditActions.RefereeNamed, me, nameof(Referee), referee.Id);
        }

        var documents = new DocumentPlan(this, state, fate, rng, Day(appliedAt), approvedDay);
        documents.ProvideAtApplication(appliedAt, batch);
        profile.SubmitForReview(appliedAt, user.Id);
        // The application journey's record (started with the account; its answers became the profile on submission).
        var application = PanelApplication.Start(user.Id, accountAt).WithId(ids.At(accountAt));
        application.MarkSubmitted(profile.Id, appliedAt);
        batch.PanelApplications.Add(application);
        Audit(batch, appliedAt, AuditActions.ApplicationSubmitted, me, "IswProfile", profile.Id);

        var admin = rng.Pick(admins);
        var checkedAt = WorkTime(NextWorkingDay(Day(appliedAt).AddDays(rng.Between(5, 18))), rng);
        if (approved && checkedAt >= approvedAt.AddHours(-2)) checkedAt = approvedAt.AddHours(-3);
        var hasChecks = approved || (checkedAt < now && rng.Chance(0.6));
        if (hasChecks)
        {
            foreach (var (check, note) in new[] { (VettingCheck.Identity, "Passport and proof of address seen."), (VettingCheck.Interview, "Panel interview.") })
            {
                profile.RecordCheck(check, admin.Id, checkedAt, note).WithId(ids.At(checkedAt));
                Audit(batch, checkedAt, AuditActions.VettingCheckRecorded, admin, "IswProfile", profile.Id, check.ToString());
            }
        }

        var receivedOn = Day(checkedAt);
        foreach (var referee in referees)
        {
            if (!approved && (checkedAt >= now || !rng.Chance(0.6))) continue;
            var on = receivedOn.AddDays(-rng.Next(4));
            if (on < Day(appliedAt)) on = Day(appliedAt);
            referee.RecordReceived(on, admin.Id);
        }

        if (approved)
        {
            if (clientSpell is { } conflict) RecordWaiverIfNeeded(state, conflict, approvedDay, approvedAt, admin, batch, rng);
            var verifiedAt = approvedAt.AddMinutes(-rng.Between(10, 90));
            documents.VerifyAll(verifiedAt, admin, batch);
            profile.Approve(profile.Vet(clients, approvedDay), approvedAt, admin.Id);
            Audit(batch, approvedAt, AuditActions.MembershipChanged, admin, "IswProfile", profile.Id, "Approve: every vetting check passed.");
            state.ApprovedAt = approvedAt;
            documents.KeepCurrent(approvedAt, batch);
            FinalEvent(state, fate, documents, admin, batch, rng);
        }
        else
        {
            Decide(state, fate, hasChecks ? checkedAt : appliedAt, admin, documents, batch, rng);
        }

        if (profile.Status == PanelMemberStatus.Active && rng.Chance(0.15)) SetUnavailability(profile, rng);
        state.EarliestLapse = EarliestLapse(profile);
        ReadTimeline(state);
        Seeded.SetLoad(profile, ids.Token());

        // Children go to their own tables (timed separately); the profile keeps its owned history and unavailability.
        batch.IswProfiles.Add(profile);
        batch.ComplianceDocuments.AddRange(profile.Documents);
        batch.EmploymentRecords.AddRange(profile.EmploymentHistory);
        batch.Referees.AddRange(profile.Referees);
        batch.VettingRecords.AddRange(profile.VettingRecords);
        batch.Waivers.AddRange(profile.Waivers);
        profile.Documents.Clear();
        profile.EmploymentHistory.Clear();
        profile.Referees.Clear();
        profile.VettingRecords.Clear();
        profile.Waivers.Clear();
        isws.Add(state);
    }

    private void SetPractice(IswState state, SocialWorkBackground background, EnglishRegion home, double pqeYears, SeededRandom rng)
    {
        // How likely each background is to take each type, in catalogue order.
        double[] la = [0.8, 0.85, 0, 0.6, 0.55, 0.35, 0.3, 0.4, 0];
        double[] cafcass = [0.75, 0.6, 0, 0.7, 0.85, 0.1, 0.1, 0.7, 0];
        var codes = new List<string>();
        var skills = new List<string>();
        if (rng.Chance(0.18)) skills.Add(AssessmentTypeCatalogue.PamsTrained);
        if (rng.Chance(0.08)) skills.Add(Domain.Panel.SpecialSkills.SexualHarmRisk);
        if (rng.Chance(0.12)) skills.Add(Domain.Panel.SpecialSkills.DomesticAbuse);
        if (rng.Chance(0.25)) skills.Add(Domain.Panel.SpecialSkills.CourtExpertWitness);
        for (var t = 0; t < types.Count; t++)
        {
            var type = types[t];
            var chance = type.Code switch
            {
                "parenting-pams" => skills.Contains(AssessmentTypeCatalogue.PamsTrained) ? 0.9 : 0,
                "specialist-risk" => pqeYears >= 8 && skills.Any(s => s is Domain.Panel.SpecialSkills.SexualHarmRisk or Domain.Panel.SpecialSkills.DomesticAbuse) ? 0.85 : 0,
                _ => background switch
                {
                    SocialWorkBackground.LocalAuthority => la[t],
                    SocialWorkBackground.Cafcass => cafcass[t],
                    _ => Math.Max(la[t], cafcass[t]),
                },
            };
            if (rng.Chance(chance)) codes.Add(type.Code);
        }
        if (codes.Count < 2) codes = ["parenting", "viability", .. codes.Where(c => c is not ("parenting" or "viability"))];

        var regions = new List<EnglishRegion> { home };
        foreach (var neighbour in Vocabulary.Neighbours(home))
            if (rng.Chance(0.3)) regions.Add(neighbour);
        var languages = new List<string> { "English" };
        if (rng.Chance(0.2)) languages.Add(rng.Pick(Vocabulary.OtherLanguages));
        var area = rng.Pick(Vocabulary.PostcodeAreas(home));
        var capacity = rng.PickWeighted([60, 14, 8, 10, 6, 2]) switch { 0 => 4, 1 => 3, 2 => 2, 3 => 5, 4 => 6, _ => 8 };
        var rate = Math.Round((decimal)Math.Clamp(44 + pqeYears * 0.9 + rng.Normal(0, 5, -12, 12), 42, 95) * 2, MidpointRounding.AwayFromZero) / 2;
        state.Profile.SetPractice(codes, skills, regions, languages, $"{area.Area}{rng.Between(1, area.Max)}", 10 + 5 * rng.Next(15), capacity, rate);

        foreach (var skill in skills) state.Skills.Add(skill);
        for (var t = 0; t < types.Count; t++)
            if (codes.Contains(types[t].Code)) state.TypeMask |= 1UL << t;
    }

    /// <summary>
    /// The employment history vetting reads: permanent posts before going independent, sometimes at a client authority
    /// (non-solicitation), sometimes agency or locum work for one since (which never counts). Returns the client
    /// authority of a permanent post that still conflicts on the approval day, if any (it then needs a waiver).
    /// </summary>
    private (AuthorityState Authority, EmploymentRecord Record)? AddEmploymentHistory(IswState state, Fate fate, SocialWorkBackground background,
        EnglishRegion home, DateOnly qualifiedOn, DateOnly appliedOn, DateOnly approvedDay, SeededRandom rng)
    {
        var profile = state.Profile;
        var stillEmployed = fate is Fate.UnderReview or Fate.InformationRequested or Fate.Rejected && rng.Chance(0.3);
        DateOnly? lastEnd = stillEmployed ? null : appliedOn.AddDays(-rng.Between(20, 6 * 365));
        var earliestEnd = qualifiedOn.AddYears(3);
        if (lastEnd is { } end && end < earliestEnd) lastEnd = earliestEnd < appliedOn ? earliestEnd : appliedOn.AddDays(-1);

        AuthorityState? client = null;
        var atClient = rng.Chance(fate is Fate.UnderReview or Fate.Rejected ? 0.45 : 0.3);
        if (atClient)
        {
            var local = authorities.Where(a => a.Region == home).ToList();
            client = local.Count > 0 && rng.Chance(0.7) ? rng.Pick(local) : rng.Pick(authorities);
            // Members mostly left long enough ago; some recently, with a waiver where the contract allows one.
            if (fate <= Fate.Removed && lastEnd is { } left)
            {
                var conflicted = NonSolicitation.FreeFrom(left, client.Entity.Contract.NonSolicitationMonths) > approvedDay;
                if (conflicted && !(client.Entity.Contract.WaiversAllowed && rng.Chance(0.5)))
                    lastEnd = approvedDay.AddMonths(-client.Entity.Contract.NonSolicitationMonths).AddDays(-rng.Between(1, 400));
            }
        }

        var employer = client?.Entity.Name
            ?? (background == SocialWorkBackground.Cafcass ? "Cafcass" : rng.Pick(Vocabulary.OtherEmployers));
        var startedOn = (lastEnd ?? appliedOn).AddDays(-rng.Between(2 * 365, 10 * 365));
        if (startedOn < qualifiedOn) startedOn = qualifiedOn.AddDays(rng.Next(60));
        if (lastEnd is { } e2 && e2 < startedOn) lastEnd = startedOn.AddDays(365);
        var role = rng.Pick(Vocabulary.PermanentRoles);
        var record = profile.AddEmployment(client?.Id, employer, role, EmploymentKind.Permanent, startedOn, lastEnd).WithId(ids.At(now.AddYears(-7)));

        if (startedOn > qualifiedOn.AddYears(2) && rng.Chance(0.5))
        {
            var earlierEnd = startedOn.AddDays(-rng.Between(1, 60));
            var earlierStart = earlierEnd.AddDays(-rng.Between(365, 5 * 365));
            if (earlierStart < qualifiedOn) earlierStart = qualifiedOn;
            profile.AddEmployment(null, rng.Pick(Vocabulary.OtherEmployers), rng.Pick(Vocabulary.PermanentRoles), EmploymentKind.Permanent,
                earlierStart, earlierEnd).WithId(ids.At(now.AddYears(-7)));
        }

        // Locum work for a client authority since going independent: recorded, and never a conflict.
        if (lastEnd is { } independentSince && rng.Chance(0.12) && appliedOn.DayNumber - independentSince.DayNumber > 200)
        {
            var locumStart = independentSince.AddDays(rng.Between(30, appliedOn.DayNumber - independentSince.DayNumber - 150));
            var locumAuthority = rng.Pick(authorities);
            profile.AddEmployment(locumAuthority.Id, locumAuthority.Entity.Name, "Locum social worker", EmploymentKind.AgencyOrLocum,
                locumStart, locumStart.AddDays(rng.Between(60, 120))).WithId(ids.At(now.AddYears(-7)));
        }

        if (client is null) return null;
        state.ClientSpells.Add(EmploymentSpell.From(record));
        return NonSolicitation.ConflictWith(client.Terms, [EmploymentSpell.From(record)], approvedDay == default ? appliedOn : approvedDay) is null
            ? null
            : (client, record);
    }

    private void RecordWaiverIfNeeded(IswState state, (AuthorityState Authority, EmploymentRecord Record) conflict, DateOnly approvedDay,
        DateTime approvedAt, Person admin, Batch batch, SeededRandom rng)
    {
        var grantedOn = approvedDay.AddDays(-rng.Between(3, 15));
        var recordedAt = approvedAt.AddHours(-rng.Between(2, 20));
        var authority = conflict.Authority;
        var grantedBy = $"{rng.Pick(authority.Commissioners).Name}, Head of Service";
        state.Profile.RecordWaiver(authority.Terms, grantedBy, grantedOn, $"NSW-{authority.Prefix}-{grantedOn.Year}-{rng.Between(1, 999):000}",
            null, admin.Id, recordedAt, Day(recordedAt)).WithId(ids.At(recordedAt));
        Audit(batch, recordedAt, AuditActions.WaiverRecorded, admin, "IswProfile", state.Id, $"authority {authority.Id}");
    }

    /// <summary>Applicants who were not (yet) approved: still under review, asked for more, or rejected.</summary>
    /// <param name="since">When the application was submitted, or its checks recorded: the decision comes after.</param>
    private void Decide(IswState state, Fate fate, DateTime since, Person admin, DocumentPlan documents, Batch batch, SeededRandom rng)
    {
        var profile = state.Profile;
        var decidedAt = WorkTime(NextWorkingDay(Day(since).AddDays(rng.Between(5, 30))), rng);
        if (decidedAt >= now) decidedAt = now.AddHours(-rng.Between(2, 30));
        if (decidedAt <= since) decidedAt = since.AddHours(1);
        if (decidedAt >= now) return;
        if (fate != Fate.UnderReview || rng.Chance(0.5)) documents.VerifySome(decidedAt.AddMinutes(-30), admin, batch);
        switch (fate)
        {
            case Fate.InformationRequested:
                var request = rng.Pick(Vocabulary.InformationRequests);
                profile.RequestMoreInformation(request, decidedAt, admin.Id);
                Audit(batch, decidedAt, AuditActions.MembershipChanged, admin, "IswProfile", profile.Id, $"RequestInformation: {request}");
                break;
            case Fate.Rejected:
                var vetting = profile.Vet(clients, Day(decidedAt));
                var reason = !vetting.Outcome(VettingCheck.Pqe).Passed ? Vocabulary.RejectionReasons[0]
                    : !vetting.Outcome(VettingCheck.NonSolicitation).Passed ? Vocabulary.RejectionReasons[1]
                    : rng.Pick(Vocabulary.RejectionReasons.Skip(2).ToList());
                profile.Reject(reason, decidedAt, admin.Id);
                Audit(batch, decidedAt, AuditActions.MembershipChanged, admin, "IswProfile", profile.Id, $"Reject: {reason}");
                break;
        }
    }

    /// <summary>How a member's story ends (so far): a lapse and automatic suspension, an administrator's suspension, removal.</summary>
    private static void FinalEvent(IswState state, Fate fate, DocumentPlan documents, Person admin, Batch batch, SeededRandom rng)
    {
        var profile = state.Profile;
        switch (fate)
        {
            case Fate.LapsedAndSuspended when documents.Lapse is { } lapse && profile.Status == PanelMemberStatus.Active:
                // The hourly sweep suspends early on the day the document lapses (SuspendMembersWithLapsedDocuments).
                var at = lapse.On.ToDateTime(new TimeOnly(0, 5), DateTimeKind.Utc).AddMinutes(rng.Next(60));
                var reason = $"{lapse.Kind.DisplayName()} lapsed on {Show(lapse.On)}.";
                profile.Suspend(SuspensionCause.Compliance, reason, at, null);
                Audit(batch, at, AuditActions.MembershipChanged, null, "IswProfile", profile.Id, $"Suspended automatically: {reason}");
                break;
            case Fate.SuspendedByAdministrator when profile.Status == PanelMemberStatus.Active:
                var suspendedAt = documents.EndOfStory;
                var why = rng.Pick(Vocabulary.AdministratorSuspensions);
                profile.Suspend(SuspensionCause.Administrator, why, suspendedAt, admin.Id);
                Audit(batch, suspendedAt, AuditActions.MembershipChanged, admin, "IswProfile", profile.Id, $"Suspend: {why}");
                break;
            case Fate.Removed when profile.Status is PanelMemberStatus.Active or PanelMemberStatus.Suspended:
                var removedAt = documents.EndOfStory;
                var because = rng.Pick(Vocabulary.RemovalReasons);
                profile.Remove(because, removedAt, admin.Id);
                Audit(batch, removedAt, AuditActions.MembershipChanged, admin, "IswProfile", profile.Id, $"Remove: {because}");
                break;
        }
    }

    private void SetUnavailability(IswProfile profile, SeededRandom rng)
    {
        var from = today.AddDays(rng.Between(-20, 100));
        var periods = new List<UnavailablePeriod> { new(from, from.AddDays(rng.Between(3, 21)), rng.Chance(0.7) ? "Annual leave" : "Training") };
        if (rng.Chance(0.3))
        {
            var second = periods[0].To.AddDays(rng.Between(20, 90));
            periods.Add(new UnavailablePeriod(second, second.AddDays(rng.Between(2, 10)), "Annual leave"));
        }
        profile.SetUnavailability(periods);
    }

    /// <summary>The first day one of registration, DBS or insurance stops counting (as the shortlist works it out).</summary>
    private DateOnly EarliestLapse(IswProfile profile)
    {
        var earliest = DateOnly.MaxValue;
        foreach (var kind in new[] { ComplianceDocumentKind.SocialWorkEnglandRegistration, ComplianceDocumentKind.EnhancedDbs, ComplianceDocumentKind.IndemnityInsurance })
        {
            var lapse = profile.Document(kind) is { } document
                ? document.ExpiresOn is { } expires ? expires.AddDays(1) : DateOnly.MaxValue
                : today;
            if (lapse < earliest) earliest = lapse;
        }
        return earliest;
    }

    /// <summary>When the member could be matched, read back from their membership history.</summary>
    private static void ReadTimeline(IswState state)
    {
        DateTime? suspendedFrom = null;
        foreach (var step in state.Profile.History)
        {
            if (step.To == PanelMemberStatus.Suspended) suspendedFrom = step.At;
            else if (step.From == PanelMemberStatus.Suspended && suspendedFrom is { } from)
            {
                state.Suspensions.Add((from, step.At));
                suspendedFrom = null;
            }
            if (step.To == PanelMemberStatus.Removed) state.RemovedAt = step.At;
        }
        if (suspendedFrom is { } open && state.RemovedAt == DateTime.MaxValue) state.Suspensions.Add((open, DateTime.MaxValue));
    }
}
