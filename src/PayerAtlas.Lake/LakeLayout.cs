using System.Text;

namespace PayerAtlas.Lake;

/// <summary>
/// Where things live in a rate lake: Hive-style partitions <c>payer=&lt;slug&gt;/code_prefix=&lt;3 chars&gt;/part-&lt;hash&gt;-&lt;n&gt;.parquet</c>,
/// the source manifest in <c>_sources/</c> and ingests in progress in <c>_staging/</c>. Folder names starting with
/// <c>_</c> are skipped by Spark, Trino and pandas when they list a partitioned dataset.
/// </summary>
public static class LakeLayout
{
    public const string SourcesFolder = "_sources";
    public const string StagingFolder = "_staging";

    /// <summary>The glob DuckDB (and any Hive-aware reader) reads the observations with: partitions only, never staging.</summary>
    public static string ParquetGlob(string lake) => Path.Combine(Path.GetFullPath(lake), "payer=*", "code_prefix=*", "*.parquet");

    /// <summary>Lower-case letters and digits, other runs become one <c>-</c>; at most 60 characters.</summary>
    public static string PayerSlug(string payer)
    {
        var sb = new StringBuilder(Math.Min(payer.Length, 60));
        var dash = false;
        foreach (var c in payer)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                dash = false;
                sb.Append(char.ToLowerInvariant(c));
                if (sb.Length >= 60)
                {
                    break;
                }
            }
            else
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? "unspecified" : sb.ToString();
    }

    /// <summary>The first three characters of the code, upper case, anything but a letter or digit as <c>_</c>.</summary>
    public static string CodePrefix(ReadOnlySpan<char> code)
    {
        Span<char> buf = stackalloc char[3];
        var n = Math.Min(code.Length, 3);
        for (var i = 0; i < n; i++)
        {
            var c = code[i];
            buf[i] = char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_';
        }

        return n == 0 ? "_" : new string(buf[..n]);
    }

    public static string PartitionFolder(string payerSlug, string codePrefix) => Path.Combine($"payer={payerSlug}", $"code_prefix={codePrefix}");

    /// <summary>The part file name: 16 hex digits of the source's SHA-256 make names unique per source, n per partition.</summary>
    public static string PartFileName(string sha256, int n) => $"part-{sha256[..16]}-{n:D4}.parquet";
}
