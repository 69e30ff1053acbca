using PayerAtlas.Claims.Rules;
using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims;

/// <summary>Options of a claim check; vary them in tests with <c>with</c>.</summary>
public sealed record ClaimCheckOptions
{
    /// <summary>The rendering setting of lines that do not name one.</summary>
    public NcciSetting DefaultSetting { get; init; } = NcciSetting.Practitioner;

    /// <summary>The rules, in the order their findings are listed for a line.</summary>
    public IReadOnlyList<IClaimRule> Rules { get; init; } = Default;

    public static readonly IReadOnlyList<IClaimRule> Default =
    [
        new CodeRule(),
        new StatusRule(),
        new ComponentRule(),
        new PtpRule(),
        new MueRule(),
        new GlobalSurgeryRule(),
        new PayerPolicyRule(),
    ];
}
