namespace PayerAtlas.Cli;

/// <summary>Process exit codes: scripts and CI tell outcomes apart by these.</summary>
public enum ExitCode
{
    Ok = 0,
    /// <summary>Bad command line (System.CommandLine's own parse errors also exit 1).</summary>
    Usage = 1,
    /// <summary>Input rejected: malformed file, unknown layout; nothing was stored.</summary>
    BadInput = 2,
    /// <summary>The code, release or locality asked for is not in the store.</summary>
    NotFound = 3,
    /// <summary>`check`: at least one claim line would be denied as billed.</summary>
    Denied = 4,
    Failed = 10,
}
