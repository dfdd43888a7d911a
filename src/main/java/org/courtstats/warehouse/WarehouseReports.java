package org.courtstats.warehouse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only questions the commands ask of the warehouse to report on a load.
 */
public class WarehouseReports {

	private final JdbcTemplate jdbc;

	public WarehouseReports(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The files of a release with their row counts, read files first.
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release
	 * @return one entry per file
	 */
	public List<FileCounts> fileCounts(String source, String releaseLabel) {
		return this.jdbc.query("""
				select coalesce(table_name, '-'), relative_path, status,
				    coalesce(rows_read, 0), coalesce(rows_loaded, 0), coalesce(rows_rejected, 0),
				    coalesce(rows_repaired, 0), coalesce(rows_padded, 0),
				    rows_read is not null, count_txt_rows, file_name
				from etl.source_file
				where source = ? and release_label = ?
				order by table_name is null, table_name, relative_path
				""",
				(rs, row) -> new FileCounts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9),
						rs.getObject(10, Long.class), rs.getString(11)),
				source, releaseLabel);
	}

	/**
	 * The lines of a release's files that were repaired or rejected, counted by file and
	 * code.
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release
	 * @return one entry per file, outcome and code; repairs before rejections
	 */
	public List<LineOutcomes> lineOutcomes(String source, String releaseLabel) {
		return this.jdbc.query("""
				select f.table_name, f.relative_path, o.outcome, o.code, count(*)
				from (
				    select source_file_id, 'repaired' as outcome, repair_code as code from etl.repaired_row
				    union all
				    select source_file_id, 'rejected', reason_code from etl.rejected_row
				) as o
				join etl.source_file as f using (source_file_id)
				where f.source = ? and f.release_label = ?
				group by f.table_name, f.relative_path, o.outcome, o.code
				order by f.table_name, f.relative_path, o.outcome desc, o.code
				""", (rs, row) -> new LineOutcomes(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getLong(5)), source, releaseLabel);
	}

	/**
	 * The input lines a release's facts collapsed into others, counted by table and rule.
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release
	 * @return table, rule and count, one entry per table and rule
	 */
	public List<DedupCount> dedupCounts(String source, String releaseLabel) {
		return this.jdbc.query("""
				select d.table_name, d.rule, count(*)
				from etl.dedup_decision as d
				join warehouse.dim_release as r using (release_key)
				where r.source = ? and r.release_label = ?
				group by d.table_name, d.rule
				order by d.table_name, d.rule
				""", (rs, row) -> new DedupCount(rs.getString(1), rs.getString(2), rs.getLong(3)), source,
				releaseLabel);
	}

	/**
	 * The largest rows of {@code reporting.mpp_case_outcomes}.
	 * @param limit how many
	 * @return rows by proceedings, largest first
	 */
	public List<MppOutcome> topMppOutcomes(int limit) {
		return this.jdbc.query("""
				select nationality_code, nationality_name, hearing_loc_code, outcome_group, proceedings,
				    in_absentia, represented
				from reporting.mpp_case_outcomes
				order by proceedings desc, nationality_code, hearing_loc_code, outcome_group
				limit ?
				""", (rs, row) -> new MppOutcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getLong(6), rs.getLong(7)), limit);
	}

	/**
	 * The sheets of a workbook rejected whole, because their layout is not an OHSS
	 * table's (each cell of such a sheet is a rejected row).
	 * @param source ohss
	 * @param releaseLabel the edition
	 * @return the sheet names, in workbook order
	 */
	public List<String> rejectedSheets(String source, String releaseLabel) {
		return this.jdbc.queryForList("""
				select r.sheet_name
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				where f.source = ? and f.release_label = ? and r.sheet_name is not null
				    and r.reason_code = 'unrecognised_layout'
				group by r.sheet_name
				order by min(r.rejected_row_id)
				""", String.class, source, releaseLabel);
	}

	/**
	 * The months of {@code reporting.mpp_returns_by_month} for one component, with the
	 * total each fiscal year's row prints.
	 * @param component CBP, USBP or OFO
	 * @return one row per month, or per fiscal year for the printed total (a null month),
	 * oldest first
	 */
	public List<MppMonth> mppReturnsByMonth(String component) {
		return this.jdbc.query(
				"""
						select fiscal_year, fiscal_month, mpp_book_outs, value_status, edition
						from reporting.mpp_returns_by_month
						where component = ?
						union all
						select t.fiscal_year, null, t.value::bigint, t.value_status, r.release_label
						from warehouse.fct_border_statistic as t
						join warehouse.dim_release as r on r.release_key = t.edition_release_key
						where t.is_latest_edition and t.table_name = 'CBP SWB Book-Outs by Agency'
						    and t.measure_label = 'Migrant Protection Protocols' and t.fiscal_month is null
						    and t.group_label = case ? when 'CBP' then 'Total CBP' else ? end
						order by 1, 2 nulls first
						""", (rs, row) -> new MppMonth(rs.getInt(1), rs.getObject(2, Integer.class),
						rs.getObject(3, Long.class), rs.getString(4), rs.getString(5)),
				component, component, component);
	}

	/**
	 * The citizenship labels of loaded border statistics that the crosswalk lacks.
	 * @return {@code source: label} entries
	 */
	public List<String> unmappedCitizenshipLabels() {
		return this.jdbc.queryForList("select source || ': ' || regexp_replace(label, '\\s+', ' ', 'g') "
				+ "from reporting.unmapped_citizenship_labels order by source, label", String.class);
	}

	/**
	 * The latest load runs of {@code etl.load_run}.
	 * @param runs how many
	 * @return the runs, newest first
	 */
	public List<LoadRun> recentRuns(int runs) {
		return this.jdbc.query("""
				select job_execution_id, source, release_label, started_at, ended_at, status,
				    rows_read, rows_loaded, rows_rejected, message
				from etl.load_run
				order by started_at desc, job_execution_id desc
				limit ?
				""",
				(rs, row) -> new LoadRun(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
						rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)),
				runs);
	}

	/**
	 * The rows of each table the release of each of the latest load runs holds, from
	 * {@code etl.source_file}; files the load skips are left out.
	 * @param runs how many runs
	 * @return one entry per run and table, newest run first, tables by name
	 */
	public List<RunTableCounts> recentRunTableCounts(int runs) {
		return this.jdbc.query("""
				with latest_run as (
				    select job_execution_id, source, release_label, started_at
				    from etl.load_run
				    order by started_at desc, job_execution_id desc
				    limit ?
				)
				select r.job_execution_id, f.table_name, count(*), coalesce(sum(f.rows_read), 0),
				    case when exists (select 1 from warehouse.dim_release as d
				        where d.job_execution_id = r.job_execution_id and d.status = 'published')
				        then coalesce(sum(f.rows_loaded), 0) else 0 end,
				    coalesce(sum(f.rows_rejected), 0)
				from latest_run as r
				join etl.source_file as f on f.source = r.source and f.release_label = r.release_label
				where f.table_name is not null
				group by r.job_execution_id, r.started_at, f.table_name
				order by r.started_at desc, r.job_execution_id desc, f.table_name
				""", (rs, row) -> new RunTableCounts(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
				rs.getLong(5), rs.getLong(6)), runs);
	}

	/**
	 * Every month of {@code reporting.mpp_returns_by_month}, all components.
	 * @return one entry per month and component, oldest month first
	 */
	public List<MppReturnMonth> mppReturnMonths() {
		return this.jdbc.query("""
				select component, month_start, mpp_book_outs, value_status, edition
				from reporting.mpp_returns_by_month
				order by month_start, component
				""", (rs, row) -> new MppReturnMonth(rs.getString(1), rs.getObject(2, LocalDate.class),
				rs.getObject(3, Long.class), rs.getString(4), rs.getString(5)));
	}

	/**
	 * Completed removal proceedings and those ordered in absentia by fiscal year, MPP or
	 * not, summed over the courts of {@code reporting.in_absentia_rates}.
	 * @return one entry per fiscal year and MPP flag, oldest year first, non-MPP first
	 */
	public List<InAbsentiaYear> inAbsentiaByFiscalYear() {
		return this.jdbc.query("""
				select fiscal_year, is_mpp, sum(completed), sum(in_absentia)
				from reporting.in_absentia_rates
				group by fiscal_year, is_mpp
				order by fiscal_year, is_mpp
				""", (rs, row) -> new InAbsentiaYear(rs.getInt(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)));
	}

	/**
	 * Row counts of one file of a release.
	 *
	 * @param tableName the EOIR table, or {@code -} for a skipped file
	 * @param relativePath the file inside its release
	 * @param status registered, skipped or loaded
	 * @param rowsRead data rows read
	 * @param rowsLoaded rows staged and integrated
	 * @param rowsRejected rows quarantined
	 * @param rowsRepaired rows loaded after a tab shift or empty trailing fields were
	 * repaired
	 * @param rowsPadded short rows loaded after padding
	 * @param staged whether the file is staged, so that its rows read are counted
	 * @param countTxtRows the rows the release's {@code Count.txt} gives for the file, or
	 * null when it gives none
	 * @param fileName the file name, without the folders above it
	 */
	public record FileCounts(String tableName, String relativePath, String status, long rowsRead, long rowsLoaded,
			long rowsRejected, long rowsRepaired, long rowsPadded, boolean staged, Long countTxtRows, String fileName) {
	}

	/**
	 * How many lines of one table a release's facts collapsed by one rule.
	 *
	 * @param tableName the EOIR table
	 * @param rule {@code exact_duplicate} or {@code same_key_last_line_wins}
	 * @param rows how many lines were dropped
	 */
	public record DedupCount(String tableName, String rule, long rows) {
	}

	/**
	 * How many lines of one file were repaired or rejected for one reason.
	 *
	 * @param tableName the EOIR table
	 * @param relativePath the file inside its release
	 * @param outcome {@code repaired} or {@code rejected}
	 * @param code the repair code or the reason code
	 * @param rows how many lines
	 */
	public record LineOutcomes(String tableName, String relativePath, String outcome, String code, long rows) {
	}

	/**
	 * One row of {@code reporting.mpp_case_outcomes}.
	 *
	 * @param nationalityCode EOIR nationality code
	 * @param nationalityName nationality name
	 * @param hearingLocCode the case's MPP hearing location
	 * @param outcomeGroup outcome group
	 * @param proceedings completed proceedings
	 * @param inAbsentia of which in absentia
	 * @param represented of which represented
	 */
	public record MppOutcome(String nationalityCode, String nationalityName, String hearingLocCode, String outcomeGroup,
			long proceedings, long inAbsentia, long represented) {
	}

	/**
	 * MPP book-outs of one month, or the total a fiscal year's row prints.
	 *
	 * @param fiscalYear the fiscal year
	 * @param fiscalMonth 1 (October) to 12, or null for the fiscal year's printed total
	 * @param bookOuts the number, or null when the edition prints a marker
	 * @param valueStatus reported, not_applicable (X), not_available (NA), ...
	 * @param edition the OHSS edition the value comes from
	 */
	public record MppMonth(int fiscalYear, Integer fiscalMonth, Long bookOuts, String valueStatus, String edition) {
	}

	/**
	 * One load run of {@code etl.load_run}.
	 *
	 * @param jobExecutionId the Spring Batch job execution
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release it loads
	 * @param startedAt when it started
	 * @param endedAt when it ended, or null while it runs
	 * @param status STARTED, COMPLETED, FAILED, ...
	 * @param rowsRead data rows read in the release
	 * @param rowsLoaded rows staged and integrated
	 * @param rowsRejected rows quarantined
	 * @param message the first line of its failure, or null
	 */
	public record LoadRun(long jobExecutionId, String source, String releaseLabel, OffsetDateTime startedAt,
			OffsetDateTime endedAt, String status, long rowsRead, long rowsLoaded, long rowsRejected, String message) {

		/**
		 * How long the run took.
		 * @return the duration, or null while it runs
		 */
		public Duration duration() {
			return (this.endedAt != null) ? Duration.between(this.startedAt, this.endedAt) : null;
		}

	}

	/**
	 * The rows of one table in the release of one load run.
	 *
	 * @param jobExecutionId the run
	 * @param tableName the source table (A_TblCase, an OHSS table, CBP encounters)
	 * @param files how many files hold it
	 * @param rowsRead data rows read
	 * @param rowsLoaded rows staged and integrated
	 * @param rowsRejected rows quarantined
	 */
	public record RunTableCounts(long jobExecutionId, String tableName, int files, long rowsRead, long rowsLoaded,
			long rowsRejected) {
	}

	/**
	 * MPP book-outs of one component in one month.
	 *
	 * @param component CBP, USBP or OFO
	 * @param monthStart the first day of the month
	 * @param bookOuts the number, or null when the edition prints a marker
	 * @param valueStatus reported, not_applicable (X), not_available (NA), ...
	 * @param edition the OHSS edition the value comes from
	 */
	public record MppReturnMonth(String component, LocalDate monthStart, Long bookOuts, String valueStatus,
			String edition) {
	}

	/**
	 * Completed removal proceedings of one fiscal year, MPP or not.
	 *
	 * @param fiscalYear the fiscal year of completion
	 * @param mpp whether the proceedings belong to MPP cases
	 * @param completed completed removal proceedings
	 * @param inAbsentia of which ordered in absentia
	 */
	public record InAbsentiaYear(int fiscalYear, boolean mpp, long completed, long inAbsentia) {
	}

}
