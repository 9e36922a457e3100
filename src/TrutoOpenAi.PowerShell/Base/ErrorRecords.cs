using System;
using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Maps the core's exceptions to ErrorRecords: stable ErrorIds, categories from the status, the API's words and request id.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
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
                    record.ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = Recommendation(api) };
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

        private static string? Recommendation(OpenAiApiException api) => api.StatusCode switch
        {
            401 => "Check the key given to Connect-OpenAi: it may be revoked, mistyped, or of the wrong kind (admin keys for /organization).",
            403 => "Use a key with access to this resource: /organization endpoints need an admin key (Connect-OpenAi -AdminKey).",
            404 => "Check the id; Get- cmdlets of the same noun list what exists.",
            429 => api.RetryAfter is { } wait ? $"The API asked to wait {wait.TotalSeconds:0.#} s. Raise -MaxRetries on Connect-OpenAi, or slow down." : "Slow down, or raise -MaxRetries on Connect-OpenAi.",
            _ when api.StatusCode >= 500 => $"A server-side failure; try again later. Quote request id {api.RequestId} to OpenAI support.",
            _ => null,
        };
    }
}
