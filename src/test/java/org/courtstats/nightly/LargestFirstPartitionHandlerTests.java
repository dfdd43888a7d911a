package org.courtstats.nightly;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging partitions start in the order the partitioner gave them, whatever order the
 * set Spring Batch keeps them in.
 */
class LargestFirstPartitionHandlerTests {

	private final JobExecution job = new JobExecution(1L, new JobInstance(1L, "eoirRelease"), new JobParameters());

	private long ids;

	@Test
	void partitionsAreHandedOutInTheirStagingOrderAndThoseWithoutOneLast() {
		Set<StepExecution> partitions = new HashSet<>();
		List<String> names = List.of("stageTable:tblLookupJudge#21", "stageTable:tbl_schedule#9",
				"stageTable:A_TblCase#2", "stageTable:B_TblProceeding#5", "stageTable:tblLanguage#11");
		for (int i = 0; i < names.size(); i++) {
			partitions.add(partition(names.get(i), List.of(4, 0, 2, 1, -1).get(i)));
		}
		partitions.add(partition("stageTable:older#1", -1));

		assertThat(LargestFirstPartitionHandler.ordered(partitions)).extracting(StepExecution::getStepName)
			.containsExactly("stageTable:tbl_schedule#9", "stageTable:B_TblProceeding#5", "stageTable:A_TblCase#2",
					"stageTable:tblLookupJudge#21", "stageTable:older#1", "stageTable:tblLanguage#11");
	}

	private StepExecution partition(String name, int order) {
		StepExecution partition = new StepExecution(++this.ids, name, this.job);
		if (order >= 0) {
			partition.getExecutionContext().putInt(LargestFirstPartitionHandler.ORDER_KEY, order);
		}
		return partition;
	}

}
