using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IswPanel.Testing;

/// <summary>
/// A browser-like HTTP client for the pages: keeps cookies, reads antiforgery tokens from forms, and
/// does not follow redirects unless asked, so tests can see where each step leads.
/// </summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static PageClient For(IswPanelApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = IswPanelApp.BaseAddress }));

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>GETs the page at <paramref name="formUrl"/>, then posts the form to <paramref name="action"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (response, page) = await GetPageAsync(formUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl}: it answered {(int)response.StatusCode} " +
                $"{response.Headers.Location} {page.Title} {page.QuerySelector("h1")?.TextContent.Trim()}.");
        // A list, not a dictionary: a browser posts some fields twice (a ticked checkbox and its hidden "false").
        var body = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await Http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>Like <see cref="PostFormAsync"/>, as multipart/form-data with files: (field, file name, bytes).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formUrl, string action, IReadOnlyDictionary<string, string> fields,
        params (string Field, string FileName, byte[] Content)[] files)
    {
        var (_, page) = await GetPageAsync(formUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl}.");
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        foreach (var (field, fileName, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, field, fileName);
        }

        return await Http.PostAsync(action, body);
    }

    /// <summary>The smallest file every PDF reader accepts as a PDF, for upload tests.</summary>
    public static byte[] TinyPdf() => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Follows redirects from a response until a page answers; returns the final path and page.</summary>
    public async Task<(string Path, HttpResponseMessage Response, IDocument Page)> FollowAsync(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "/";
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            var location = response.Headers.Location!;
            path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            response = await Http.GetAsync(location);
        }

        return (path, response, await ParseAsync(response));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public void Dispose() => Http.Dispose();
}

/// <summary>An API client holding a bearer token from POST /api/v1/auth/token.</summary>
public static class ApiClients
{
    public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);

    public static async Task<HttpClient> SignedInAsync(IswPanelApp app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = IswPanelApp.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? throw new InvalidOperationException("No token.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
