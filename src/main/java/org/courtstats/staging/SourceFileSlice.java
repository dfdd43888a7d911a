package org.courtstats.staging;

/**
 * The rows one delivered file contributes to staging, as one stage step writes them.
 *
 * @param sourceFileId the file in {@code etl.source_file}
 * @param tableName logical source table, e.g. {@code A_TblCase}
 * @param table the staging table the rows go to
 * @param jobExecutionId the job execution that stages them
 */
public record SourceFileSlice(long sourceFileId, String tableName, StagingTable table, long jobExecutionId) {
}
