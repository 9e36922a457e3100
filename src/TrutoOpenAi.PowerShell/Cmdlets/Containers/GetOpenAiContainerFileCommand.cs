using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Gets the files of a container, or some by id.</summary>
    /// <remarks>
    /// <para>Without -Id, streams every file in the container -ContainerId (or piped in from Get-OpenAiContainer), newest
    /// first, page by page: files you added (Source user) and files the model's code wrote (Source assistant). Needs an API
    /// key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiContainer -Name analysis | Get-OpenAiContainerFile</code>
    /// <para>Lists the files of the containers named analysis.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiContainerFile -ContainerId cntr_abc123 -Id cfile_abc123</code>
    /// <para>Gets one container file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiContainerFile", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiContainerFile))]
    [OpenAiOperation("list_all_openai_container_files", "GET", "/containers/{container_id}/files", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_container_file_by_id", "GET", "/containers/{container_id}/files/{file_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiContainerFileCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the container (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>Ids of the container files to get (cfile_...). Not bound from piped objects, so a piped container lists its files.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [Alias("ContainerFileId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Descending (newest first, the API's default) or Ascending (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) Try(id, () => WriteObject(Await(observer => service.GetFileAsync(ContainerId, id, observer, CancellationToken))));
                return;
            }
            var order = Order is null ? null : Order == "Ascending" ? "asc" : "desc";
            Try(ContainerId, () => WritePages(service.ListFiles(ContainerId, EffectivePageSize(filtersLocally: false), order), null));
        }
    }
}
