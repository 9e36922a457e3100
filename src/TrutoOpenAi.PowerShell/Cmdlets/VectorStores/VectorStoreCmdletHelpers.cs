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

        /// <summary>An -Attributes hashtable as the API's attribute map: booleans and numbers kept, anything else as a string.</summary>
        public static Dictionary<string, object>? ToAttributes(Hashtable? attributes)
        {
            if (attributes is null) return null;
            var result = new Dictionary<string, object>();
            foreach (DictionaryEntry entry in attributes)
            {
                var value = entry.Value is System.Management.Automation.PSObject ps ? ps.BaseObject : entry.Value;
                result[entry.Key.ToString()] = value is bool || value is int || value is long || value is double ? value : value?.ToString() ?? string.Empty;
            }
            return result;
        }
    }
}
