using System;
using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Maps the core's exceptions to ErrorRecords: stable ErrorIds, categories from the status, the API's words and request id.</summary>
    internal static class ErrorRecords
    {
        /// <param name="exception">What failed.</param>
        /// <param name="target">The input it failed for.</param>
        /// <param name="connection">The connection used, when known: its base URI and retry cap make recommendations fit.</param>
        public static ErrorRecord From(Exception exception, object? target, OpenAiConnection? connection = null)
        {
            switch (exception)
            {
                case OpenAiListStoppedException stopped:
                {
                    var cause = From(stopped.Failure, target);
                    var record = new ErrorRecord(stopped, stopped.ErrorId, cause.CategoryInfo.Category, target);
                    record.ErrorDetails = new ErrorDetails(stopped.Message)
                    {
                        RecommendedAction = stopped.ResumeCursor is null ? cause.ErrorDetails?.RecommendedAction : $"Continue the listing with -StartingAfter '{stopped.ResumeCursor}'.",
                    };
                    return record;
                }
                case OpenAiApiException api:
                {
                    var record = new ErrorRecord(api, api.ErrorId, Category(api.StatusCode), target);
                    record.ErrorDetails = new ErrorDetails(api.Message)
                    {
                        RecommendedAction = Recommendation(api, connection?.BaseUri, connection?.Client.MaxRetryAfter, target),
                    };
                    return record;
                }
                case OpenAiApiRetiredException retired:
                    return new ErrorRecord(retired, retired.ErrorId, ErrorCategory.NotImplemented, target)
                    {
                        ErrorDetails = new ErrorDetails(retired.Message) { RecommendedAction = retired.Replacement },
                    };
                case OpenAiValidationException invalid:
                    return new ErrorRecord(invalid, invalid.ErrorId, ErrorCategory.InvalidArgument, target);
                case OpenAiMissingKeyException missing:
                    return new ErrorRecord(missing, missing.ErrorId, ErrorCategory.AuthenticationError, target);
                case OpenAiTransportException transport:
                    return new ErrorRecord(transport, transport.ErrorId,
                        transport.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError, target);
                case OpenAiException other:
                    return new ErrorRecord(other, other.ErrorId, ErrorCategory.InvalidResult, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "OpenAiInvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(exception, "OpenAiUnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>Errors after which no further input can succeed: the cmdlet stops.</summary>
        public static bool IsFatal(Exception exception) =>
            exception is OpenAiMissingKeyException ||
            exception is OpenAiApiException { StatusCode: 401 };

        private static ErrorCategory Category(int status) => status switch
        {
            400 => ErrorCategory.InvalidArgument,
            401 => ErrorCategory.AuthenticationError,
            403 => ErrorCategory.PermissionDenied,
            404 => ErrorCategory.ObjectNotFound,
            409 => ErrorCategory.ResourceExists,
            422 => ErrorCategory.InvalidData,
            429 => ErrorCategory.LimitsExceeded,
            408 or 504 => ErrorCategory.OperationTimeout,
            _ when status >= 500 => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.NotSpecified,
        };

        /// <summary>What to do about an API error, fitted to what went wrong (see issue 13 item 8).</summary>
        internal static string? Recommendation(OpenAiApiException api, Uri? baseUri, TimeSpan? maxRetryAfter, object? target)
        {
            var path = (api.Path ?? string.Empty).TrimStart('/');
            var basePath = baseUri?.AbsolutePath.TrimEnd('/') ?? "/v1";
            switch (api.StatusCode)
            {
                case 401:
                    return "Check the key given to Connect-OpenAi: it may be revoked, mistyped, or of the wrong kind (admin keys for /organization).";
                case 403 when path.StartsWith("organization/", StringComparison.Ordinal) || path == "organization":
                    return "/organization endpoints need an admin key: Connect-OpenAi -AdminKey (admin keys start with sk-admin-).";
                case 403:
                    return "The key has no permission for this: check the project key's permissions (read-only or restricted keys), " +
                        "your role in the project, or whether the model or feature is enabled for the organization and project.";
                case 404 when path.StartsWith("v1/", StringComparison.Ordinal) && basePath.EndsWith("/v1", StringComparison.Ordinal):
                    return $"The path starts with /v1 and the base URI {baseUri} already ends with /v1, so /v1 was sent twice: " +
                        "leave /v1 out of -Path (e.g. -Path organization/projects).";
                case 404 when baseUri != null && !basePath.EndsWith("/v1", StringComparison.Ordinal):
                    return $"The base URI {baseUri} does not end with /v1: connect with -BaseUri {baseUri.AbsoluteUri.TrimEnd('/')}/v1.";
                case 404 when IsInvalidUrl(api):
                    return "No such endpoint: check the path and the method (Get-OpenAiOperation lists the operations and their paths).";
                case 404 when target is null || (target is string text && text.Length == 0):
                    return "The resource was not found. Check the connection (Get-OpenAiConnection): the right organization and project?";
                case 404:
                    return $"Check the id '{target}'; the Get- cmdlets of the same noun list what exists.";
                case 429 when api.RetryAfter is { } wait && maxRetryAfter is { } cap && wait > cap:
                    return $"The API asked to wait {wait.TotalSeconds:0.#} s, longer than this connection waits at most ({cap.TotalSeconds:0.#} s), " +
                        $"so it did not retry: raise the cap with Connect-OpenAi -MaxRetryAfterSec {Math.Ceiling(wait.TotalSeconds):0}, or try again later.";
                case 429:
                    return api.RetryAfter is { } after
                        ? $"The API asked to wait {after.TotalSeconds:0.#} s and the retries ran out: raise -MaxRetries on Connect-OpenAi, or slow down."
                        : "Slow down, or raise -MaxRetries on Connect-OpenAi.";
                case var status when status >= 500:
                    return $"A server-side failure; try again later. Quote request id {api.RequestId} to OpenAI support.";
                default:
                    return null;
            }
        }

        /// <summary>The API's answer for a path or method it does not have: "Invalid URL (GET /v1/...)".</summary>
        private static bool IsInvalidUrl(OpenAiApiException api) =>
            api.ApiMessage != null && api.ApiMessage.StartsWith("Invalid URL", StringComparison.Ordinal);
    }
}
