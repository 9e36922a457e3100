using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the identity behind the connection's API key (GET /me, an undocumented endpoint).</summary>
    /// <remarks>
    /// <para>Calls GET /v1/me, the operation the list_all_openai_me tool proxies. It is NOT in OpenAI's published API
    /// specification: its shape is undocumented and may change or disappear. It answers for user and project keys
    /// (the request uses the connection's API key, not the admin key; OpenAI answers admin keys only on /organization
    /// routes). The answer is written as a unified User built from its id, name and email, with Status 'active' and
    /// the full answer in RemoteData.</para>
    /// <para>For a documented way to look a person up, use Get-OpenAiUser -Email with an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiMe | Select-Object Name, Email, Id</code>
    /// <para>Shows who owns the connection's API key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiMe")]
    [OutputType(typeof(User))]
    [OpenAiOperation("list_all_openai_me", "GET", "/me")]
    public sealed class GetOpenAiMeCommand : OpenAiCmdlet
    {
        protected override void ProcessRecord()
        {
            WriteVerbose("GET /me is not part of OpenAI's documented API; its answer may change without notice.");
            Try(null, () =>
            {
                var me = Await(observer => new DirectoryService(Client).GetMeAsync(observer, CancellationToken));
                var (first, last) = DirectoryMapping.SplitName(me.Name);
                var user = new User
                {
                    Id = me.Id ?? string.Empty, UserId = me.Id, Name = me.Name, FirstName = first, LastName = last, Email = me.Email,
                    Status = "active", UserType = "user", RemoteObject = "me", RemoteDataJson = me.RawJson,
                };
                if (me.Email != null) user.Emails.Add(new UserEmail { Email = me.Email, Type = "work", IsPrimary = true });
                WriteObject(DirectoryOutput.WithRemoteData(user, me.RawJson));
            });
        }
    }
}
