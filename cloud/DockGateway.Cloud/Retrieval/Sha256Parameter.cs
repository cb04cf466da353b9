using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Retrieval;

/// <summary>A SHA-256 in a path: 64 lower-case hex digits.</summary>
public static class Sha256Parameter
{
    public static bool Check(string sha256, FieldErrors errors)
    {
        if (sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower))
        {
            return true;
        }

        errors.Add("sha256", "must be 64 lower-case hex digits");
        return false;
    }
}
