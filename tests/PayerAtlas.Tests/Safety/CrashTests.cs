using Xunit.Abstractions;

namespace PayerAtlas.Tests.Safety;

/// <summary>SIGKILL during an import never damages what was there (issue 7, crash safety).</summary>
[Trait("Category", "Safety")]
public sealed class SqliteCrashTests(ITestOutputHelper output)
{
    [Fact]
    public void Imports_killed_at_random_points_leave_the_previous_releases_intact_and_the_next_import_succeeds()
    {
        using var backend = new SqliteCrashBackend();
        new CrashDrill(backend, output).Run();
    }
}

/// <summary>The same drill on PostgreSQL: the tests' server (PAYERATLAS_TEST_POSTGRES, or a throwaway cluster).</summary>
[Trait("Category", "Safety")]
public sealed class PostgresCrashTests(ITestOutputHelper output)
{
    [Fact]
    public void Imports_killed_at_random_points_leave_the_previous_releases_intact_and_the_next_import_succeeds()
    {
        using var backend = new PostgresCrashBackend();
        new CrashDrill(backend, output).Run();
    }
}
