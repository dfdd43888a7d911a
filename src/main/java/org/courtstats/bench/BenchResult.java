package org.courtstats.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param proceedings proceedings asked for
 * @param rowsByRelease rows written to the case-data tables of each release, by a name
 * that tells the release and its size
 * @param bytesByRelease bytes of each release's files, by the same names
 * @param firstRelease the name of the release of the full load
 * @param quarterRelease the name of the release a quarter of its size
 * @param phases each phase's figures, in the order they ran
 * @param steps the full load's steps as its job repository recorded them
 * @param statements the full load's integration statements, slowest first
 * @param nextStatements the next release's integration statements, slowest first
 * @param stagingCopy the full load's staging step (COPY)
 * @param stagingJdbcBatch the JDBC-batch load's staging step
 */
public record BenchResult(long proceedings, Map<String, Long> rowsByRelease, Map<String, Long> bytesByRelease,
		String firstRelease, String quarterRelease, List<Phase> phases, List<Step> steps, List<Statement> statements,
		List<Statement> nextStatements, Duration stagingCopy, Duration stagingJdbcBatch) {

	public BenchResult {
		rowsByRelease = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByRelease));
		bytesByRelease = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByRelease));
		phases = List.copyOf(phases);
		steps = List.copyOf(steps);
		statements = List.copyOf(statements);
		nextStatements = List.copyOf(nextStatements);
	}

	/**
	 * The phase of a name.
	 * @param name e.g. {@code full_load}
	 * @return its figures
	 */
	public Phase phase(String name) {
		return this.phases.stream()
			.filter((phase) -> phase.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No phase " + name));
	}

	/**
	 * How many times the rows of the quarter-size release the full load's release holds.
	 * @return its case-data rows over the quarter's
	 */
	public double sizeFactor() {
		return (double) this.rowsByRelease.get(this.firstRelease) / this.rowsByRelease.get(this.quarterRelease);
	}

	/**
	 * Whether every load ended well.
	 * @return false when a load exited with other than 0
	 */
	public boolean loadsSucceeded() {
		return this.phases.stream().allMatch((phase) -> phase.exitCode() == 0);
	}

	/**
	 * One measured phase.
	 *
	 * @param name e.g. {@code raw_copy}
	 * @param elapsed its wall-clock time: for a load, its process from start to exit
	 * @param loadTime the load's own time, from taking the run lock to its end, as it
	 * logged it; null for a phase that is not a load, or a load that did not log it
	 * @param heap the peak heap of its JVM, or null when it ran in the benchmark's own
	 * @param exitCode the load's exit code (0 for the raw copy)
	 * @param outcome what the load printed about the release, or how the phase ran
	 */
	public record Phase(String name, Duration elapsed, Duration loadTime, PeakHeap heap, int exitCode, String outcome) {

		/**
		 * The time the ratios compare: a load's own time where it logged one, else the
		 * phase's wall-clock time. Like the raw copy, which runs in the benchmark's JVM
		 * on an open connection, it leaves out the start of a JVM, the Spring context and
		 * the schema check.
		 * @return the time measured
		 */
		public Duration measured() {
			return (this.loadTime != null) ? this.loadTime : this.elapsed;
		}

	}

	/**
	 * A step of the full load.
	 *
	 * @param name the step name
	 * @param elapsed from its start to its end
	 */
	public record Step(String name, Duration elapsed) {
	}

	/**
	 * An integration statement of the full load, as {@code WarehouseBuild} logged it.
	 *
	 * @param file the SQL file
	 * @param rows the rows it changed
	 * @param elapsed how long it ran
	 */
	public record Statement(String file, long rows, Duration elapsed) {
	}

}
