using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Catalog
{
    /// <summary>Which key an operation takes.</summary>
    public enum OpenAiKeyKind
    {
        /// <summary>A project or user key (Connect-OpenAi -ApiKey).</summary>
        Api,
        /// <summary>An organization admin key (Connect-OpenAi -AdminKey).</summary>
        Admin,
    }

    /// <summary>What an operation does to the account.</summary>
    public enum OpenAiOperationAccess
    {
        /// <summary>Reads only (GET, search, token counts).</summary>
        Read,
        /// <summary>Creates or changes something.</summary>
        Write,
        /// <summary>Deletes, cancels, archives or deactivates.</summary>
        Destructive,
    }

    /// <summary>One row of the operation table (src/TrutoOpenAi.Core/Catalog/operations.tsv, derived from the spec).</summary>
    public sealed class OpenAiOperationDefinition
    {
        private readonly string[] _segments;

        internal OpenAiOperationDefinition(IReadOnlyDictionary<string, string> row)
        {
            Tool = row["tool"];
            Method = row["method"];
            Path = row["path"];
            OperationId = row["operation_id"];
            IsSeedTool = row["seed"] == "yes";
            Area = row["area"];
            KeyKind = row["key"] == "admin" ? OpenAiKeyKind.Admin : OpenAiKeyKind.Api;
            Headers = row["headers"].Split(new[] { "; " }, StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Split(new[] { ':' }, 2))
                .Select(h => new KeyValuePair<string, string>(h[0].Trim(), h[1].Trim())).ToList();
            Paging = (PagingStyle)Enum.Parse(typeof(PagingStyle), row["paging"]);
            PageSize = row["page_size"];
            Body = row["body"];
            Response = row["response"];
            Access = row["access"] switch
            {
                "read" => OpenAiOperationAccess.Read,
                "destructive" => OpenAiOperationAccess.Destructive,
                _ => OpenAiOperationAccess.Write,
            };
            SafeToRepeat = row["repeat"] == "safe";
            var mark = Path.IndexOf('?');
            RequestPath = mark < 0 ? Path : Path.Substring(0, mark);
            FixedQuery = mark < 0 ? null : Path.Substring(mark + 1);
            _segments = RequestPath.Trim('/').Split('/');
        }

        /// <summary>The tool name: one of the 157 seed tools, or a name in the same pattern for the other operations.</summary>
        public string Tool { get; }
        /// <summary>GET, POST or DELETE.</summary>
        public string Method { get; }
        /// <summary>The spec's path template, e.g. /organization/projects/{project_id} (a few beta variants end in ?beta=true).</summary>
        public string Path { get; }
        /// <summary>The spec's operationId (empty for GET /me, which the spec does not document).</summary>
        public string OperationId { get; }
        /// <summary>True for the 157 tools of the product's tool list.</summary>
        public bool IsSeedTool { get; }
        /// <summary>The area (Projects, Files, Assistants ...).</summary>
        public string Area { get; }
        /// <summary>Admin or API key.</summary>
        public OpenAiKeyKind KeyKind { get; }
        /// <summary>Headers every request of the operation carries (OpenAI-Beta: assistants=v2 for the assistants family).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
        /// <summary>How a list answer pages; None when it is not a paged list.</summary>
        public PagingStyle Paging { get; }
        /// <summary>The limit range as the spec gives it: "1-100", per bucket width "1d=1-31,1h=1-168,1m=1-1440", or empty.</summary>
        public string PageSize { get; }
        /// <summary>none, json or multipart.</summary>
        public string Body { get; }
        /// <summary>json, binary, sse-or-json (an event stream when asked to stream), text or none.</summary>
        public string Response { get; }
        /// <summary>Read, Write or Destructive.</summary>
        public OpenAiOperationAccess Access { get; }
        /// <summary>
        /// Whether sending the request twice leaves the account as sending it once does (reads, deletes, updates, cancels and
        /// other state changes), so it may be retried after the server may already have acted. False for creates and the
        /// other actions: those are retried only when the request certainly did not reach the server.
        /// </summary>
        public bool SafeToRepeat { get; }
        /// <summary>The path template without the beta variants' query.</summary>
        public string RequestPath { get; }
        /// <summary>The query the beta variants carry (beta=true); null for the others.</summary>
        public string? FixedQuery { get; }

        public bool NeedsAdminKey => KeyKind == OpenAiKeyKind.Admin;

        /// <summary>The smallest and largest page size (limit) the API accepts; null when the spec gives no range.</summary>
        /// <param name="bucketWidth">For usage reports, whose range depends on the bucket width (default 1d).</param>
        public (int Min, int Max)? PageSizeRange(string? bucketWidth = null)
        {
            if (PageSize.Length == 0) return null;
            var range = PageSize;
            if (range.Contains("="))
            {
                var width = bucketWidth ?? "1d";
                range = range.Split(',').Select(part => part.Split('=')).FirstOrDefault(part => part[0] == width)?[1];
                if (range is null) return null;
            }
            var bounds = range.Split('-');
            return (int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>How well a request path (relative, unescaped segments not needed) fits the template: -1 when it does not,
        /// otherwise a score where literal segments count more than placeholders, so /certificates/activate beats /certificates/{id}.</summary>
        internal int Match(string[] segments)
        {
            if (segments.Length != _segments.Length) return -1;
            var score = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                var template = _segments[i];
                if (template.Length > 1 && template[0] == '{')
                {
                    if (segments[i].Length == 0) return -1;
                    continue;
                }
                if (!string.Equals(template, segments[i], StringComparison.Ordinal)) return -1;
                score += 1 << (segments.Length - i);
            }
            return score;
        }

        public override string ToString() => $"{Method} {Path} ({Tool})";
    }

    /// <summary>
    /// The operation table: every operation the module performs or will perform, with its key kind, required headers,
    /// paging, body and answer kinds. Generated from the spec by src/tools/CatalogGen into Catalog/operations.tsv and
    /// embedded here; read on first use, never at import.
    /// </summary>
    public static class OperationTable
    {
        private static readonly Lazy<IReadOnlyList<OpenAiOperationDefinition>> Rows = new Lazy<IReadOnlyList<OpenAiOperationDefinition>>(Load);

        /// <summary>Every operation, in the table's order (the 157 seed tools first).</summary>
        public static IReadOnlyList<OpenAiOperationDefinition> All => Rows.Value;

        /// <summary>The operation of a tool name, or null.</summary>
        public static OpenAiOperationDefinition? ByTool(string tool) =>
            All.FirstOrDefault(o => string.Equals(o.Tool, tool, StringComparison.Ordinal));

        /// <summary>The operation declared by a method and a spec path template (e.g. GET /organization/projects/{project_id}), or null.</summary>
        public static OpenAiOperationDefinition? ByTemplate(string method, string pathTemplate) =>
            All.FirstOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) &&
                                    string.Equals(o.Path, pathTemplate, StringComparison.Ordinal));

        /// <summary>
        /// The operation a request performs: its method and its path (relative to the base URI, with or without a leading
        /// slash, ids filled in) matched against the templates, the most literal match first. The beta variants match only
        /// when the query carries their beta=true. Null when no operation matches.
        /// </summary>
        public static OpenAiOperationDefinition? Find(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query = null)
        {
            var mark = path.IndexOf('?');
            var queryText = mark < 0 ? null : path.Substring(mark + 1);
            if (mark >= 0) path = path.Substring(0, mark);
            var segments = path.Trim('/').Split('/');
            var beta = (queryText != null && queryText.Split('&').Contains("beta=true")) ||
                       (query != null && query.Any(q => q.Key == "beta" && q.Value == "true"));
            OpenAiOperationDefinition? best = null;
            var bestScore = -1;
            foreach (var operation in All)
            {
                if (!string.Equals(operation.Method, method.Method, StringComparison.OrdinalIgnoreCase)) continue;
                if ((operation.FixedQuery != null) != beta) continue;
                var score = operation.Match(segments);
                if (score > bestScore)
                {
                    best = operation;
                    bestScore = score;
                }
            }
            return best;
        }

        private static IReadOnlyList<OpenAiOperationDefinition> Load()
        {
            using var stream = typeof(OperationTable).Assembly.GetManifestResourceStream("TrutoOpenAi.Core.operations.tsv")
                ?? throw new InvalidOperationException("The operation table is not embedded in TrutoOpenAi.Core.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }

        internal static IReadOnlyList<OpenAiOperationDefinition> Parse(string text)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            var header = lines[0].Split('\t');
            return lines.Skip(1).Select(line =>
            {
                var cells = line.Split('\t');
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++) row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
                return new OpenAiOperationDefinition(row);
            }).ToList();
        }
    }
}
