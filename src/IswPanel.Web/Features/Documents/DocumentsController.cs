using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Documents;

/// <summary>Uploaded files, served as downloads only: never shown inline, never cached.</summary>
[Route("documents")]
public sealed class DocumentsController(IMediator mediator) : AppController
{
    /// <summary>Tenancy is decided by the handler: the owner and panel administrators; anyone else gets 404.</summary>
    [HttpGet("{id:guid}"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> Download(Guid id)
    {
        var result = await mediator.Send(new DownloadDocument.Query(id), HttpContext.RequestAborted);
        if (!result.IsSuccess) return Failed(result, () => NotFound());

        var download = result.Value!;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        // File(..., fileDownloadName) answers with Content-Disposition: attachment and the name (RFC 6266, with filename*).
        return File(download.Content, download.ContentType, download.FileName);
    }
}
