using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ActorProc.Dashboard.Web;

/// <summary>
/// The dashboard's token check. A request is let in when it carries the token as <c>?token=</c> (the
/// address an operator opens), as <c>Authorization: Bearer</c> (scripts), or as the cookie the first of
/// these sets (so the page's own script, style and event stream need no token in their addresses);
/// anything else gets 401. Tokens are compared in constant time.
/// Concurrency contract: immutable; called from Kestrel's request threads.
/// </summary>
internal sealed class TokenGate(string token)
{
    public const string CookieName = "actorproc-dashboard-token";
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Matches(context.Request.Query["token"]))
        {
            context.Response.Cookies.Append(CookieName, Encoding.UTF8.GetString(_token), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            await next(context).ConfigureAwait(false);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        if ((header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()))
            || Matches(context.Request.Cookies[CookieName]))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"actorproc dashboard\"";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("401: this dashboard needs its token: open it as /?token=TOKEN, or send Authorization: Bearer TOKEN.\n").ConfigureAwait(false);
    }

    private bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
