namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>
/// /v1 auth: no key → 401; key not accepted → 401 invalid_api_key; /v1/organization (and the RBAC routes under /v1/projects and the checkpoint permissions under /v1/fine_tuning/checkpoints, admin-key only in the spec) with a non-admin key → 403;
/// an admin key anywhere else under /v1 → 401 (admin keys only work on /v1/organization).
/// </summary>
public sealed class AuthMiddleware(RequestDelegate next, AuthPolicy auth)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1")) return next(context);

        var (kind, valid) = auth.Classify(context.Request);
        ApiError? error = null;
        if (kind == AuthKind.None) error = ApiErrors.MissingApiKey();
        else if (!valid) error = ApiErrors.IncorrectApiKey();
        else if (path.StartsWithSegments("/v1/organization") || path.StartsWithSegments("/v1/projects")
            || path.StartsWithSegments("/v1/fine_tuning/checkpoints"))
        {
            if (kind != AuthKind.Admin) error = ApiErrors.AdminKeyRequired();
        }
        else if (kind == AuthKind.Admin) error = ApiErrors.AdminKeyOnlyForOrganization();

        if (error is not null) return error.WriteAsync(context);
        ModelTraffic.Enter(context); // who calls, for the usage reports of the model calls this request makes
        return next(context);
    }
}
