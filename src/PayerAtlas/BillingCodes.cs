namespace PayerAtlas;

/// <summary>Shape rules for CPT/HCPCS codes: five characters, letters and digits.</summary>
public static class BillingCodes
{
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != 5)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CPT Category I codes are five digits; everything else here is HCPCS Level II or a CPT II/III code.</summary>
    public static string System(string code) =>
        code.All(char.IsAsciiDigit) || code[4] is 'F' or 'T' or 'U' && code[..4].All(char.IsAsciiDigit) ? "CPT" : "HCPCS";

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
