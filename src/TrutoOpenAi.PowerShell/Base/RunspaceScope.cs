using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Makes "the current connection" a per-runspace choice: Connect-OpenAi in one runspace (ForEach-Object -Parallel,
    /// thread jobs) never redirects another runspace's calls. Named connections stay shared by name across runspaces.
    /// Only a delegate is set at import: no work, no assembly load.
    /// </summary>
    public sealed class RunspaceScope : IModuleAssemblyInitializer
    {
        public void OnImport() => Ensure();

        internal static void Ensure()
        {
            if (OpenAiConnectionRegistry.ScopeProvider is null) OpenAiConnectionRegistry.ScopeProvider = () => Runspace.DefaultRunspace;
        }
    }
}
