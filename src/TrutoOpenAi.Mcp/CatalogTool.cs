using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Mcp;

/// <summary>
/// One catalog tool as an MCP tool: its schema and annotations for tools/list; tools/call validates the arguments,
/// runs the call through the core, and answers with the result, or with a tool error (IsError) carrying the API's
/// message, HTTP status and request id. Nothing here ever sees or prints a key.
/// </summary>
public sealed class CatalogTool : McpServerTool
{
    private readonly ToolDefinition _definition;
    private readonly ToolInvoker _invoker;
    private readonly ILogger _logger;

    public CatalogTool(ToolDefinition definition, ToolInvoker invoker, ILogger logger)
    {
        _definition = definition;
        _invoker = invoker;
        _logger = logger;
        ProtocolTool = new Tool
        {
            Name = definition.Name,
            Description = definition.Description,
            InputSchema = JsonSerializer.SerializeToElement(definition.InputSchema),
            Annotations = new ToolAnnotations
            {
                Title = Title(definition.Name),
                ReadOnlyHint = definition.ReadOnly,
                DestructiveHint = definition.ReadOnly ? null : definition.Destructive,
                IdempotentHint = definition.Operation.SafeToRepeat,
                OpenWorldHint = true,
            },
        };
    }

    public ToolDefinition Definition => _definition;

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata { get; } = Array.Empty<object>();

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = request.Params?.Arguments;
        try
        {
            var validated = ArgumentValidator.Validate(_definition, arguments);
            _logger.LogInformation("{Tool}: {Method} {Path} ({Count} argument(s))", _definition.Name, _definition.Method, _definition.Path, validated.Count);
            var result = await _invoker.InvokeAsync(_definition, validated, new LogObserver(_logger), cancellationToken).ConfigureAwait(false);
            return Success(result);
        }
        catch (ToolArgumentException ex)
        {
            _logger.LogInformation("{Tool}: refused: {Message}", _definition.Name, SecretText.Redact(ex.Message));
            return Failure(ex.Message, new JsonObject { ["argument"] = ex.Argument, ["message"] = ex.Message, ["type"] = "invalid_argument" });
        }
        catch (OpenAiValidationException ex)
        {
            return Failure(SecretText.Redact(ex.Message), new JsonObject { ["argument"] = ex.ParameterName, ["message"] = SecretText.Redact(ex.Message), ["type"] = "invalid_argument" });
        }
        catch (OpenAiApiException ex)
        {
            _logger.LogWarning("{Tool}: HTTP {Status} (request {RequestId})", _definition.Name, ex.StatusCode, ex.RequestId);
            return Failure(SecretText.Redact(ex.Message), new JsonObject
            {
                ["message"] = SecretText.Redact(ex.ApiMessage ?? ex.Message),
                ["status"] = ex.StatusCode,
                ["type"] = ex.ErrorType,
                ["code"] = ex.Code,
                ["param"] = ex.Param,
                ["request_id"] = ex.RequestId,
                ["error_id"] = ex.ErrorId,
            });
        }
        catch (OpenAiException ex)
        {
            _logger.LogWarning("{Tool}: {ErrorId}: {Message}", _definition.Name, ex.ErrorId, SecretText.Redact(ex.Message));
            return Failure(SecretText.Redact(ex.Message), new JsonObject { ["message"] = SecretText.Redact(ex.Message), ["error_id"] = ex.ErrorId });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failure(SecretText.Redact(ex.Message), new JsonObject { ["message"] = SecretText.Redact(ex.Message), ["type"] = "io_error" });
        }
    }

    private static CallToolResult Success(JsonNode result)
    {
        var text = result.ToJsonString();
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = result is JsonObject ? JsonSerializer.SerializeToElement(result) : JsonSerializer.SerializeToElement(new JsonObject { ["result"] = result.DeepClone() }),
            IsError = false,
        };
    }

    private static CallToolResult Failure(string message, JsonObject error) => new()
    {
        Content = [new TextContentBlock { Text = message }],
        StructuredContent = JsonSerializer.SerializeToElement(new JsonObject { ["error"] = error }),
        IsError = true,
    };

    private static string Title(string name) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('_', ' ')).Replace("Openai", "OpenAI");

    /// <summary>Request traces to the log (stderr): method, URL without keys, status, request id, retries.</summary>
    private sealed class LogObserver : IOpenAiCallObserver
    {
        private readonly ILogger _logger;
        public LogObserver(ILogger logger) => _logger = logger;

        public void OnRequest(string method, Uri uri, int attempt, string? bodySummary) =>
            _logger.LogDebug("{Method} {Uri} (attempt {Attempt}) {Body}", method, uri.AbsolutePath, attempt, bodySummary);

        public void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId) =>
            _logger.LogInformation("{Method} {Path} -> {Status} in {Elapsed:0} ms (request {RequestId})", method, uri.AbsolutePath, status, elapsed.TotalMilliseconds, requestId);

        public void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason) =>
            _logger.LogWarning("Retry {Retry}/{Max} in {Delay:0} ms after {Reason}", retry, maxRetries, delay.TotalMilliseconds, reason);
    }
}
