using System.Text.Json;

namespace PayerAtlas.Importers.Hpt;

/// <summary>Scalar values inside an item: a wrong type rejects the item (with its path and offset) and reading goes on.</summary>
internal sealed partial class HptJsonReader
{
    /// <summary>A string value (a number is taken as written: some files write codes and units as numbers).</summary>
    string? Scalar(ItemState item, string name)
    {
        tokens.Read();
        switch (tokens.Type)
        {
            case JsonTokenType.String or JsonTokenType.Number:
                return tokens.Text;
            case JsonTokenType.Null:
                return null;
            default:
                item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: expected a string, found {HptJsonTokens.Describe(tokens.Type)}");
                tokens.SkipValue();
                return null;
        }
    }

    decimal? Amount(ItemState item, string name)
    {
        tokens.Read();
        if (tokens.Type == JsonTokenType.Number && tokens.Number is { } value)
        {
            return value;
        }

        if (tokens.Type == JsonTokenType.Null)
        {
            return null;
        }

        var found = tokens.Type == JsonTokenType.String ? $"the string '{tokens.Text}'" : tokens.Type == JsonTokenType.Number ? $"'{tokens.Text}'" : HptJsonTokens.Describe(tokens.Type);
        item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: {found} is not a number");
        tokens.SkipValue();
        return null;
    }

    List<string> StringsIn(ItemState item, string name)
    {
        tokens.Read();
        if (tokens.Type != JsonTokenType.StartArray)
        {
            return SingleString(item, name);
        }

        var values = new List<string>();
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            if (tokens.Type == JsonTokenType.String)
            {
                values.Add(tokens.Text);
            }
            else
            {
                item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: must hold strings, found {HptJsonTokens.Describe(tokens.Type)}");
                tokens.SkipValue();
            }
        }

        return values;
    }

    List<string> SingleString(ItemState item, string name)
    {
        if (tokens.Type == JsonTokenType.String)
        {
            return [tokens.Text];
        }

        item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: must be an array of strings, found {HptJsonTokens.Describe(tokens.Type)}");
        tokens.SkipValue();
        return [];
    }
}
