using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>
    /// What Enable-/Disable-OpenAiCertificate and their project variants share: certificate ids are collected from the
    /// whole pipeline and sent in EndProcessing as batches of at most 10 (the API's limit per request), per project, in
    /// input order, duplicates dropped. Each batch is confirmed and applied atomically by the API; a failing batch writes
    /// one error and the other batches go on.
    /// </summary>
    public abstract class CertificateToggleCommand : OpenAiCmdlet
    {
        private readonly List<KeyValuePair<string?, string>> _pending = new List<KeyValuePair<string?, string>>();

        /// <summary>Writes the certificates as the API returns them after the change, with their Active state.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>True to activate, false to deactivate.</summary>
        protected abstract bool Activate { get; }

        /// <summary>Queues ids for <paramref name="projectId"/> (null = the organization).</summary>
        protected void Collect(string? projectId, IEnumerable<string> ids)
        {
            foreach (var id in ids) _pending.Add(new KeyValuePair<string?, string>(projectId, id));
        }

        protected override void EndProcessing()
        {
            var service = new CertificateService(Client);
            var verb = Activate ? "Activate" : "Deactivate";
            foreach (var scope in _pending.GroupBy(p => p.Key))
            {
                var projectId = scope.Key;
                foreach (var batch in Batches.Of(scope.Select(p => p.Value), CertificateService.MaxIdsPerRequest))
                {
                    var where = projectId is null ? "for the organization" : $"for project {projectId}";
                    var target = $"{batch.Count} certificate(s) {where}: {string.Join(", ", batch)}";
                    if (!ShouldChange(target, verb, Force)) continue;
                    Try(batch.ToArray(), () =>
                    {
                        var result = Await(observer => service.ToggleAsync(projectId, batch, Activate, observer, CancellationToken));
                        if (PassThru) foreach (var certificate in result) WriteObject(certificate);
                    });
                }
            }
        }
    }
}
