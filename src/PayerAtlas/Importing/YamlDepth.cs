using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PayerAtlas.Importing;

/// <summary>
/// YamlDotNet's representation model (<c>YamlStream.Load</c>) builds nested nodes recursively, so a few thousand nested
/// <c>[</c> or <c>{a:</c> overflow the stack and kill the process: no exception to catch, an import or a web host gone.
/// Its parser is not recursive: count the nesting on the parser's events before loading.
/// </summary>
public static class YamlDepth
{
    /// <summary>Far deeper than any front matter or policy summary needs (they nest three levels).</summary>
    public const int Max = 64;

    /// <summary>Where the first node deeper than <see cref="Max"/> starts, or null. Syntax errors throw <see cref="YamlException"/>.</summary>
    public static Mark? TooDeep(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var last = Mark.Empty;
        while (Next(parser, last))
        {
            last = parser.Current!.End;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > Max:
                    return parser.Current.Start;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Some malformed inputs (a stray '{' where a block sequence item was) make YamlDotNet's parser throw
    /// InvalidOperationException instead of a YamlException: report them as the syntax errors they are, after the last
    /// good event.
    /// </summary>
    static bool Next(Parser parser, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException e)
        {
            throw new YamlException(last, last, $"malformed YAML after this point ({e.Message})");
        }
    }
}
