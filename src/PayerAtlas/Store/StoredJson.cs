using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayerAtlas.Store;

/// <summary>
/// How store adapters keep whole records as JSON text (HCPCS records, editorial entries, policies), so every backend
/// writes and reads the same documents.
/// </summary>
public static class StoredJson
{
    /// <summary>HCPCS records and editorial entries.</summary>
    public static readonly JsonSerializerOptions Records = new(JsonSerializerDefaults.Web);

    /// <summary>Policy records with enum names, so stored rows read the same if an enum grows.</summary>
    public static readonly JsonSerializerOptions Policies = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    public static T Read<T>(string json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(json, options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is empty");
}
