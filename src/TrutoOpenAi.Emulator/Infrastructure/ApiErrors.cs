using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>The OpenAI error body: {"error":{"message","type","param","code"}} (all four always present).</summary>
public sealed record ApiError(int Status, string Message, string Type = "invalid_request_error", string? Param = null, string? Code = null)
{
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(ToJsonBytes(), context.RequestAborted);
    }

    public byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", Message);
            w.WriteString("type", Type);
            if (Param is null) w.WriteNull("param"); else w.WriteString("param", Param);
            if (Code is null) w.WriteNull("code"); else w.WriteString("code", Code);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

/// <summary>Throw from a handler (or helper) to answer with an OpenAI error; the error middleware writes it.</summary>
public sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}

/// <summary>Errors as the OpenAI API words them. Use the IResult form from handlers, or throw <c>.Throw()</c>.</summary>
public static class ApiErrors
{
    public static ApiError NotFound(string message, string? param = null) => new(404, message, "invalid_request_error", param);

    /// <summary>"No such {kind}: {id}", e.g. NotFound("project", "proj_x").</summary>
    public static ApiError NoSuch(string kind, string id) => NotFound($"No such {kind}: {id}");

    public static ApiError BadRequest(string message, string? param = null, string? code = null) => new(400, message, "invalid_request_error", param, code);

    public static ApiError MissingParameter(string param) =>
        BadRequest($"Missing required parameter: '{param}'.", param, "missing_required_parameter");

    public static ApiError InvalidType(string param, string expected, JsonValueKind actual) =>
        BadRequest($"Invalid type for '{param}': expected {expected}, but got {Describe(actual)} instead.", param, "invalid_type");

    public static ApiError InvalidValue(string param, string message) =>
        BadRequest($"Invalid value for '{param}': {message}", param, "invalid_value");

    public static ApiError MalformedJson() => BadRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
        "The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, " +
        "please contact us through our help center at help.openai.com.)");

    public static ApiError InvalidUrl(HttpRequest request) =>
        NotFound($"Invalid URL ({request.Method} {request.PathBase}{request.Path})");

    public static ApiError MissingApiKey() => new(401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth " +
        "(i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API " +
        "from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.");

    public static ApiError IncorrectApiKey() => new(401,
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error", null, "invalid_api_key");

    public static ApiError AdminKeyOnlyForOrganization() => new(401,
        "Admin API keys can only be used with the /v1/organization endpoints. Use a project or user API key for this endpoint.",
        "invalid_request_error", null, "invalid_api_key");

    public static ApiError AdminKeyRequired() => new(403,
        "This endpoint requires an admin API key (sk-admin-...). You can create one at https://platform.openai.com/settings/organization/admin-keys.",
        "invalid_request_error");

    public static ApiError ServerError() => new(500,
        "The server had an error while processing your request. Sorry about that!", "server_error");

    /// <summary>The body used for an injected fault of the given status.</summary>
    public static ApiError ForFault(int status) => status switch
    {
        429 => new(429, "Rate limit reached for requests. Please try again later.", "requests", null, "rate_limit_exceeded"),
        500 => ServerError(),
        502 => new(502, "Bad gateway.", "server_error"),
        503 => new(503, "The server is overloaded or not ready yet.", "server_error"),
        504 => new(504, "Gateway timeout.", "server_error"),
        408 => new(408, "Request timed out.", "server_error"),
        409 => new(409, "The request conflicted with another request. Please try again.", "invalid_request_error"),
        _ when status >= 500 => new(status, "The server had an error while processing your request.", "server_error"),
        _ => new(status, "Injected error.", "invalid_request_error"),
    };

    public static IResult ToResult(this ApiError error) => new ApiErrorResult(error);

    public static ApiException Throw(this ApiError error) => new(error);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "an unknown type",
    };

    private sealed class ApiErrorResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => error.WriteAsync(httpContext);
    }
}
