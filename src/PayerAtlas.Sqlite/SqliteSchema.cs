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
        """
        CREATE TABLE opps_cap (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
            hcpcs TEXT NOT NULL, modifier TEXT NOT NULL, proc_status TEXT NOT NULL, mac TEXT NOT NULL, locality TEXT NOT NULL,
            facility_price TEXT NOT NULL, nonfacility_price TEXT NOT NULL
        );
        CREATE INDEX opps_cap_code ON opps_cap(release_id, hcpcs);
        """,
        // 3: NCCI procedure-to-procedure edits and MUE tables. Dates are yyyymmdd integers; setting is NcciSetting. The PTP
        // table is clustered on its column 1 lookup (WITHOUT ROWID): a million-row import appends in file order, and
        // only the column 2 index is maintained on the side.
        """
        CREATE TABLE ncci_ptp (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL, setting INTEGER NOT NULL,
            column1 TEXT NOT NULL, column2 TEXT NOT NULL, prior_1996 INTEGER NOT NULL, effective INTEGER NOT NULL,
            deletion INTEGER, modifier INTEGER NOT NULL, rationale TEXT NOT NULL,
            PRIMARY KEY (release_id, setting, column1, column2, source_id, line)
        ) WITHOUT ROWID;
        CREATE INDEX ncci_ptp_column2 ON ncci_ptp(release_id, setting, column2);
        CREATE TABLE ncci_mue (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL, setting INTEGER NOT NULL,
            code TEXT NOT NULL, value INTEGER NOT NULL, adjudication INTEGER NOT NULL, adjudication_text TEXT NOT NULL,
            rationale TEXT NOT NULL
        );
        CREATE INDEX ncci_mue_code ON ncci_mue(release_id, setting, code);
        """,
        // 4: payer policy versions, document mentions and policy updates.
        """
        CREATE TABLE policy_versions (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL, row_ref TEXT NOT NULL,
            payer TEXT NOT NULL, policy_id TEXT NOT NULL, version TEXT NOT NULL, version_date TEXT,
            imported_in TEXT NOT NULL, record TEXT NOT NULL,
            UNIQUE (release_id, payer, policy_id, version)
        );
        CREATE TABLE policy_mentions (
            release_id INTEGER NOT NULL, source_id INTEGER NOT NULL,
            payer TEXT NOT NULL, policy_id TEXT NOT NULL, version TEXT NOT NULL, ordinal INTEGER NOT NULL,
            code_low TEXT NOT NULL, code_high TEXT NOT NULL, system TEXT NOT NULL,
            page INTEGER, location TEXT NOT NULL, sentence TEXT NOT NULL
        );
        CREATE INDEX policy_mentions_code ON policy_mentions(release_id, code_low);
        CREATE TABLE policy_updates (
            release_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, payer TEXT NOT NULL, policy_id TEXT NOT NULL,
            from_version TEXT NOT NULL, to_version TEXT NOT NULL, update_date TEXT, record TEXT NOT NULL
        );
        CREATE INDEX policy_updates_release ON policy_updates(release_id);
        """,
        // 5: full-text search over every release's codes (issue 4); SqliteStore.Migrate fills it for releases imported before it.
        SqliteSearchIndex.Create,
    ];
}
