using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Calendar;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Retention;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.DemoData;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Health;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure;

/// <summary>Everything the app registers, in one place, in the order a reader needs it.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddIswPanel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, UkClock>();
        // WorkingDayCalendar is per scope, from the one CalendarSource (shipped list + newest administrator upload).
        services.AddWorkingDayCalendar(configuration);
        services.AddScoped<Features.Requests.MilestonePlanner>();
        services.AddScoped<Features.Offers.OfferWindows>();
        services.AddScoped<Features.Offers.OfferCascade>();
        services.AddScoped<Features.Matching.Shortlister>();
        services.Configure<Features.Matching.MatchingOptions>(configuration.GetSection(Features.Matching.MatchingOptions.Section));
        services.AddScoped<Infrastructure.Notifications.Notifier>();
        services.Configure<Features.Invoices.InvoicingOptions>(configuration.GetSection(Features.Invoices.InvoicingOptions.Section));
        services.Configure<Pdf.PdfOptions>(configuration.GetSection(Pdf.PdfOptions.Section));
        services.AddSingleton<Pdf.PdfFonts>();
        services.AddSingleton<Features.Insight.EvidencePackPdf>();
        services.AddMemoryCache();
        services.Configure<Features.Insight.InsightOptions>(configuration.GetSection(Features.Insight.InsightOptions.Section));
        services.AddSingleton<Features.Insight.InsightCache>();
        services.Configure<Paging.ListOptions>(configuration.GetSection(Paging.ListOptions.Section));
        services.AddSingleton<Paging.LargeTotals>();
        services.AddDeadlineSweeps(configuration);
        services.AddRetention(configuration);
        services.AddScoped<EmailOutbox>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));

        var database = DatabaseSettings.Resolve(configuration, builder.Environment);
        services.AddSingleton(database);
        services.AddSingleton(database.Paths);
        services.AddDbContextPool<AppDbContext>(options => options.UseIswPanelDatabase(database.Provider, database.ConnectionString));

        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        AddIdentity(services, security);
        services.AddIswPanelRateLimits(security.RateLimits);
        AddMvcAndApi(services, builder.Environment.IsDevelopment());

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<LostRace>();
        services.AddScoped<DeferredSaves>();
        services.AddScoped<RowLocks>();
        services.AddSingleton<RequestTurns>();

        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<PublicLinks>();
        services.AddScoped<Features.Admin.Invitations>();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddScoped<DemoDataSeeder>();
        Files.FileServices.AddFileStorage(services);

        services.AddIswPanelHangfire(configuration, database.Provider, database.ConnectionString, database.Paths);

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"])
            .AddCheck<Pdf.PdfFontsHealthCheck>("pdf-fonts", tags: ["ready"]);
        return builder;
    }

    private static void AddIdentity(IServiceCollection services, SecurityOptions security)
    {
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = false;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] =
                    new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<UserSessions>();
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = security.InvitationLifetime);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = Cookies.Session;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.Path = "/";
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            // The server-side session enforces the idle and absolute timeouts and records which ended it (ADR 0009);
            // the ticket itself never outlives the absolute timeout, on the same (injectable) clock.
            options.ExpireTimeSpan = security.AbsoluteTimeout;
            options.SlidingExpiration = false;
            options.Events.OnValidatePrincipal = SessionValidation.ValidateCookieAsync;
            options.Events.OnRedirectToLogin = RejectApiRedirects(StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = RejectApiRedirects(StatusCodes.Status403Forbidden);
        });

        Cookies.SecureIdentityCookies(services);
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionValidation.KeepSessionClaims);

        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = security.ApiTokenLifetime);
        if (IdentityConstants.BearerScheme != ApiAuthentication.Scheme)
            throw new InvalidOperationException("ApiAuthentication.Scheme must match IdentityConstants.BearerScheme.");

        // Keys in the application database: sign-ins survive a restart and every instance reads the same keys.
        services.AddDataProtection().SetApplicationName("IswPanel").PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, TwoFactorRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
    }

    /// <summary>The API never redirects to the sign-in page; it answers 401/403.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, Task> RejectApiRedirects(int status) =>
        context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
                context.Response.StatusCode = status;
            else
                context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };

    private static void AddMvcAndApi(IServiceCollection services, bool development)
    {
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddControllersWithViews(options =>
            {
                options.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Enter a value.");
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, _) => "Enter a valid value.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(_ => "Enter a valid value.");
                options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "Enter a number.");
                options.Filters.Add<AuditRefusalsFilter>();
            })
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
                options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ErrorReference.AddToProblem);
        services.AddExceptionHandler<LogWithErrorReference>();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IswPanel API";
            document.Info.Description = "The JSON API authorities' systems integrate with. See docs/ and API.md.";
            return Task.CompletedTask;
        }));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = Cookies.Antiforgery;
            // Antiforgery refuses to run at all over http when this is Always, which would break `dotnet run` on
            // http://localhost. In Development it follows the request; the cookie policy still marks it Secure.
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = Cookies.TempData;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
        });
    }
}
