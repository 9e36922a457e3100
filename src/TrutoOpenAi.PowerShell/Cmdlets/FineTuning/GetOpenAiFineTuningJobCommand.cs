using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Gets the organization's fine-tuning jobs.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the fine-tuning jobs, newest first, streaming every page; -First stops the requests once
    /// enough have come. -Metadata keeps only jobs tagged with all the given key/value pairs (filtered by the API);
    /// -Status keeps only jobs in the given states (filtered here: the API has no such filter).</para>
    /// <para>With -Id (or ids piped by property name, e.g. objects with a FineTuningJobId property), gets those jobs with
    /// their current status and, once succeeded, the FineTunedModel; an unknown id writes an OpenAiNotFound error and the
    /// pipeline goes on. Needs an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Status running, queued | Format-Table Id, Status, Model, CreatedAt</code>
    /// <para>Lists the jobs still training or waiting to.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Metadata @{ team = 'support' } -First 5</code>
    /// <para>Gets the five newest jobs tagged team=support.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Id ftjob-abc123 | Select-Object Status, FineTunedModel, ResultFiles</code>
    /// <para>Gets one job and shows the model it produced.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiFineTuningJob", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("list_all_openai_fine_tuning_jobs", "GET", "/fine_tuning/jobs", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_fine_tuning_job_by_id", "GET", "/fine_tuning/jobs/{fine_tuning_job_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiFineTuningJobCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the jobs to get (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FineTuningJobId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only jobs in one of these states.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("validating_files", "queued", "running", "paused", "succeeded", "failed", "cancelled")]
        public string[]? Status { get; set; }

        /// <summary>Only jobs whose metadata has all these key/value pairs (sent as metadata[key]=value).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            var service = new FineTuningService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetJobAsync(id, observer, CancellationToken))));
                }
                return;
            }

            Try(null, () =>
            {
                var filtered = Status is { Length: > 0 };
                var pager = service.ListJobs(EffectivePageSize(filtersLocally: filtered), FineTuningMetadata.From(Metadata));
                WritePages(pager, !filtered ? null : job => Status!.Contains(job.Status ?? string.Empty, StringComparer.OrdinalIgnoreCase));
            });
        }
    }

    /// <summary>Hashtable -Metadata to the API's string map.</summary>
    internal static class FineTuningMetadata
    {
        public static Dictionary<string, string>? From(Hashtable? table)
        {
            if (table == null) return null;
            var result = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in table) result[entry.Key.ToString()] = entry.Value?.ToString() ?? string.Empty;
            return result;
        }
    }
}
