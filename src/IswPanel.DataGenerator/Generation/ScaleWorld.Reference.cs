using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.DataGenerator.Generation;

/// <summary>Roles, the assessment-type catalogue, the QA rubric, the agency's staff, and the client authorities.</summary>
internal sealed partial class ScaleWorld
{
    /// <summary>When the panel began: six years before today, before the oldest member joined.</summary>
    private DateTime PanelStart => today.AddYears(-6).AddDays(-150).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

    private void MakeReferenceData(Batch batch)
    {
        passwordHash = HashPassword(options.Password);
        var start = PanelStart;
        foreach (var name in Roles.All)
        {
            var role = new AppRole(name) { Id = ids.At(start), ConcurrencyStamp = ids.Token().ToString() };
            roles[name] = role;
            batch.Roles.Add(role);
        }

        // The same catalogue and rubric the application seeds on first start (DatabaseInitializer), with seeded ids.
        foreach (var type in AssessmentTypeCatalogue.Defaults())
            types.Add(type.WithId(ids.At(start)));
        batch.AssessmentTypes.AddRange(types);
        for (var i = 0; i < RubricCriterion.Defaults.Count; i++)
        {
            var (name, description) = RubricCriterion.Defaults[i];
            rubric.Add(RubricCriterion.Create(name, description, (i + 1) * 10).WithId(ids.At(start)));
        }
        batch.RubricCriteria.AddRange(rubric);
    }

