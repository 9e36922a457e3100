namespace TrutoOpenAi.PowerShell.Cmdlets.Catalog
{
    /// <summary>One API operation the module covers, and the command that performs it.</summary>
    public sealed class OpenAiOperationInfo
    {
        /// <summary>The product's tool name (e.g. list_all_openai_projects); empty for operations beyond the 157 tools.</summary>
        public string Tool { get; set; } = string.Empty;
        public string Command { get; set; } = string.Empty;
        /// <summary>The parameter set that performs it; empty when the command has only one.</summary>
        public string ParameterSet { get; set; } = string.Empty;
        public string Method { get; set; } = string.Empty;
        public string Path { get; set; } = string.Empty;
        /// <summary>True for /organization (admin API) operations, which need the admin key.</summary>
        public bool NeedsAdminKey { get; set; }

        public override string ToString() => $"{Method} {Path} -> {Command}";
    }
}
