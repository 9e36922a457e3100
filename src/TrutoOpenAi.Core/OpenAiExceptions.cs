using System;
using System.Net;

namespace TrutoOpenAi.Core
{
    /// <summary>Base of every error the core raises on purpose. <see cref="ErrorId"/> is stable for scripts.</summary>
    public abstract class OpenAiException : Exception
    {
        protected OpenAiException(string message, Exception? inner = null) : base(message, inner) { }

        /// <summary>Stable identifier used as the PowerShell ErrorId.</summary>
        public abstract string ErrorId { get; }
    }

    /// <summary>The API answered with an error status. Carries what the API said and the request id.</summary>
    public sealed class OpenAiApiException : OpenAiException
    {
        public OpenAiApiException(int statusCode, string? apiMessage, string? type, string? code, string? param,
            string? requestId, string method, string path, TimeSpan? retryAfter = null)
            : base(Compose(statusCode, apiMessage, type, code, param, requestId, method, path))
        {
            StatusCode = statusCode;
            ApiMessage = apiMessage is null ? null : SecretText.Redact(apiMessage);
            ErrorType = type;
            // A server may echo a key in code or param too: redact them as the message is.
            Code = code is null ? null : SecretText.Redact(code);
            Param = param is null ? null : SecretText.Redact(param);
            RequestId = requestId;
            Method = method;
            Path = path;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public string? ApiMessage { get; }
        public string? ErrorType { get; }
        public string? Code { get; }
        public string? Param { get; }
        public string? RequestId { get; }
        public string Method { get; }
        public string Path { get; }
        public TimeSpan? RetryAfter { get; }

        public override string ErrorId => StatusCode switch
        {
            400 => "OpenAiInvalidRequest",
            401 => "OpenAiAuthenticationFailed",
            403 => "OpenAiPermissionDenied",
            404 => "OpenAiNotFound",
            409 => "OpenAiConflict",
            422 => "OpenAiUnprocessableEntity",
            429 => "OpenAiRateLimited",
            _ when StatusCode >= 500 => "OpenAiServerError",
            _ => "OpenAiApiError",
        };

        private static string Compose(int status, string? message, string? type, string? code, string? param,
            string? requestId, string method, string path)
        {
            var text = string.IsNullOrWhiteSpace(message) ? ReasonPhrase(status) : SecretText.Redact(message!);
            var details = $"HTTP {status}";
            if (!string.IsNullOrEmpty(type)) details += $", type {type}";
            if (!string.IsNullOrEmpty(code)) details += $", code {SecretText.Redact(code!)}";
            if (!string.IsNullOrEmpty(param)) details += $", param {SecretText.Redact(param!)}";
            if (!string.IsNullOrEmpty(requestId)) details += $", request {requestId}";
            return $"{text} ({method} {path}: {details})";
        }

        private static string ReasonPhrase(int status) =>
            Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Error";
    }

    /// <summary>Bad input caught before any request: names the parameter so the user knows what to fix.</summary>
    public sealed class OpenAiValidationException : OpenAiException
    {
        private readonly string _errorId;

        public OpenAiValidationException(string parameterName, string message, string errorId = "OpenAiInvalidArgument")
            : base(message)
        {
            ParameterName = parameterName;
            _errorId = errorId;
        }

        public string ParameterName { get; }
        public override string ErrorId => _errorId;
    }

    /// <summary>A key needed for this call was not supplied.</summary>
    public sealed class OpenAiMissingKeyException : OpenAiException
    {
        public OpenAiMissingKeyException(string message) : base(message) { }
        public override string ErrorId => "OpenAiMissingKey";
    }

    /// <summary>The API could not be reached, or did not answer in time, after every retry.</summary>
    public sealed class OpenAiTransportException : OpenAiException
    {
        public OpenAiTransportException(string message, bool timedOut, Exception? inner)
            : base(message, inner) => TimedOut = timedOut;

        public bool TimedOut { get; }
        public override string ErrorId => TimedOut ? "OpenAiTimeout" : "OpenAiConnectionFailed";
    }

    /// <summary>The API answered 2xx with a body the client could not read.</summary>
    public sealed class OpenAiResponseException : OpenAiException
    {
        public OpenAiResponseException(string message, Exception? inner = null) : base(message, inner) { }
        public override string ErrorId => "OpenAiUnexpectedResponse";
    }

    /// <summary>
    /// A request that is not safe to repeat (a create) failed after it may have reached the server: a 5xx, a dropped
    /// connection or a timeout after it was sent. It was not retried, so it is applied at most once; it may have been
    /// applied. Look for the result (the Get- cmdlet of the same noun) before running it again.
    /// </summary>
    public sealed class OpenAiOutcomeUnknownException : OpenAiException
    {
        public OpenAiOutcomeUnknownException(string method, string path, string failure, int? statusCode, string? requestId, Exception? inner)
            : base($"{method} {path} may or may not have been applied: {failure} after the request was sent. It was not retried, so it " +
                   "was applied at most once. Check whether it took effect (the Get- cmdlet of the same noun lists what exists) before running it again.", inner)
        {
            Method = method;
            Path = path;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        public string Method { get; }
        public string Path { get; }
        /// <summary>The HTTP status of the failed attempt; null when no answer came (dropped connection, timeout).</summary>
        public int? StatusCode { get; }
        public string? RequestId { get; }
        public override string ErrorId => "OpenAiOutcomeUnknown";
    }

    /// <summary>
    /// A listing stopped by a failure after its retries. <see cref="ResumeCursor"/> is the cursor to pass to the same
    /// cmdlet's -StartingAfter to continue from the first item not yet written; the ErrorId is that of the failure.
    /// </summary>
    public sealed class OpenAiListStoppedException : OpenAiException
    {
        public OpenAiListStoppedException(OpenAiException failure, string? resumeCursor, ulong itemsWritten, string command)
            : base(failure.Message + (resumeCursor is null
                ? $" The listing stopped before its first page; run {command} again."
                : $" The listing stopped after {itemsWritten} item(s); continue with {command} -StartingAfter '{resumeCursor}'."), failure)
        {
            Failure = failure;
            ResumeCursor = resumeCursor;
            ItemsWritten = itemsWritten;
        }

        public OpenAiException Failure { get; }
        public string? ResumeCursor { get; }
        public ulong ItemsWritten { get; }
        public override string ErrorId => Failure.ErrorId;
    }
}
