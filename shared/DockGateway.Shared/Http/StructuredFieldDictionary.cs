using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Http;

/// <summary>
/// A parsed RFC 8941 structured-field dictionary, as far as RFC 9421/9530 need it: members are
/// items (integer, string, token, byte sequence, boolean) or inner lists, each with parameters.
/// Values are <see cref="long"/>, <see cref="string"/>, <see cref="SfToken"/>, <see cref="byte"/>[],
/// <see cref="bool"/> or, for inner lists, <see cref="IReadOnlyList{T}"/> of <see cref="SfItem"/>.
/// </summary>
internal sealed class StructuredFieldDictionary
{
    private readonly Dictionary<string, SfItem> _members = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly string _text;
    private int _position;

    private StructuredFieldDictionary(string text) => _text = text;

    public IReadOnlyList<string> Keys => _order;

    public SfItem? this[string key] => _members.GetValueOrDefault(key);

    public static StructuredFieldDictionary Parse(string text)
    {
        var dictionary = new StructuredFieldDictionary(text);
        dictionary.ParseMembers();
        return dictionary;
    }

    private void ParseMembers()
    {
        SkipSpaces();
        while (_position < _text.Length)
        {
            var key = ParseKey();
            SfItem member;
            if (Peek() == '=')
            {
                _position++;
                member = Peek() == '(' ? ParseInnerList() : ParseItem();
            }
            else
            {
                member = new SfItem(true, ParseParameters());
            }

            if (!_members.ContainsKey(key))
            {
                _order.Add(key);
            }

            _members[key] = member;
            SkipOptionalWhiteSpace();
            if (_position >= _text.Length)
            {
                return;
            }

            Expect(',');
            SkipOptionalWhiteSpace();
            if (_position >= _text.Length)
            {
                throw Error("trailing comma");
            }
        }
    }

    private SfItem ParseInnerList()
    {
        Expect('(');
        var items = new List<SfItem>();
        while (true)
        {
            SkipSpaces();
            if (Peek() == ')')
            {
                _position++;
                return new SfItem(items, ParseParameters());
            }

            items.Add(ParseItem());
            if (Peek() is not (' ' or ')'))
            {
                throw Error("expected a space or ')' in an inner list");
            }
        }
    }

    private SfItem ParseItem() => new(ParseBareItem(), ParseParameters());

    private OrderedDictionary<string, object> ParseParameters()
    {
        var parameters = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        while (Peek() == ';')
        {
            _position++;
            SkipSpaces();
            var key = ParseKey();
            object value = true;
            if (Peek() == '=')
            {
                _position++;
                value = ParseBareItem();
            }

            parameters[key] = value;
        }

        return parameters;
    }

    private object ParseBareItem()
    {
        var c = Peek();
        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseInteger();
        }

        switch (c)
        {
            case '"':
                return ParseString();
            case ':':
                return ParseByteSequence();
            case '?':
                _position++;
                var flag = Peek();
                _position++;
                return flag switch
                {
                    '1' => true,
                    '0' => false,
                    _ => throw Error("boolean must be ?0 or ?1"),
                };
            default:
                if (char.IsAsciiLetter(c) || c == '*')
                {
                    var start = _position;
                    while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || "!#$%&'*+-.^_`|~:/".Contains(_text[_position], StringComparison.Ordinal)))
                    {
                        _position++;
                    }

                    return new SfToken(_text[start.._position]);
                }

                throw Error("expected an integer, string, token, byte sequence or boolean");
        }
    }

    private long ParseInteger()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (Peek() == '.')
        {
            throw Error("decimals are not supported here");
        }

        var digits = _text[start.._position];
        if (digits.TrimStart('-').Length is 0 or > 15 || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("integer must have 1 to 15 digits");
        }

        return value;
    }

    private string ParseString()
    {
        Expect('"');
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\\')
            {
                var escaped = Peek();
                if (escaped is not ('"' or '\\'))
                {
                    throw Error("only \\\" and \\\\ may be escaped in a string");
                }

                value.Append(escaped);
                _position++;
            }
            else if (c == '"')
            {
                return value.ToString();
            }
            else if (c < 0x20 || c > 0x7E)
            {
                throw Error("strings hold printable ASCII only");
            }
            else
            {
                value.Append(c);
            }
        }

        throw Error("unterminated string");
    }

    private byte[] ParseByteSequence()
    {
        Expect(':');
        var end = _text.IndexOf(':', _position);
        if (end < 0)
        {
            throw Error("unterminated byte sequence");
        }

        var encoded = _text[_position..end];
        _position = end + 1;
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw Error("byte sequence is not base64");
        }
    }

    private string ParseKey()
    {
        var start = _position;
        if (!(char.IsAsciiLetterLower(Peek()) || Peek() == '*'))
        {
            throw Error("a key must start with a lowercase letter or '*'");
        }

        while (_position < _text.Length && (char.IsAsciiLetterLower(_text[_position]) || char.IsAsciiDigit(_text[_position]) || _text[_position] is '_' or '-' or '.' or '*'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _position++;
        }
    }

    private void SkipOptionalWhiteSpace()
    {
        while (Peek() is ' ' or '\t')
        {
            _position++;
        }
    }

    private FormatException Error(string problem) =>
        new($"structured field '{_text}': {problem} at offset {_position}");
}
