namespace PayerAtlas.Sqlite;

/// <summary>Schema migrations, applied in order; the database records the last one applied.</summary>
/// <remarks>Decimals are stored as TEXT so RVUs and GPCIs keep their published digits exactly.</remarks>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE releases (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            is_current INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE release_sources (
            id INTEGER PRIMARY KEY,
            release_id INTEGER NOT NULL REFERENCES releases(id),
            file TEXT NOT NULL,
            kind TEXT NOT NULL,
            publisher TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            row_count INTEGER NOT NULL DEFAULT 0,
            carried_from TEXT
        );
        CREATE INDEX release_sources_release ON release_sources(release_id);
        CREATE TABLE fee_schedule (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            hcpcs TEXT NOT NULL, modifier TEXT NOT NULL, description TEXT NOT NULL, status_code TEXT NOT NULL,
            not_used TEXT NOT NULL, work_rvu TEXT NOT NULL, nf_pe_rvu TEXT NOT NULL, nf_na TEXT NOT NULL,
            f_pe_rvu TEXT NOT NULL, f_na TEXT NOT NULL, mp_rvu TEXT NOT NULL, nf_total TEXT NOT NULL,
            f_total TEXT NOT NULL, pctc TEXT NOT NULL, global_days TEXT NOT NULL, pre_op TEXT NOT NULL,
            intra_op TEXT NOT NULL, post_op TEXT NOT NULL, mult_proc TEXT NOT NULL, bilat_surg TEXT NOT NULL,
            asst_surg TEXT NOT NULL, co_surg TEXT NOT NULL, team_surg TEXT NOT NULL, endo_base TEXT NOT NULL,
            conv_factor TEXT NOT NULL, supervision TEXT NOT NULL, calc_flag TEXT NOT NULL, imaging_family TEXT NOT NULL,
            opps_nf_pe TEXT NOT NULL, opps_f_pe TEXT NOT NULL, opps_mp TEXT NOT NULL
        );
        CREATE INDEX fee_schedule_code ON fee_schedule(release_id, hcpcs);
        CREATE TABLE gpci (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            mac TEXT NOT NULL, state TEXT NOT NULL, locality TEXT NOT NULL, name TEXT NOT NULL, footnote TEXT NOT NULL,
            work TEXT NOT NULL, pe TEXT NOT NULL, mp TEXT NOT NULL
        );
        CREATE INDEX gpci_release ON gpci(release_id);
        CREATE TABLE locality_counties (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            mac TEXT NOT NULL, locality TEXT NOT NULL, state TEXT NOT NULL, area TEXT NOT NULL, counties TEXT NOT NULL
        );
        CREATE INDEX locality_counties_release ON locality_counties(release_id);
        CREATE TABLE hcpcs (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            code TEXT NOT NULL, kind TEXT NOT NULL, record TEXT NOT NULL
        );
        CREATE INDEX hcpcs_code ON hcpcs(release_id, code);
        CREATE TABLE places_of_service (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, row_ref TEXT NOT NULL,
            code TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL
        );
        CREATE INDEX places_of_service_release ON places_of_service(release_id);
        CREATE TABLE editorial (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            code TEXT NOT NULL, entry TEXT NOT NULL,
            UNIQUE (release_id, code)
        );
        """,
        // 2: full-text search over every release's codes (issue 4), filled for releases imported before it.
        SqliteSearchIndex.Create + SqliteSearchIndex.Populate(""),
    ];
}
