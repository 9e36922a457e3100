using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Uploads a file to OpenAI.</summary>
    /// <remarks>
    /// <para>Uploads each local file given by -Path (or piped from Get-ChildItem) as multipart/form-data with the given
    /// -Purpose: batch for Batch API input (JSONL), fine-tune for fine-tuning data, assistants, vision, user_data or evals.
    /// The file is streamed from disk, not read into memory, and sent again in full if the upload is retried. Writes the new
    /// file object. -ExpiresAfter sets when the file expires (1 hour to 30 days after creation); batch files expire after
    /// 30 days by default, other files never. Needs an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiFile -Path ./requests.jsonl -Purpose batch</code>
    /// <para>Uploads a batch input file and writes it, with its id, size and expiry.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./docs/*.pdf | New-OpenAiFile -Purpose user_data -ExpiresAfter (New-TimeSpan -Days 7)</code>
    /// <para>Uploads every PDF of a folder, each expiring after a week.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiFile))]
    [OpenAiOperation("create_a_openai_file", "POST", "/files")]
    public sealed class NewOpenAiFileCommand : OpenAiCmdlet
    {
        /// <summary>The local file to upload.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>What the file is for: assistants, batch, fine-tune, vision, user_data or evals.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("assistants", "batch", "fine-tune", "vision", "user_data", "evals")]
        public string Purpose { get; set; } = string.Empty;

        /// <summary>The name to give the uploaded file; the local file's name when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>How long after its creation the file expires, from 1 hour to 30 days.</summary>
        [Parameter]
        public TimeSpan? ExpiresAfter { get; set; }

        protected override void ProcessRecord()
        {
            Try(Path, () =>
            {
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(local))
                    throw new ArgumentException($"The file '{Path}' does not exist.", nameof(Path));
                long? seconds = null;
                if (ExpiresAfter is TimeSpan span)
                {
                    seconds = (long)span.TotalSeconds;
                    if (seconds < 3600 || seconds > 2592000)
                        throw new ArgumentException($"-ExpiresAfter must be between 1 hour and 30 days; {span} is not.", nameof(ExpiresAfter));
                }
                var length = new FileInfo(local).Length;
                var name = FileName ?? System.IO.Path.GetFileName(local);
                if (!ShouldProcess($"file '{name}' ({length} bytes)", $"Upload with purpose {Purpose}")) return;
                WriteObject(Await(observer => new FileService(Client).UploadAsync(local, Purpose, name, seconds, observer, CancellationToken)));
            });
        }
    }
}
