namespace PayerAtlas.Lake.Parquet;

/// <summary>A caller's table of string values numbered 0 to <see cref="Count"/> - 1 (null allowed), for keyed string chunks.</summary>
internal interface IStringTable
{
    int Count { get; }

    string? this[int key] { get; }
}
