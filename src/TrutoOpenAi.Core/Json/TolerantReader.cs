using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;

namespace TrutoOpenAi.Core.Json
{
    /// <summary>An observer that also hears about fields the models could not read (see <see cref="TolerantReader"/>).</summary>
    public interface IOpenAiReadObserver
    {
        /// <summary>A field of an answer did not have the model's JSON type; its raw value was kept.</summary>
        void OnReadProblem(string message);
    }

    /// <summary>
    /// Reads API objects tolerantly: a field whose JSON type differs from the model's (a string where the model has a list,
    /// null where it has a number or an object) does not fail the whole object. The field is left unset, its raw value is
    /// kept in the owning object's AdditionalProperties (and in RawJson), the observer of the call in progress hears about
    /// it (the cmdlets write it to the verbose stream), and the object is returned.
    /// </summary>
    public static class TolerantReader
    {
        private static readonly AsyncLocal<IOpenAiCallObserver?> Current = new AsyncLocal<IOpenAiCallObserver?>();

        /// <summary>Makes <paramref name="observer"/> the one told about unreadable fields until the scope is disposed.</summary>
        public static IDisposable Observe(IOpenAiCallObserver? observer)
        {
            var previous = Current.Value;
            Current.Value = observer;
            return new Scope(previous);
        }

        /// <summary>Deserializes <paramref name="element"/>; fields that do not fit are set aside instead of failing it.</summary>
        public static T Deserialize<T>(JsonElement element)
        {
            try
            {
                return OpenAiJson.Deserialize<T>(element);
            }
            catch (JsonException) when (element.ValueKind == JsonValueKind.Object)
            {
                // Set the misfits aside below.
            }
            var node = JsonNode.Parse(element.GetRawText())!;
            var misfits = new List<Misfit>();
            Clean(node, typeof(T), new List<object>(), misfits);
            var value = node.Deserialize<T>(OpenAiJson.Options)
                ?? throw new OpenAiResponseException($"The API returned null where a {typeof(T).Name} was expected.");
            foreach (var misfit in misfits)
            {
                if (Navigate(value, misfit.Owner) is OpenAiObject owner)
                {
                    owner.AdditionalProperties ??= new Dictionary<string, JsonElement>();
                    owner.AdditionalProperties[misfit.Name] = misfit.Raw;
                }
                var where = string.Join(".", misfit.Owner.Select(s => s is int i ? $"[{i}]" : (string)s).Append(misfit.Name)).Replace(".[", "[");
                (Current.Value as IOpenAiReadObserver)?.OnReadProblem(
                    $"{typeof(T).Name}: field '{where}' is {Describe(misfit.Raw.ValueKind)} where the model expects {TypeName(misfit.Expected)}; " +
                    $"its raw value is kept in AdditionalProperties['{misfit.Name}'] and RawJson.");
            }
            return value;
        }

        private sealed class Misfit
        {
            public Misfit(List<object> owner, string name, JsonElement raw, Type expected)
            {
                Owner = owner;
                Name = name;
                Raw = raw;
                Expected = expected;
            }

            public List<object> Owner { get; }
            public string Name { get; }
            public JsonElement Raw { get; }
            public Type Expected { get; }
        }

        private static bool Fits(JsonNode? node, Type type)
        {
            try
            {
                // ToJsonString + Deserialize: JsonNode.Deserialize does not exist on every target.
                JsonSerializer.Deserialize(node?.ToJsonString() ?? "null", type, OpenAiJson.Options);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>Removes from <paramref name="node"/> (in place) every field that does not fit its property, deepest first.</summary>
        private static void Clean(JsonNode? node, Type type, List<object> path, List<Misfit> misfits)
        {
            var info = OpenAiJson.Options.GetTypeInfo(type);
            if (info.Kind == JsonTypeInfoKind.Object && node is JsonObject obj)
            {
                foreach (var property in info.Properties)
                {
                    if (property.Get is null && property.Set is null) continue;
                    if (!obj.TryGetPropertyValue(property.Name, out var child) || Fits(child, property.PropertyType)) continue;
                    var childPath = new List<object>(path) { property.Name };
                    if (child is JsonObject || child is JsonArray)
                    {
                        Clean(child, property.PropertyType, childPath, misfits);
                        if (Fits(child, property.PropertyType)) continue;
                    }
                    var raw = JsonDocument.Parse(child?.ToJsonString() ?? "null").RootElement.Clone();
                    obj.Remove(property.Name);
                    misfits.Add(new Misfit(path, property.Name, raw, property.PropertyType));
                }
            }
            else if (info.Kind == JsonTypeInfoKind.Enumerable && node is JsonArray array && ElementType(type) is Type element)
            {
                for (var i = 0; i < array.Count; i++)
                    if (!Fits(array[i], element)) Clean(array[i], element, new List<object>(path) { i }, misfits);
            }
        }

        private static Type? ElementType(Type type) =>
            type.IsArray ? type.GetElementType()
            : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0];

        /// <summary>The .NET object at a path of property names and list indexes below <paramref name="root"/>.</summary>
        private static object? Navigate(object? root, List<object> path)
        {
            var current = root;
            foreach (var step in path)
            {
                if (current is null) return null;
                if (step is int index)
                {
                    current = current is IList list && index < list.Count ? list[index] : null;
                    continue;
                }
                var property = OpenAiJson.Options.GetTypeInfo(current.GetType()).Properties.FirstOrDefault(p => p.Name == (string)step);
                current = property?.Get?.Invoke(current);
            }
            return current;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => kind.ToString(),
        };

        private static string TypeName(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type)) return "a list";
            if (type == typeof(string)) return "a string";
            if (type == typeof(bool)) return "true/false";
            if (type.IsPrimitive || type == typeof(decimal)) return "a number";
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a timestamp";
            if (type.IsEnum) return "one of its values";
            return "an object";
        }

        private sealed class Scope : IDisposable
        {
            private readonly IOpenAiCallObserver? _previous;

            public Scope(IOpenAiCallObserver? previous) => _previous = previous;

            public void Dispose() => Current.Value = _previous;
        }
    }
}
