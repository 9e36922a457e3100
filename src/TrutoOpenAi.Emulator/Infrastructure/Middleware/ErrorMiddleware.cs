namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>
/// Turns <see cref="ApiException"/> into the OpenAI error body, unexpected exceptions into 500 server_error, and a
/// method mismatch on a known path (405) into the API's 404 "Invalid URL (METHOD /v1/...)".
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                context.Response.Headers.Remove("Allow");
                await ApiErrors.InvalidUrl(context.Request).WriteAsync(context);
            }
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await e.Error.WriteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Client went away (or a drop fault aborted it): nothing to write.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await new ApiError(e.StatusCode, e.Message).WriteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ApiErrors.ServerError().WriteAsync(context);
        }
    }
}
