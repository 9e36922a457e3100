using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.PowerShell.Cmdlets.Catalog
{
    /// <summary>One API operation the module covers, the command that performs it, and the operation table's facts about it.</summary>
    public sealed class OpenAiOperationInfo
    {
        /// <summary>The tool name: one of the product's 157 tools (e.g. list_all_openai_projects), or the operation table's
        /// name in the same pattern for the other operations; empty when the table has no such operation.</summary>
        public string Tool { get; set; } = string.Empty;
        /// <summary>True when Tool is one of the product's 157 seed tools.</summary>
        public bool IsSeedTool { get; set; }
        public string Command { get; set; } = string.Empty;
        /// <summary>The parameter set that performs it; empty when the command has only one.</summary>
        public string ParameterSet { get; set; } = string.Empty;
        public string Method { get; set; } = string.Empty;
        public string Path { get; set; } = string.Empty;
        /// <summary>The spec's operationId.</summary>
        public string OperationId { get; set; } = string.Empty;
        /// <summary>Which key the operation takes (from the operation table).</summary>
        public OpenAiKeyKind KeyKind { get; set; }
        /// <summary>True when the operation takes the admin key (KeyKind Admin).</summary>
        public bool NeedsAdminKey { get; set; }
        /// <summary>Headers every request of the operation carries, as 'Name: value'.</summary>
        public string[] Headers { get; set; } = new string[0];
        /// <summary>How a list answer pages (None when it is not a paged list).</summary>
        public PagingStyle Paging { get; set; }
        /// <summary>The page sizes (limit) the API accepts, e.g. 1-100; per bucket width for usage reports.</summary>
        public string PageSize { get; set; } = string.Empty;
        /// <summary>The request body: none, json or multipart.</summary>
        public string Body { get; set; } = string.Empty;
        /// <summary>The answer: json, binary, sse-or-json, text or none.</summary>
        public string Response { get; set; } = string.Empty;
        /// <summary>Read, Write or Destructive.</summary>
        public OpenAiOperationAccess Access { get; set; }

        public override string ToString() => $"{Method} {Path} -> {Command}";
    }
}
