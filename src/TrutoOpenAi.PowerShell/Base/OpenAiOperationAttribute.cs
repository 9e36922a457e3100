using System;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Declares which API operation a cmdlet (and parameter set) performs. Get-OpenAiOperation, docs/tool-map.md
    /// and the catalog test read these, so the catalog can never drift from the code.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class OpenAiOperationAttribute : Attribute
    {
        public OpenAiOperationAttribute(string tool, string method, string path)
        {
            Tool = tool;
            Method = method;
            Path = path;
        }

        /// <summary>The product's tool name, e.g. <c>list_all_openai_projects</c>; empty (or the operation table's name) for
        /// operations beyond the 157. Method and path must be a row of the operation table (Catalog.Tests.ps1 checks).</summary>
        public string Tool { get; }
        public string Method { get; }
        public string Path { get; }

        /// <summary>The parameter set that performs the operation; null when the cmdlet has only one.</summary>
        public string? ParameterSet { get; set; }
    }
}
