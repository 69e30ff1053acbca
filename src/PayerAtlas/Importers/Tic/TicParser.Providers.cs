using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    readonly Utf8Cache<InlineProviders> inlineGroups = new(maxEntries: 1 << 14, maxKeyLength: 16 << 10);
    readonly HashSet<long> npiSet = [];
    readonly HashSet<string> tinSet = new(StringComparer.Ordinal);

    /// <summary>Set when this file is itself a provider-reference file (top-level <c>provider_groups</c>).</summary>
    internal InlineProviders? ReferenceFileGroups { get; private set; }

    /// <summary>
    /// A rate's <c>provider_references</c>, left in <see cref="ids"/>. Unknown ids are an error, except in a first
    /// pass that has not seen the top-level <c>provider_references</c> yet: then the read defers from this rate on.
    /// A list seen before is answered from the table's cache without checking its ids again.
    /// </summary>
    ProviderSetSummary ReadReferenceList(ref Utf8JsonReader r, int k, bool allowDefer)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "provider_references");
        ids.Clear();
        idOffsets.Clear();
        path.PushIndex("provider_references");
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(ids.Count);
            ids.Add(Int64Value(ref r, ""));
            idOffsets.Add(j.Offset(r.TokenStartIndex));
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids);
        if (providers.TryGetResolved(span, out var known))
        {
            path.Pop();
            return known;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (!providers.TryGet(ids[i], out var reference))
            {
                if (allowDefer && !providers.Seen)
                {
                    throw new DeferSignal(k, item.EmittedRates);
                }

                path.SetIndex(i);
                throw Fail(idOffsets[i], null, $"provider_group_id {ids[i]} is not defined in the file's provider_references");
            }

            if (reference.Summary is null)
            {
                path.SetIndex(i);
                Resolve(reference);
            }
        }

        path.Pop();
        return providers.Union(span, null);
    }

    /// <summary>Fetches a <c>location</c> reference (a provider-reference file, local or URL) the first time a rate uses it.</summary>
    void Resolve(ProviderReference reference)
    {
        var location = reference.Location!;
        var at = $"$.provider_references[{reference.Index}].location";
        TicSource target;
        try
        {
            target = source.Resolve(location);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            throw new TicFormatException(source.Name, reference.Offset, at, $"'{location}' is not a usable location: {e.Message}", e);
        }

        try
        {
            using var nested = new TicParser(target, NullSink.Instance, options, cancellation);
            var result = nested.Run();
            var groups = nested.ReferenceFileGroups
                ?? throw new TicFormatException(source.Name, reference.Offset, at, $"{location} is a {result.Kind} file, not a provider-reference file");
            reference.Npis = groups.Npis;
            reference.Tins = groups.Tins;
            reference.Location = null;
            providers.SetSummary(reference, ProviderTable.Summarise(groups.Npis, groups.Tins, reference.Networks));
            referenceFiles++;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException)
        {
            throw new TicFormatException(source.Name, reference.Offset, at, $"the provider-reference file {location} could not be read: {e.Message}", e);
        }
    }

    /// <summary>The top-level <c>provider_references</c> array.</summary>
    void ReadProviderReferences(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "provider_references");
        path.PushIndex("provider_references");
        var i = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            long? id = null;
            InlineProviders? groups = null;
            string[] networks = [];
            string? location = null;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("provider_group_id"u8))
                {
                    j.Read(ref r);
                    id = Int64Value(ref r, "provider_group_id");
                }
                else if (name.SequenceEqual("provider_groups"u8))
                {
                    j.Read(ref r);
                    groups = ReadInlineGroups(ref r, "provider_groups");
                }
                else if (name.SequenceEqual("network_name"u8))
                {
                    networks = ReadStringArray(ref r, "network_name");
                }
                else if (name.SequenceEqual("location"u8))
                {
                    location = ReadString(ref r, "location");
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (id is null)
            {
                Missing(start, "provider_group_id");
            }

            if (groups is null && location is null)
            {
                Missing(start, "provider_groups", "location");
            }

            if (providers.TryGet(id.Value, out _))
            {
                throw Fail(start, null, $"provider_group_id {id} appears twice in provider_references");
            }

            providers.Add(new ProviderReference
            {
                Id = id.Value,
                Npis = groups?.Npis ?? [],
                Tins = groups?.Tins ?? [],
                Networks = networks,
                Location = groups is null ? location : null,
                Summary = groups is null ? null : ProviderTable.Summarise(groups.Npis, groups.Tins, networks),
                Offset = start,
                Index = i,
            });
            i++;
        }

        path.Pop();
        providers.Seen = true;
    }

    /// <summary>A provider-reference file's top-level <c>provider_groups</c>.</summary>
    void ReadProviderReferenceFile(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        ReferenceFileGroups = ReadInlineGroups(ref r, "provider_groups");
    }

    /// <summary>
    /// <c>provider_groups</c>: <c>[{ "npi": [..], "tin": {"type", "value"} }]</c> as distinct NPIs (0, the schema's
    /// "no NPI" marker, is not counted) and distinct TIN values. Recurring inline arrays are cached by their bytes.
    /// </summary>
    InlineProviders ReadInlineGroups(ref Utf8JsonReader r, string property)
    {
        Expect(ref r, JsonTokenType.StartArray, property);
        var saved = r;
        var raw = default(ReadOnlySpan<byte>);
        if (r.TrySkip())
        {
            raw = j.Slice((int)saved.TokenStartIndex, (int)r.BytesConsumed);
            if (inlineGroups.TryGet(raw, out var hit))
            {
                return hit;
            }

            r = saved;
        }

        var generation = j.Generation;
        npiSet.Clear();
        tinSet.Clear();
        path.PushIndex(property);
        var g = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(g++);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            var sawNpi = false;
            string? tin = null;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("npi"u8))
                {
                    sawNpi = true;
                    ReadNpis(ref r);
                }
                else if (name.SequenceEqual("tin"u8))
                {
                    tin = ReadTin(ref r);
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (!sawNpi)
            {
                Missing(start, "npi");
            }

            if (tin is null)
            {
                Missing(start, "tin");
            }

            tinSet.Add(tin);
        }

        path.Pop();
        var npis = npiSet.ToArray();
        Array.Sort(npis);
        var tins = tinSet.ToArray();
        var groups = new InlineProviders { Npis = npis, Tins = tins, Summary = new ProviderSetSummary(npis.Length, tins.Length, null) };
        if (!raw.IsEmpty && generation == j.Generation)
        {
            inlineGroups.Add(raw, groups);
        }

        return groups;
    }

    void ReadNpis(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "npi");
        path.PushIndex("npi");
        var i = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i++);
            var npi = Int64Value(ref r, "");
            if (npi != 0)
            {
                npiSet.Add(npi);
            }
        }

        path.Pop();
    }

    /// <summary>A <c>tin</c> object; returns its value (type and business name are not kept).</summary>
    string ReadTin(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartObject, "tin");
        var start = j.Offset(r.TokenStartIndex);
        path.Push("tin");
        string? type = null, value = null;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("type"u8))
            {
                type = ReadString(ref r, "type");
            }
            else if (name.SequenceEqual("value"u8))
            {
                value = ReadString(ref r, "value");
            }
            else
            {
                j.Skip(ref r);
            }
        }

        if (type is null)
        {
            Missing(start, "type");
        }

        if (value is null)
        {
            Missing(start, "value");
        }

        path.Pop();
        return value;
    }

    string[] ReadStringArray(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, property);
        parts.Clear();
        path.PushIndex(property);
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(parts.Count);
            parts.Add(StringValue(ref r, ""));
        }

        path.Pop();
        return [.. parts];
    }

    sealed class NullSink : PayerAtlas.Rates.IRateSink
    {
        public static readonly NullSink Instance = new();

        public void Write(in PayerAtlas.Rates.RateObservation observation)
        {
        }
    }
}
