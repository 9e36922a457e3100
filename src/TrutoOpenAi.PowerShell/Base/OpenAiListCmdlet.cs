using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Base of list cmdlets (declare <c>SupportsPaging = true</c> on the Cmdlet attribute): streams every item page after
    /// page, the first as soon as the first page lands; -First/-Skip (and Select-Object -First) stop the requests early.
    /// </summary>
    public abstract class OpenAiListCmdlet : OpenAiCmdlet
    {
        /// <summary>
        /// How many items to ask the API for per request (its limit parameter). Leave it out for the API's default;
        /// it changes how many requests are made, never which items come back.
        /// </summary>
        [Parameter]
        public int? PageSize { get; set; }

        /// <summary>
        /// Starts the listing after this cursor: the one a stopped listing names in its error (ResumeCursor), to continue
        /// where it stopped instead of starting over.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StartingAfter { get; set; }

        private static readonly ConcurrentDictionary<(Type, string), OpenAiOperationDefinition?> ListOperations =
            new ConcurrentDictionary<(Type, string), OpenAiOperationDefinition?>();

        /// <summary>
        /// The API's page-size range for this list: the operation table's range (from the spec) for the paged operation the
        /// cmdlet declares with [OpenAiOperation] (the one of the current parameter set when it declares several); null when
        /// the spec gives none. No cmdlet keeps its own copy of these limits.
        /// </summary>
        protected virtual (int Min, int Max)? PageSizeRange => ListOperation()?.PageSizeRange();

        /// <summary>The paged list operation this cmdlet performs, from its [OpenAiOperation] declarations and the operation table.</summary>
        protected OpenAiOperationDefinition? ListOperation() =>
            ListOperations.GetOrAdd((GetType(), ParameterSetName ?? ""), key =>
            {
                var paged = key.Item1.GetCustomAttributes(typeof(OpenAiOperationAttribute), false).Cast<OpenAiOperationAttribute>()
                    .Select(declared => (declared, operation: OperationTable.ByTemplate(declared.Method, declared.Path)))
                    .Where(pair => pair.operation != null && pair.operation.Paging != PagingStyle.None)
                    .ToList();
                return (paged.FirstOrDefault(pair => pair.declared.ParameterSet == key.Item2).operation ?? paged.FirstOrDefault().operation);
            });

        /// <summary>The API's largest page for this list (100 when the spec gives no range: then -PageSize is not checked
        /// against it, only used to size a small -First); -PageSize above a known maximum is refused before any request.</summary>
        protected int MaxPageSize => PageSizeRange?.Max ?? 100;

        /// <summary>The API's smallest useful page (a spec minimum of 0 means "no items", never a page size to ask for).</summary>
        protected int MinPageSize => Math.Max(1, PageSizeRange?.Min ?? 1);

        /// <summary>
        /// The limit to send: -PageSize, or when -First asks for few items a page just big enough for them; null for the API default.
        /// Throws a validation error for a -PageSize outside the API's range.
        /// </summary>
        protected int? EffectivePageSize()
        {
            if (PageSize is int size)
            {
                if (size < MinPageSize || (PageSizeRange != null && size > MaxPageSize))
                    throw new Core.OpenAiValidationException("PageSize",
                        $"-PageSize {size} is outside the range this API accepts ({MinPageSize} to {MaxPageSize}).", "OpenAiInvalidPageSize");
                return size;
            }
            var wanted = PagingParameters.First + PagingParameters.Skip;
            return PagingParameters.First != ulong.MaxValue && wanted < (ulong)MaxPageSize ? (int)Math.Max((ulong)MinPageSize, wanted) : (int?)null;
        }

        /// <summary>
        /// The limit to send when the cmdlet also filters items itself (wildcards, roles...): then a small -First says
        /// nothing about how many items the API must return, so only an explicit -PageSize is sent.
        /// </summary>
        protected int? EffectivePageSize(bool filtersLocally) => filtersLocally && PageSize is null ? null : EffectivePageSize();

        /// <summary>
        /// Writes the items of every page as it arrives, applying <paramref name="filter"/> and then -Skip/-First,
        /// and stops fetching as soon as -First is satisfied. Reports pages fetched as progress on long lists.
        /// From the second page on, when the next page is certainly needed (the list has more, and -Skip plus -First
        /// ask for more items than this page holds), it is requested while this page is written: the pipeline and the
        /// network overlap, and at most one page is held beyond the one being written. A consumer that takes only
        /// part of the first page (Select-Object -First 3) never causes a second request.
        /// </summary>
        /// <param name="pager">The core's pager of the list.</param>
        /// <param name="filter">Items to keep (applied before -Skip/-First); null keeps all.</param>
        /// <param name="project">What to write for an item; null writes the item.</param>
        /// <param name="leading">Items written before the API's pages under the same -Skip/-First (e.g. the built-in
        /// roles the API does not list); when they satisfy -First, no request is made.</param>
        protected void WritePages<T>(ListPager<T> pager, Func<T, bool>? filter = null, Func<T, object>? project = null, IEnumerable<object>? leading = null)
        {
            var skip = PagingParameters.Skip;
            var remaining = PagingParameters.First;
            ulong written = 0;
            if (leading != null)
            {
                foreach (var item in leading)
                {
                    if (remaining == 0) break;
                    if (skip > 0) { skip--; continue; }
                    WriteObject(item);
                    written++;
                    remaining--;
                }
            }
            var progress = new ProgressRecord(Math.Abs(GetType().Name.GetHashCode() % 10000) + 1, MyInvocation.MyCommand.Name, "Fetching pages");
            PendingCall<IReadOnlyList<T>?>? ahead = null;
            CancellationTokenSource? aheadCancel = null;
            if (StartingAfter != null) pager.StartAfter(StartingAfter);
            try
            {
                while (remaining > 0)
                {
                    IReadOnlyList<T>? page;
                    try
                    {
                        page = ahead is { } pending ? Wait(pending) : Await(observer => NextPage(pager, observer, CancellationToken));
                    }
                    catch (Core.OpenAiException failure) when (!(failure is Core.OpenAiValidationException) && (pager.PagesFetched > 0 || StartingAfter != null))
                    {
                        // Every item of the pages before the failed one has been written: the failed page's cursor is where to resume.
                        throw new Core.OpenAiListStoppedException(failure, pager.ResumeCursor, written, MyInvocation.MyCommand.Name);
                    }
                    ahead = null;
                    aheadCancel?.Dispose();
                    aheadCancel = null;
                    if (page is null) break;
                    if (pager.PagesFetched >= 2 && pager.HasMore && (ulong)page.Count < SaturatingAdd(skip, remaining))
                    {
                        aheadCancel = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
                        var token = aheadCancel.Token;
                        ahead = Begin(observer => NextPage(pager, observer, token));
                    }
                    foreach (var item in page)
                    {
                        if (filter != null && !filter(item)) continue;
                        if (skip > 0) { skip--; continue; }
                        WriteObject(project is null ? item! : project(item));
                        written++;
                        if (--remaining == 0) break;
                    }
                    if (pager.PagesFetched >= 2 && pager.HasMore && remaining > 0)
                    {
                        progress.StatusDescription = $"{written} item(s) from {pager.PagesFetched} page(s)";
                        WriteProgress(progress);
                    }
                }
            }
            finally
            {
                // Stopped downstream (Select-Object -First) or by Ctrl+C while a page was on its way: drop it.
                if (ahead is { } abandoned)
                {
                    aheadCancel?.Cancel();
                    abandoned.Task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                }
                aheadCancel?.Dispose();
            }
            if (pager.PagesFetched >= 2)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            if (PagingParameters.IncludeTotalCount)
            {
                // The APIs give no total; report what was seen, marked as exact only when the list was exhausted.
                var accuracy = pager.HasMore ? 0.0 : 1.0;
                WriteObject(PagingParameters.NewTotalCount(written + PagingParameters.Skip, accuracy));
            }
        }

        /// <summary>
        /// The API's order value for the shared -Order parameter (Ascending/Descending by creation time): "asc", "desc",
        /// or null for the API's default. <paramref name="legacy"/> is the value of an old -Ascending/-Descending switch.
        /// </summary>
        protected static string? ApiOrder(string? order, string? legacy = null) =>
            (order ?? legacy) switch { "Ascending" => "asc", "Descending" => "desc", _ => null };

        private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

        private static Task<IReadOnlyList<T>?> NextPage<T>(ListPager<T> pager, Core.Http.IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            pager.NextPageAsync(observer, cancellationToken);
    }
}
