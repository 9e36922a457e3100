using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Base of every API cmdlet: resolves the connection (-Connection, then the current one from Connect-OpenAi,
    /// then the OPENAI_* environment variables), cancels on Ctrl+C, runs core calls while writing their trace on
    /// the pipeline thread, and turns exceptions into ErrorRecords with stable ErrorIds.
    /// </summary>
    public abstract partial class OpenAiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private OpenAiConnection? _connection;

        static OpenAiCmdlet() => RunspaceScope.Ensure();

        /// <summary>
        /// The connection to use: an object from Get-OpenAiConnection or the name given to Connect-OpenAi.
        /// Without it, the current connection is used, or one built from the OPENAI_* environment variables.
        /// </summary>
        [Parameter]
        [ConnectionTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        public OpenAiConnection? Connection { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken CancellationToken => _stopping.Token;

        /// <summary>The resolved connection; terminates the cmdlet when there is none.</summary>
        protected OpenAiConnection ActiveConnection => _connection ??= ResolveConnection();

        protected OpenAiClient Client => ActiveConnection.Client;

        protected override void StopProcessing() => _stopping.Cancel();

        protected override void EndProcessing() => base.EndProcessing();

        /// <summary>Runs per-input work; a failure writes a non-terminating error for that input and the pipeline goes on.</summary>
        protected void Try(object? target, Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteOrThrow(ex, target);
            }
        }

        /// <summary>Waits for a core task on the pipeline thread, writing its verbose trace as it goes.</summary>
        protected T Await<T>(Func<Core.Http.IOpenAiCallObserver, Task<T>> start) => Wait(Begin(start));

        /// <summary>
        /// Starts a core call without waiting (e.g. to fetch the next page while this one is written); its trace is
        /// queued until <see cref="Wait{T}"/> writes it on the pipeline thread.
        /// </summary>
        private protected PendingCall<T> Begin<T>(Func<Core.Http.IOpenAiCallObserver, Task<T>> start)
        {
            var observer = new CallObserver();
            var task = start(observer);
            task.ContinueWith(_ => observer.Wake.Release(), TaskContinuationOptions.ExecuteSynchronously);
            return new PendingCall<T>(observer, task);
        }

        /// <summary>Waits for a call from <see cref="Begin{T}"/> on the pipeline thread, writing its trace as it goes.</summary>
        private protected T Wait<T>(PendingCall<T> call)
        {
            var observer = call.Observer;
            var task = call.Task;
            try
            {
                while (true)
                {
                    Drain(observer);
                    if (task.IsCompleted) break;
                    observer.Wake.Wait();
                }
                Drain(observer);
            }
            catch
            {
                // A write threw (the pipeline is stopping: Ctrl+C, Stop()) before the result was taken. Whatever the call
                // still produces (an open event stream) is disposed when it arrives, so its connection closes at once
                // instead of when the garbage collector finds it.
                task.ContinueWith(static t => (t.Status == TaskStatus.RanToCompletion ? t.Result as IDisposable : null)?.Dispose(),
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Writes streamed text to the host the way Write-Host -NoNewline does (information tagged PSHOST): it shows as it
        /// arrives, goes to transcripts and 6>, and never into the output; -InformationAction Ignore silences it.
        /// <paramref name="endLine"/> ends the line instead.
        /// </summary>
        private protected void WriteHostText(string text, bool endLine = false) =>
            WriteInformation(new HostInformationMessage { Message = text, NoNewLine = !endLine }, new[] { "PSHOST" });

        protected void Await(Func<Core.Http.IOpenAiCallObserver, Task> start) =>
            Await<bool>(async observer => { await start(observer).ConfigureAwait(false); return true; });

        private void Drain(CallObserver observer)
        {
            while (observer.TryDequeue(out var message))
            {
                switch (message.Kind)
                {
                    case CallMessageKind.Verbose: WriteVerbose(message.Text); break;
                    case CallMessageKind.Debug: WriteDebug(message.Text); break;
                    case CallMessageKind.Warning: WriteWarning(message.Text); break;
                    case CallMessageKind.Progress: WriteProgress(message.Progress); break;
                }
            }
        }

        /// <summary>Writes the error for one input, or stops the cmdlet when nothing else can work (bad or missing key).</summary>
        protected void WriteOrThrow(Exception exception, object? target)
        {
            var record = ErrorRecords.From(NameTypedParameter(exception), target, _connection);
            if (ErrorRecords.IsFatal(exception)) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// A validation error names the parameter by the API's field (-ProjectId); when this cmdlet calls it -Id and the
        /// user did not type the alias, the message names -Id, the parameter the user typed.
        /// </summary>
        private Exception NameTypedParameter(Exception exception)
        {
            if (!(exception is Core.OpenAiValidationException invalid)) return exception;
            var parameters = MyInvocation.MyCommand?.Parameters;
            if (parameters is null || parameters.ContainsKey(invalid.ParameterName)) return exception;
            foreach (var parameter in parameters.Values)
            {
                if (!parameter.Aliases.Contains(invalid.ParameterName)) continue;
                var typedAlias = System.Text.RegularExpressions.Regex.IsMatch(MyInvocation.Line ?? string.Empty,
                    @"(^|\s)-" + invalid.ParameterName + @"\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                if (typedAlias) return exception;
                var message = invalid.Message.Replace("-" + invalid.ParameterName, "-" + parameter.Name);
                return new Core.OpenAiValidationException(parameter.Name, message, invalid.ErrorId);
            }
            return exception;
        }

        /// <summary>
        /// ShouldProcess that -Force answers: with -Force (and no explicit -Confirm) the change goes ahead without a prompt,
        /// so unattended and <c>pwsh -NonInteractive</c> scripts work; -WhatIf still only reports.
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (!force || MyInvocation.BoundParameters.ContainsKey("Confirm")) return ShouldProcess(target, action);
            if (IsWhatIf()) return ShouldProcess(target, action);
            WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force: not asking).");
            return true;
        }

        /// <summary>The three-text ShouldProcess (what -WhatIf/-Verbose say, the question, the caption) that -Force answers.</summary>
        protected bool ShouldChange(string description, string question, string caption, bool force)
        {
            if (!force || MyInvocation.BoundParameters.ContainsKey("Confirm") || IsWhatIf()) return ShouldProcess(description, question, caption);
            WriteVerbose(description + " (-Force: not asking)");
            return true;
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private static bool IsReportable(Exception ex) =>
            ex is OpenAiException || ex is ArgumentException || ex is System.Text.Json.JsonException || ex is InvalidOperationException;

        /// <summary>A core call started by <see cref="Begin{T}"/>.</summary>
        private protected readonly struct PendingCall<T>
        {
            internal PendingCall(CallObserver observer, Task<T> task)
            {
                Observer = observer;
                Task = task;
            }

            internal CallObserver Observer { get; }
            internal Task<T> Task { get; }
        }

        /// <summary>A readable name for ShouldProcess: "project 'Payments' (proj_abc)".</summary>
        protected static string Describe(string kind, string? name, string id) =>
            string.IsNullOrEmpty(name) ? $"{kind} {id}" : $"{kind} '{name}' ({id})";

        /// <summary>Ends this cmdlet's use of its connection: a connection replaced or removed meanwhile is released then.</summary>
        public void Dispose()
        {
            var connection = _connection;
            _connection = null;
            connection?.Release();
            _stopping.Dispose();
        }

        /// <summary>
        /// -Connection, else this runspace's current connection, else the OPENAI_* variables as they are now. The connection
        /// is held (leased) until the cmdlet ends, so a Connect-OpenAi that replaces it meanwhile does not cut this call short.
        /// </summary>
        private OpenAiConnection ResolveConnection()
        {
            OpenAiConnection? connection;
            if (Connection != null)
            {
                connection = OpenAiConnection.Live(Connection);
                if (connection is null)
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException($"The connection '{Connection.Name}' was removed by Disconnect-OpenAi. Run Connect-OpenAi -Name '{Connection.Name}' again, or pass another -Connection."),
                        "OpenAiConnectionRemoved", ErrorCategory.ConnectionError, Connection.Name));
            }
            else
            {
                connection = OpenAiConnectionRegistry.Current ?? FromEnvironment();
            }
            for (var attempt = 0; connection != null && !connection.TryAcquire(); attempt++)
                connection = attempt < 100 ? OpenAiConnection.Live(connection) ?? OpenAiConnectionRegistry.Current ?? FromEnvironment() : null;
            if (connection is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("Not connected: no connection is current in this runspace. Run Connect-OpenAi (or Start-OpenAiEmulator -Connect), pass -Connection, or set OPENAI_ADMIN_KEY / OPENAI_API_KEY."),
                    "OpenAiNotConnected", ErrorCategory.ConnectionError, null));
            }
            return connection!;
        }

        private OpenAiConnection? FromEnvironment()
        {
            try
            {
                var fromEnvironment = EnvironmentConnection.Current();
                if (fromEnvironment != null) WriteVerbose($"Using the OPENAI_* environment variables: {fromEnvironment.BaseUri}.");
                return fromEnvironment;
            }
            catch (OpenAiException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
                return null;
            }
        }
    }
}
