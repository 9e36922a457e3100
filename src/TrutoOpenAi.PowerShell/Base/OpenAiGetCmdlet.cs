using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The shape of a Get- cmdlet that gets objects by id or lists them: the derived cmdlet declares -Id (string[], set
    /// <see cref="ByIdSet"/>, bound by property name, with its resource alias) and its list filters (set
    /// <see cref="ListSet"/>, the default), and supplies the two calls. By id, each id is one request and an unknown id
    /// writes an error for that id only; the list streams every page with -First/-Skip/-PageSize. Nothing binds to -Id by
    /// value: a piped string or an object without an id property is refused by PowerShell (InputObjectNotBound) before any
    /// request, so a project name or a connection piped in never becomes an id.
    /// </summary>
    /// <typeparam name="T">The object the cmdlet writes.</typeparam>
    public abstract class OpenAiGetCmdlet<T> : OpenAiListCmdlet
    {
        /// <summary>The parameter set of -Id.</summary>
        protected const string ByIdSet = "ById";

        /// <summary>The parameter set of the list filters (the default).</summary>
        protected const string ListSet = "List";


        /// <summary>The ids given with -Id.</summary>
        protected abstract string[] Ids { get; }

        /// <summary>Gets one object by id.</summary>
        protected abstract Task<T> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken);

        /// <summary>Writes the list (set <see cref="ListSet"/>), usually with <see cref="OpenAiListCmdlet.WritePages{T}"/>.</summary>
        protected abstract void WriteList();

        /// <summary>What to write for one object; the object itself unless overridden.</summary>
        protected virtual object Output(T item) => item!;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Ids)
                {
                    Try(id, () => WriteObject(Output(Await(observer => GetAsync(id, observer, CancellationToken)))));
                }
                return;
            }
            Try(null, WriteList);
        }
    }
}
