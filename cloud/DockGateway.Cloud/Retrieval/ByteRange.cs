using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// One byte range of an HTTP <c>Range</c> header (RFC 9110 §14): <c>bytes=first-last</c>, <c>bytes=first-</c> or
/// <c>bytes=-suffix</c>. Several ranges are not served as multipart: the whole file is sent instead (allowed).
/// </summary>
public readonly record struct ByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    public enum Outcome
    {
        /// <summary>No Range header, or one this server ignores (several ranges, another unit): send the whole file.</summary>
        Whole,

        /// <summary>A satisfiable range: send 206 with it.</summary>
        Partial,

        /// <summary>A syntactically valid range that starts at or beyond the end of the file: 416.</summary>
        Unsatisfiable,

        /// <summary>Not a byte range at all: 400 naming Range.</summary>
        Malformed,
    }

    public static Outcome Parse(StringValues header, long size, out ByteRange range)
    {
        range = default;
        if (StringValues.IsNullOrEmpty(header))
        {
            return Outcome.Whole;
        }

        var text = header.ToString().Trim();
        if (!text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Whole;
        }

        var spec = text["bytes=".Length..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
        {
            return Outcome.Whole;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Outcome.Malformed;
        }

        var (left, right) = (spec[..dash], spec[(dash + 1)..]);
        if (left.Length == 0)
        {
            if (!TryNumber(right, out var suffix) || suffix == 0)
            {
                return suffix == 0 && right.Length > 0 ? Outcome.Unsatisfiable : Outcome.Malformed;
            }

            if (size == 0)
            {
                return Outcome.Unsatisfiable;
            }

            range = new ByteRange(Math.Max(0, size - suffix), size - 1);
            return Outcome.Partial;
        }

        if (!TryNumber(left, out var first))
        {
            return Outcome.Malformed;
        }

        var last = size - 1;
        if (right.Length > 0)
        {
            if (!TryNumber(right, out last) || last < first)
            {
                return Outcome.Malformed;
            }
        }

        if (first >= size)
        {
            return Outcome.Unsatisfiable;
        }

        range = new ByteRange(first, Math.Min(last, size - 1));
        return Outcome.Partial;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
