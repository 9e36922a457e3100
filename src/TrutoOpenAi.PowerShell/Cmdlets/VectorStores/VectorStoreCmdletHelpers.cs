using System.Collections;
using System.Collections.Generic;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    internal static class VectorStoreCmdletHelpers
    {
        /// <summary>A -Metadata hashtable as the API's string map (null stays null).</summary>
        public static Dictionary<string, string>? ToMetadata(Hashtable? metadata)
        {
            if (metadata is null) return null;
            var result = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in metadata) result[entry.Key.ToString()] = entry.Value?.ToString() ?? string.Empty;
            return result;
        }
    }
}
