namespace TrutoOpenAi.Core
{
    /// <summary>
    /// A run waited on ended badly (an eval run failed; a thread run failed, expired or was incomplete): carries the run
    /// and the API's last error, so the ErrorRecord says why and its TargetObject is the run itself.
    /// </summary>
    public sealed class OpenAiRunOutcomeException : OpenAiException
    {
        private readonly string _errorId;

        public OpenAiRunOutcomeException(string errorId, string message, object run, string? errorCode, string? errorMessage) : base(message)
        {
            _errorId = errorId;
            Run = run;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
        }

        /// <summary>The run as last read.</summary>
        public object Run { get; }

        /// <summary>The code of the run's last_error (or error), e.g. server_error, rate_limit_exceeded.</summary>
        public string? ErrorCode { get; }

        /// <summary>The message of the run's last_error (or error).</summary>
        public string? ErrorMessage { get; }

        public override string ErrorId => _errorId;
    }
}
