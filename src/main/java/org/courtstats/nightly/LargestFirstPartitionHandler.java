package org.courtstats.nightly;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Hands the partitions to the staging threads in the order their partitioner gave them,
 * largest file first, so that the longest files start at once and the small ones fill in
 * around them. Spring Batch keeps partitions in hash sets, so that, left to itself, the
 * largest file of a release may start last and run alone on one thread while the other
 * waits.
 */
class LargestFirstPartitionHandler extends TaskExecutorPartitionHandler {

	/** The key of a partition's place in that order, in its execution context. */
	static final String ORDER_KEY = "stagingOrder";

	LargestFirstPartitionHandler(Step step, TaskExecutor taskExecutor, int gridSize) {
		setStep(step);
		setTaskExecutor(taskExecutor);
		setGridSize(gridSize);
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution,
			Set<StepExecution> partitionStepExecutions) throws Exception {
		return super.doHandle(managerStepExecution, ordered(partitionStepExecutions));
	}

	/**
	 * The partitions in their staging order; one without a place (staged by an earlier
	 * version) goes last, and ties go by step name.
	 * @param partitions the partitions' executions
	 * @return them in order
	 */
	static Set<StepExecution> ordered(Set<StepExecution> partitions) {
		Set<StepExecution> ordered = new LinkedHashSet<>();
		partitions.stream()
			.sorted(Comparator.comparingInt(
					(StepExecution partition) -> partition.getExecutionContext().getInt(ORDER_KEY, Integer.MAX_VALUE))
				.thenComparing(StepExecution::getStepName))
			.forEach(ordered::add);
		return ordered;
	}

}
