using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Usage
{
    /// <summary>
    /// One costs result (<c>organization.costs.result</c>) of one daily bucket: the amount and its currency, and the
    /// grouping keys (project, line item, API key) when the report was grouped by them.
    /// </summary>
    public sealed class OpenAiCost : OpenAiUsageRecord
    {
        public override string Kind => "Costs";

        /// <summary>The cost, in <see cref="Currency"/> (the API's amount.value), exact as sent.</summary>
        [JsonIgnore]
        public decimal Amount { get; set; }

        /// <summary>Lowercase ISO-4217 currency of <see cref="Amount"/>, e.g. usd.</summary>
        [JsonIgnore]
        public string? Currency { get; set; }

        /// <summary>When grouped by line item: what was billed, e.g. "gpt-4o-2024-08-06, input".</summary>
        public string? LineItem { get; set; }

        /// <summary>When grouped by API key: the key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>When grouped by line item: the quantity billed.</summary>
        public decimal? Quantity { get; set; }

        /// <summary>The unit of <see cref="Quantity"/> (tokens, images, characters ...), when one applies.</summary>
        public string? QuantityUnit { get; set; }

        /// <summary>The UTC day of the bucket (costs buckets are one day wide).</summary>
        [JsonIgnore]
        public DateTime Day => BucketStart.UtcDateTime.Date;

        protected override void OnDeserialized()
        {
            // "amount": {"value": 0.06, "currency": "usd"}: Amount is [JsonIgnore], so it is read from the raw object.
            using var document = JsonDocument.Parse(RawJson);
            if (!document.RootElement.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Object) return;
            if (amount.TryGetProperty("value", out var value))
            {
                if (value.ValueKind == JsonValueKind.Number) Amount = value.TryGetDecimal(out var exact) ? exact : (decimal)value.GetDouble();
                else if (value.ValueKind == JsonValueKind.String &&
                         decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) Amount = parsed;
            }
            if (amount.TryGetProperty("currency", out var currency) && currency.ValueKind == JsonValueKind.String)
                Currency = currency.GetString();
            AdditionalProperties?.Remove("amount");
            if (AdditionalProperties?.Count == 0) AdditionalProperties = null;
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd} {1} {2:0.######} {3}",
            BucketStart.UtcDateTime, LineItem ?? ProjectId ?? "total", Amount, Currency);
    }
}
