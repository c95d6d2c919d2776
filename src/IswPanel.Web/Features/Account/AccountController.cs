using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using IswPanel.Web.Infrastructure.Security;

namespace IswPanel.Web.Features.Account;

[Route("account")]
public sealed class AccountController(IMediator mediator) : AppController
{
    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(returnUrl)) : View(new SignIn.Command { ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignIn.Command command)
    {
        var result = await mediator.Send(command);
        if (!result.IsSuccess) return Failed(result, () => View(command with { Password = null }));
        return result.Value == Account.SignIn.Outcome.SecondFactorRequired
            ? RedirectToAction(nameof(SecondFactor), new { returnUrl = command.ReturnUrl })
            : LocalRedirect(SafeReturnUrl(command.ReturnUrl));
    }

    [HttpGet("sign-in/second-factor"), AllowAnonymous]
    public IActionResult SecondFactor(string? returnUrl) => View(new SignInWithSecondFactor.Command { ReturnUrl = returnUrl });

    [HttpPost("sign-in/second-factor"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SecondFactor(SignInWithSecondFactor.Command command)
    {
        var result = await mediator.Send(command);
        return result.IsSuccess
            ? LocalRedirect(SafeReturnUrl(command.ReturnUrl))
            : Failed(result, () => View(command with { Code = null }));
    }

    [HttpPost("sign-out"), Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> SignOutOfService([FromServices] SignInManager<AppUser> signIn, [FromServices] IAuditLog audit)
    {
        await audit.WriteAsync(AuditActions.SignedOut, "User", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignedOut));
    }

    [HttpGet(""), Authorize(Policy = Policies.SignedIn)]
    public IActionResult YourAccount() => View();

    [HttpGet("change-password"), Authorize(Policy = Policies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePassword.Command());

    [HttpPost("change-password"), Authorize(Policy = Policies.SignedIn)]
    public Task<IActionResult> ChangePassword(ChangePassword.Command command) =>
        Submit(command, _ =>
        {
            Notify("Your password has been changed. You have been signed out everywhere else.");
            return RedirectToAction(nameof(YourAccount));
        }, () => View(new ChangePassword.Command()));

    [HttpGet("signed-out"), AllowAnonymous]
    public IActionResult SignedOut() => View();

    [HttpGet("two-factor"), Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactor() => ViewOrNotFound(await mediator.Send(new TwoFactorSetup.Query()));

    [HttpPost("two-factor/start"), Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> StartTwoFactor()
    {
        await mediator.Send(new TwoFactorSetup.Start());
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpPost("two-factor/enable"), Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> EnableTwoFactor(TwoFactorSetup.Enable command)
    {
        var result = await mediator.Send(command);
        if (result.IsSuccess) return View("RecoveryCodes", result.Value);
        var page = await mediator.Send(new TwoFactorSetup.Query());
        return Failed(result, () => page.IsSuccess ? View(nameof(TwoFactor), page.Value) : NotFound());
    }

    [HttpPost("two-factor/disable"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var result = await mediator.Send(new TwoFactorSetup.Disable());
        if (result.IsSuccess)
        {
            Notify("Two-factor sign-in is turned off.");
            return RedirectToAction(nameof(TwoFactor));
        }

        var page = await mediator.Send(new TwoFactorSetup.Query());
        return Failed(result, () => page.IsSuccess ? View(nameof(TwoFactor), page.Value) : NotFound());
    }

    [HttpPost("two-factor/recovery-codes"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var result = await mediator.Send(new TwoFactorSetup.NewRecoveryCodes());
        // Without two-factor sign-in there are no recovery codes to replace: back to the set-up page.
        return result.IsSuccess ? View("RecoveryCodes", result.Value) : RedirectToAction(nameof(TwoFactor));
    }

    [HttpGet("accept-invitation"), AllowAnonymous]
    public Task<IActionResult> AcceptInvitation(Guid user, string? token) => ShowSetPassword(user, token, Account.SetPassword.Purpose.AcceptInvitation);

    [HttpGet("reset-password"), AllowAnonymous]
    public Task<IActionResult> ResetPassword(Guid user, string? token) => ShowSetPassword(user, token, Account.SetPassword.Purpose.ResetPassword);

    private async Task<IActionResult> ShowSetPassword(Guid user, string? token, SetPassword.Purpose purpose)
    {
        var result = await mediator.Send(new SetPassword.CheckLink(user, token, purpose));
        return result.IsSuccess ? View("SetPassword", result.Value) : View("LinkExpired", purpose);
    }

    [HttpPost("set-password"), AllowAnonymous]
    public async Task<IActionResult> SetPassword(SetPassword.Command command)
    {
        var result = await mediator.Send(command);
        if (result.IsSuccess)
        {
            Notify(command.Purpose == Account.SetPassword.Purpose.AcceptInvitation
                ? "Your password is set. Sign in to start using IswPanel."
                : "Your password has been changed. Sign in with your new password.");
            return RedirectToAction(nameof(SignIn));
        }

        if (result.Status == Infrastructure.Results.ResultStatus.NotFound) return View("LinkExpired", command.Purpose);
        return Failed(result, () => View("SetPassword", new SetPassword.Form
        {
            User = command.User,
            Token = command.Token,
            Purpose = command.Purpose,
        }));
    }

    [HttpGet("forgot-password"), AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [HttpPost("forgot-password"), AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command)
    {
        var result = await mediator.Send(command);
        return result.IsSuccess ? View("ForgotPasswordSent", command.Email) : Failed(result, () => View(command));
    }

    [HttpGet("access-denied"), AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Home/Forbidden.cshtml");
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
