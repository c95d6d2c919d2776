using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Infrastructure.Mvc;

/// <summary>
/// Base for page controllers: actions send one request and turn its result into a view or redirect.
/// Another tenant's record and a missing one both become the 404 page.
/// </summary>
[AutoValidateAntiforgeryToken]
public abstract class AppController : Controller
{
    /// <summary>Shows a success banner on the next page (GOV.UK notification banner).</summary>
    protected void Notify(string message) => TempData[NotificationBanner.Key] = message;

    /// <summary>Maps a failed result: 404/403 pages, or the form shown again with its errors and every answer kept.</summary>
    protected IActionResult Failed(IUseCaseResult result, Func<IActionResult> showFormAgain, string prefix = "")
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                ModelState.AddErrors(result.Errors, prefix);
                return showFormAgain();
        }
    }

    protected IActionResult ViewOrNotFound<T>(Result<T> result) =>
        result.IsSuccess ? View(result.Value) : Failed(result, () => NotFound());

    /// <summary>
    /// Sends a form's command unless the form could not even be read (a number that is not a number),
    /// then shows the next page or the form again with every answer kept.
    /// </summary>
    /// <param name="prefix">The form's field-name prefix when the command is a part of the page's model ("Form").</param>
    protected async Task<IActionResult> Submit<T>(ICommand<Result<T>> command, Func<T, IActionResult> next,
        Func<IActionResult> showFormAgain, string prefix = "")
    {
        if (!ModelState.IsValid) return showFormAgain();
        var result = await HttpContext.RequestServices.GetRequiredService<ISender>().Send(command, HttpContext.RequestAborted);
        return result.IsSuccess ? next(result.Value!) : Failed(result, showFormAgain, prefix);
    }
}

public static class NotificationBanner
{
    public const string Key = "app-notification";
}
