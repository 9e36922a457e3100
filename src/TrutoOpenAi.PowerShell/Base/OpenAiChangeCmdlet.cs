using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The shape of a cmdlet that changes one existing object: Remove, Set, Disable, and the actions Stop (cancel),
    /// Suspend (pause) and Resume. The derived cmdlet declares its id parameters (set <see cref="ByIdSet"/>, bound by
    /// property name), names <see cref="InputObjectSet"/> as its default set (PowerShell binds piped input to the default
    /// set first, so a piped object of the right type binds whole, and any other object by its id properties), and
    /// supplies the lookup, the ShouldProcess text and the change.
    /// <list type="bullet">
    /// <item>A typed object piped in (from the matching Get- cmdlet) binds to -InputObject: its id and name are used as
    /// they are, so the change is the only request. By id, the object is looked up first to name it in the prompt.</item>
    /// <item>-Force skips the confirmation prompt (ConfirmImpact High asks by default); -WhatIf still only reports.</item>
    /// <item>-PassThru writes the changed object, or for a removal the API's answer (the removed object when the API
    /// answers nothing).</item>
    /// <item>Nothing binds to the ids by value: a piped string or an object without an id property is refused by
    /// PowerShell (InputObjectNotBound) before any request.</item>
    /// </list>
    /// </summary>
    /// <typeparam name="T">The object the cmdlet changes, as its Get- cmdlet writes it.</typeparam>
    public abstract class OpenAiChangeCmdlet<T> : OpenAiCmdlet where T : class
    {
        /// <summary>The parameter set of the id parameters.</summary>
        protected const string ByIdSet = "ById";

        /// <summary>The parameter set of -InputObject (the default set of the derived cmdlets).</summary>
        protected const string InputObjectSet = "InputObject";


        /// <summary>
        /// The object to change, piped from the matching Get- cmdlet. Its id and name are taken from it, so no lookup
        /// precedes the change.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public T? InputObject { get; set; }

        /// <summary>Writes the changed object (for a removal, the API's answer, or the removed object when it answers nothing).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id given by parameter (the target of error records), e.g. the value of -Id.</summary>
        protected abstract string TargetId { get; }

        /// <summary>Looks the object up from the id parameters (set <see cref="ByIdSet"/>).</summary>
        protected abstract Task<T> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken);

        /// <summary>The ShouldProcess target, e.g. "file 'data.jsonl' (file-abc)".</summary>
        protected abstract string Describe(T target);

        /// <summary>The ShouldProcess action, e.g. "Delete".</summary>
        protected abstract string Action { get; }

        /// <summary>Sends the change; returns what -PassThru writes (null: the target itself).</summary>
        protected abstract Task<object?> ChangeAsync(T target, IOpenAiCallObserver observer, CancellationToken cancellationToken);

        /// <summary>
        /// An error for a target this cmdlet must not change (e.g. a project user piped to Remove-OpenAiUser), written
        /// instead of asking; null when the change may go ahead.
        /// </summary>
        protected virtual ErrorRecord? Refuse(T target) => null;

        /// <summary>Checks the parameters before any request; throws OpenAiValidationException when they cannot work.</summary>
        protected virtual void CheckParameters() { }

        protected override void ProcessRecord()
        {
            var piped = ParameterSetName == InputObjectSet ? InputObject : null;
            // Errors name the id (TargetObject), for a piped object too.
            var targetId = piped is null ? TargetId : PSObject.AsPSObject(piped).Properties["Id"]?.Value ?? piped;
            Try(targetId, () =>
            {
                CheckParameters();
                var target = piped ?? Await(observer => GetAsync(observer, CancellationToken));
                if (Refuse(target) is { } refusal)
                {
                    WriteError(refusal);
                    return;
                }
                if (!ShouldChange(Describe(target), Action, Force)) return;
                var result = Await(observer => ChangeAsync(target, observer, CancellationToken));
                if (PassThru) WriteObject(result ?? target);
            });
        }
    }
}
