using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Gets the files uploaded to OpenAI.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the files, newest first (-Order Ascending for oldest first), streaming every page; -First
    /// stops the requests once enough have come. -Purpose asks the API for one purpose only; -Filename filters by wildcard
    /// on the file name, here. The API's page holds up to 10,000 files (-PageSize 1 to 10000, default 10000).</para>
    /// <para>With -Id (or ids piped by property name, e.g. objects with a FileId property), gets those files; an unknown id
    /// writes an OpenAiNotFound error and the pipeline goes on. Needs an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFile -Purpose batch | Format-Table Filename, Id, Bytes, CreatedAt, ExpiresAt</code>
    /// <para>Lists the batch input files.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFile -Purpose batch | Where-Object CreatedAt -lt (Get-Date).AddDays(-30) | Remove-OpenAiFile -WhatIf</code>
    /// <para>Shows which batch files older than 30 days would be deleted, deleting none.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFile -Id file-abc123</code>
    /// <para>Gets one file's metadata by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiFile", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiFile))]
    [OpenAiOperation("list_all_openai_files", "GET", "/files", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_file_by_id", "GET", "/files/{file_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiFileCommand : OpenAiGetCmdlet<OpenAiFile>
    {
        /// <summary>Ids of the files to get (file-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only files of this purpose (asked of the API).</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ValidateSet("assistants", "assistants_output", "batch", "batch_output", "fine-tune", "fine-tune-results", "vision", "user_data", "evals")]
        public string? Purpose { get; set; }

        /// <summary>Only files whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Filename { get; set; }

        /// <summary>Descending (newest first, the API's default) or Ascending (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override string[] Ids => Id;

        protected override Task<OpenAiFile> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new FileService(Client).GetAsync(id, observer, cancellationToken);

        protected override void WriteList()
        {
            var service = new FileService(Client);
            var pattern = string.IsNullOrEmpty(Filename) ? null : new WildcardPattern(Filename, WildcardOptions.IgnoreCase);
            var pageSize = EffectivePageSize(filtersLocally: pattern != null);
            var order = ApiOrder(Order);
            var pager = service.List(pageSize, Purpose, order);
            WritePages(pager, pattern is null ? null : file => pattern.IsMatch(file.Filename ?? string.Empty));
        }
    }
}