    /// <summary>
    /// PBKDF2 as ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (format version 3: HMAC-SHA512, 100,000
    /// iterations, 128-bit salt, 256-bit key) but with a salt drawn from the seed, so the hash is reproducible too.
    /// Computed once; every generated account shares it.
    /// </summary>
    private string HashPassword(string password)
    {
        const int iterations = 100_000;
        var salt = Convert.FromHexString(ids.Hex(16));
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, 32);
        var output = new byte[13 + salt.Length + key.Length];
        output[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), 2); // KeyDerivationPrf.HMACSHA512
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(output, 13);
        key.CopyTo(output, 13 + salt.Length);
        var hash = Convert.ToBase64String(output);
        if (new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), hash, password) == PasswordVerificationResult.Failed)
            throw new InvalidOperationException("The generated password hash is not one Identity accepts.");
        return hash;
    }

    private void MakeStaff(Batch batch)
    {
        var start = PanelStart;
        var adminCount = Math.Clamp(options.Isws / 1500, 2, 8);
        var reviewerCount = Math.Clamp(options.Isws / 800, 2, 12);
        for (var i = 1; i <= adminCount + reviewerCount; i++)
        {
            var isAdmin = i <= adminCount;
            var number = isAdmin ? i : i - adminCount;
            var name = $"{random.Pick(Vocabulary.GivenNames)} {random.Pick(Vocabulary.Surnames)}";
            var email = isAdmin ? $"admin{number}@scale.iswpanel.test" : $"qa{number}@scale.iswpanel.test";
            var user = NewUser(email, name, start.AddDays(random.Next(30)));
            var role = isAdmin ? Roles.PanelAdmin : Roles.QaReviewer;
            batch.Users.Add(user);
            Grant(batch, user, role);
            var person = PersonOf(user, role);
            (isAdmin ? admins : reviewers).Add(person);
            if (i > 1)
            {
                Audit(batch, user.CreatedAt, AuditActions.UserInvited, admins[0], "User", user.Id, $"role {role}");
                Audit(batch, user.CreatedAt, AuditActions.RoleAssigned, admins[0], "User", user.Id, role);
            }
            Audit(batch, user.CreatedAt.AddHours(2), AuditActions.PasswordSet, person, "User", user.Id, "Invitation");
        }

        Logins.Add(("Panel administrator", admins[0].Email, admins[0].Name));
        Logins.Add(("QA reviewer", reviewers[0].Email, reviewers[0].Name));
    }

    private void MakeAuthorities(Batch batch)
    {
        var places = Vocabulary.Places().ToList();
        // A seeded shuffle, so the names are spread over the pool whatever the count.
        for (var i = places.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (places[i], places[j]) = (places[j], places[i]);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var regionWeights = Vocabulary.Regions.Select(r => r.Weight).ToArray();
        for (var i = 0; i < options.Authorities; i++)
        {
            var region = Vocabulary.Regions[random.PickWeighted(regionWeights)].Region;
            var place = places[i % places.Count];
            if (i >= places.Count) place += $" {1 + i / places.Count}";
            var (name, onsPrefix) = region == EnglishRegion.London
                ? ($"London Borough of {place}", "E09")
                : random.PickWeighted([20, 25, 20, 20, 15]) switch
                {
                    0 => ($"{place}shire County Council", "E10"),
                    1 => ($"{place} City Council", "E06"),
                    2 => ($"{place} Borough Council", "E06"),
                    3 => ($"{place} Metropolitan Borough Council", "E08"),
                    _ => ($"{place} Council", "E06"),
                };
            if (!names.Add(name)) name = $"{name} ({i + 1})";

            var grade = (OfstedGrade)(1 + random.PickWeighted([14, 46, 29, 11]));
            DateOnly? inspected = today.AddDays(-random.Between(30, 1270));
            if (random.Chance(0.03))
            {
                grade = OfstedGrade.NotYetInspected;
                inspected = null;
            }

            var contract = AuthorityContract.Create(
                nonSolicitationMonths: random.PickWeighted([70, 10, 10, 10]) switch { 0 => 12, 1 => 6, 2 => 18, _ => 24 },
                waiversAllowed: random.Chance(0.4),
                commissionerApprovesIsw: random.Chance(0.3),
                maxShadowersPerSession: random.Chance(0.85) ? 1 : 2);
            var createdAt = PanelStart.AddDays(random.Next(60));
            var authority = Authority.Create(name, $"{onsPrefix}{i + 1:000000}", region, grade, inspected, contract).WithId(ids.At(createdAt));
            batch.Authorities.Add(authority);
            Audit(batch, createdAt, AuditActions.AuthorityCreated, admins[0], "Authority", authority.Id, name);

            var slug = Slug(name);
            var prefix = new string([.. place.Where(char.IsLetter).Take(3)]).ToUpperInvariant();
            var state = new AuthorityState(i, authority, slug, prefix, Math.Exp(random.Normal(0, 0.55, -1.5, 1.5)));
            state.ShadowerPool = random.Between(2, 6);
            authorities.Add(state);

            var commissioners = Math.Clamp((int)Math.Round(state.Weight * 2), 1, 4);
            for (var k = 1; k <= commissioners; k++)
            {
                var invitedAt = createdAt.AddDays(random.Between(1, 20)).AddMinutes(random.Next(600));
                var user = NewUser($"commissioner{k}@{slug}.scale.iswpanel.test",
                    $"{random.Pick(Vocabulary.GivenNames)} {random.Pick(Vocabulary.Surnames)}", invitedAt, authority.Id);
                batch.Users.Add(user);
                Grant(batch, user, Roles.Commissioner);
                var person = PersonOf(user, Roles.Commissioner);
                state.Commissioners.Add(person);
                Audit(batch, invitedAt, AuditActions.RoleAssigned, admins[0], "User", user.Id, Roles.Commissioner);
                Audit(batch, invitedAt, AuditActions.UserInvited, admins[0], "User", user.Id, $"role {Roles.Commissioner}");
                Audit(batch, invitedAt.AddHours(random.Between(1, 48)), AuditActions.PasswordSet, person, "User", user.Id, "Invitation");
            }
        }

        var first = authorities[0].Commissioners[0];
        Logins.Add(($"Commissioner, {authorities[0].Entity.Name}", first.Email, first.Name));
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}
