using System.Management.Automation;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>The -ThreadId and -Id (RunId) of the cmdlets acting on one run: Set, Stop, Wait and Submit.</summary>
    public abstract class ThreadRunCmdlet : OpenAiCmdlet
    {
        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The id of the run (run_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RunId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Refuses a thread id given as the run id (or the reverse) before any request.</summary>
        protected void CheckIds()
        {
            AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
            AssistantsFamily.CheckId("Id", Id, "run_", "a run");
        }
    }
}
