using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.AdminApiKeys
{
    /// <summary>Creates an admin API key for the organization.</summary>
    /// <remarks>
    /// <para>Creates an admin key, optionally expiring after -ExpiresIn (1 second to 365 days). OpenAI returns the key's
    /// value this one time only: it is in the Secret property as a SecureString (never a plain string, never in RawJson,
    /// verbose or debug output), and a warning says so. Store it at once, e.g. with Set-Secret, or pass it to
    /// Connect-OpenAi -AdminKey. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$key = New-OpenAiAdminApiKey -Name 'ci-audit' -ExpiresIn (New-TimeSpan -Days 30); Set-Secret -Name ci-audit -SecureStringSecret $key.Secret</code>
    /// <para>Creates a 30-day admin key and stores its value in a SecretManagement vault.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiAdminApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiAdminApiKey))]
    [OpenAiOperation("create_a_openai_admin_api_key", "POST", "/organization/admin_api_keys")]
    public sealed class NewOpenAiAdminApiKeyCommand : OpenAiCmdlet
    {
        /// <summary>The key's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>How long until the key expires (1 second to 365 days, whole seconds); without it the key does not expire.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TimeSpan? ExpiresIn { get; set; }

        protected override void ProcessRecord()
        {
            long? seconds = null;
            if (ExpiresIn is { } span)
            {
                seconds = (long)Math.Ceiling(span.TotalSeconds);
                if (seconds < 1 || seconds > 31_536_000)
                {
                    WriteError(new ErrorRecord(new PSArgumentOutOfRangeException(nameof(ExpiresIn), span, "-ExpiresIn must be between 1 second and 365 days."),
                        "OpenAiInvalidArgument", ErrorCategory.InvalidArgument, span));
                    return;
                }
            }
            if (!ShouldProcess($"admin API key '{Name}'", "Create")) return;
            Try(Name, () =>
            {
                var key = Await(observer => new AdminApiKeyService(Client).CreateAsync(Name, seconds, observer, CancellationToken));
                if (key.Secret != null)
                    WriteWarning($"The value of admin API key '{key.Name}' ({key.Id}) is shown only now: it is in the Secret property " +
                        "(a SecureString). Store it now, e.g. Set-Secret -SecureStringSecret $key.Secret; OpenAI cannot show it again.");
                WriteObject(key);
            });
        }
    }
}
