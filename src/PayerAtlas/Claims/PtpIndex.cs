using System.Globalization;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Claims;

/// <summary>
/// One setting's PTP table in memory for bulk checks: each edit packed into a sorted array keyed by its code pair
/// (two base-36 codes in 52 bits), about 30 bytes an edit, found by binary search. Stored rows are rebuilt only for
/// the pairs a claim actually hits.
/// </summary>
public sealed class PtpIndex
{
    readonly ulong[] keys;
    readonly Entry[] entries;
    readonly string[] files;
    readonly string[] rationales;
    readonly string release;

    readonly record struct Entry(int Effective, int Deletion, byte Indicator, bool Prior, ushort File, ushort Rationale, long Line);

    PtpIndex(ulong[] keys, Entry[] entries, string[] files, string[] rationales, string release)
    {
        this.keys = keys;
        this.entries = entries;
        this.files = files;
        this.rationales = rationales;
        this.release = release;
    }

    public int Count => keys.Length;

    public static PtpIndex Load(IReleaseReader reader, NcciSetting setting)
    {
        // Filled in place: a full CMS table is about 50 MB here, and growing lists would briefly double it.
        var count = (int)reader.Count(setting.PtpDataset());
        var keyArray = new ulong[count];
        var entryArray = new Entry[count];
        var files = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var rationales = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var n = 0;
        foreach (var stored in reader.ReadPtpEdits(setting))
        {
            if (n == keyArray.Length)
            {
                Array.Resize(ref keyArray, n + 1024);
                Array.Resize(ref entryArray, n + 1024);
            }

            var e = stored.Record;
            keyArray[n] = Key(e.Column1, e.Column2);
            entryArray[n++] = new Entry(Day(e.Effective), e.Deletion is { } d ? Day(d) : int.MaxValue, (byte)e.ModifierIndicator, e.PriorTo1996,
                Intern(files, stored.Source.File), Intern(rationales, e.Rationale), e.Line);
        }

        Array.Resize(ref keyArray, n);
        Array.Resize(ref entryArray, n);
        Array.Sort(keyArray, entryArray);
        return new PtpIndex(keyArray, entryArray, [.. files.OrderBy(f => f.Value).Select(f => f.Key)],
            [.. rationales.OrderBy(r => r.Value).Select(r => r.Key)], reader.Release.Label);
    }

    static ushort Intern(Dictionary<string, ushort> table, string value)
    {
        if (!table.TryGetValue(value, out var index))
        {
            index = checked((ushort)table.Count);
            table[value] = index;
        }

        return index;
    }

    static int Day(DateOnly date) => date.DayNumber;

    /// <summary>Both codes as one number: five base-36 digits each.</summary>
    public static ulong Key(string column1, string column2) => Pack(column1) << 26 | Pack(column2);

    static ulong Pack(string code)
    {
        ulong value = 0;
        foreach (var c in code)
        {
            value = value * 36 + (ulong)(char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10);
        }

        return value;
    }

    public IReadOnlyList<Stored<PtpEdit>> Pair(string column1, string column2)
    {
        if (column1.Length != 5 || column2.Length != 5)
        {
            return [];
        }

        var key = Key(column1, column2);
        var at = Array.BinarySearch(keys, key);
        if (at < 0)
        {
            return [];
        }

        while (at > 0 && keys[at - 1] == key)
        {
            at--;
        }

        var found = new List<Stored<PtpEdit>>();
        for (; at < keys.Length && keys[at] == key; at++)
        {
            var e = entries[at];
            found.Add(new Stored<PtpEdit>(new PtpEdit
            {
                Column1 = column1,
                Column2 = column2,
                PriorTo1996 = e.Prior,
                Effective = DateOnly.FromDayNumber(e.Effective),
                Deletion = e.Deletion == int.MaxValue ? null : DateOnly.FromDayNumber(e.Deletion),
                ModifierIndicator = (PtpModifierIndicator)e.Indicator,
                Rationale = rationales[e.Rationale],
                Line = e.Line,
            }, new SourceRef(files[e.File], release, e.Line.ToString(CultureInfo.InvariantCulture))));
        }

        return found.OrderBy(s => s.Record.Effective).ToList();
    }
}
