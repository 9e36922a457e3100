using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Turns JSON into what ConvertFrom-Json would give: PSCustomObjects, arrays, strings, numbers, booleans.</summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject())
                        result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    return result;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (var item in element.EnumerateArray()) items.Add(Convert(item));
                    return items.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var integer)) return integer;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }

    /// <summary>Turns what a user passes as -Body (hashtable, PSCustomObject, string, array) into JSON text.</summary>
    internal static class PowerShellToJson
    {
        public static string Serialize(object? value)
        {
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                Write(writer, value, 0);
            }
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > 64) throw new PSArgumentException("-Body is nested more than 64 levels deep.");
            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject)) value = wrapped.BaseObject;
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string text:
                    writer.WriteStringValue(text);
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case SwitchParameter switchValue:
                    writer.WriteBooleanValue(switchValue.IsPresent);
                    return;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    writer.WriteNumberValue(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    return;
                case float or double or decimal:
                    writer.WriteNumberValue(System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    return;
                case System.DateTime date:
                    writer.WriteNumberValue(new System.DateTimeOffset(date).ToUnixTimeSeconds());
                    return;
                case System.DateTimeOffset offset:
                    writer.WriteNumberValue(offset.ToUnixTimeSeconds());
                    return;
                case System.Enum enumValue:
                    writer.WriteStringValue(enumValue.ToString());
                    return;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(entry.Key?.ToString() ?? string.Empty);
                        Write(writer, entry.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case PSObject custom:
                    writer.WriteStartObject();
                    foreach (var property in custom.Properties)
                    {
                        if (!(property is PSNoteProperty || property is PSProperty)) continue;
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    foreach (var item in sequence) Write(writer, item, depth + 1);
                    writer.WriteEndArray();
                    return;
                default:
                    writer.WriteStartObject();
                    foreach (var property in PSObject.AsPSObject(value).Properties)
                    {
                        if (!(property is PSProperty)) continue;
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
            }
        }
    }
}
