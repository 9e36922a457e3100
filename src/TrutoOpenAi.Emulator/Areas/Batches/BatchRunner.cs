using System.Text;
using Microsoft.AspNetCore.Http.Features;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Batches;

/// <summary>One request line of a batch: its custom id and its body (JSON text).</summary>
public sealed record BatchLine(string CustomId, string Body);

/// <summary>What one line answered: the status, the API's request id, and the body (JSON, an error body when it failed).</summary>
public sealed record BatchLineRun(string CustomId, int Status, string RequestId, byte[] Body)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// Runs a batch's lines through the emulator's own route handlers in process, so a batch answers exactly as the
/// synchronous endpoint would (the stand-in model for /v1/responses, /v1/chat/completions, /v1/embeddings, and any other
/// POST route the batch endpoint names). The lines skip the middleware: no auth, faults or request recording, so a batch
/// of 10,000 lines does not flood GET /_emulator/requests; the model traffic still counts in the usage endpoints. The
/// OpenAI-Project and OpenAI-Organization headers of the batch's creator go along (model permissions apply).
/// An endpoint without a route answers 404 Invalid URL per line.
/// </summary>
public static class BatchRunner
{
    private static readonly string[] ForwardedHeaders = ["OpenAI-Project", "OpenAI-Organization"];

    public static async Task<List<BatchLineRun>> RunAsync(HttpContext creator, EmulatorState state, string endpoint, IReadOnlyList<BatchLine> lines)
    {
        var handler = Find(creator.RequestServices, endpoint);
        var runs = new List<BatchLineRun>(lines.Count);
        foreach (var line in lines)
        {
            var requestId = state.Ids.New("req_", 32);
            if (handler is null)
            {
                var missing = new ApiError(404, $"Invalid URL (POST {endpoint})");
                runs.Add(new BatchLineRun(line.CustomId, missing.Status, requestId, missing.ToJsonBytes()));
                continue;
            }
            runs.Add(await RunOneAsync(creator, handler, endpoint, line, requestId));
        }
        return runs;
    }

    private static async Task<BatchLineRun> RunOneAsync(HttpContext creator, RequestDelegate handler, string endpoint, BatchLine line, string requestId)
    {
        ModelTraffic.EnterBatch(); // this line's model traffic counts as batch usage (scoped to this method)
        var context = new DefaultHttpContext { RequestServices = creator.RequestServices };
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = creator.Request.Scheme;
        request.Host = creator.Request.Host;
        request.Path = endpoint;
        request.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(line.Body);
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
        foreach (var name in ForwardedHeaders)
            if (creator.Request.Headers.TryGetValue(name, out var value)) request.Headers[name] = value;
        var output = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(output));
        context.Items[Infrastructure.Middleware.RequestContextMiddleware.RequestIdKey] = requestId;
        try
        {
            await handler(context);
            return new BatchLineRun(line.CustomId, context.Response.StatusCode, requestId, output.ToArray());
        }
        catch (ApiException e)
        {
            return new BatchLineRun(line.CustomId, e.Error.Status, requestId, e.Error.ToJsonBytes());
        }
        catch (BadHttpRequestException e)
        {
            var error = new ApiError(e.StatusCode, e.Message);
            return new BatchLineRun(line.CustomId, error.Status, requestId, error.ToJsonBytes());
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            var error = ApiErrors.ServerError();
            return new BatchLineRun(line.CustomId, error.Status, requestId, error.ToJsonBytes());
        }
    }

    /// <summary>The handler of POST <paramref name="endpoint"/> (e.g. /v1/responses), or null when the emulator has none.</summary>
    private static RequestDelegate? Find(IServiceProvider services, string endpoint)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        foreach (var candidate in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (candidate.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (!string.Equals(pattern, endpoint, StringComparison.Ordinal) || candidate.RoutePattern.Parameters.Count > 0) continue;
            var methods = candidate.Metadata.GetMetadata<HttpMethodMetadata>();
            if (methods is null || methods.HttpMethods.Contains(HttpMethods.Post)) return candidate.RequestDelegate;
        }
        return null;
    }
}
