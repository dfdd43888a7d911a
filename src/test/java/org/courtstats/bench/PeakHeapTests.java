package org.courtstats.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peak heap is read from a JVM's unified GC log.
 */
class PeakHeapTests {

	@Test
	void theHighestOccupancyBeforeACollectionOrAtExitAndTheHighestAfterOne() {
		PeakHeap heap = PeakHeap.parse(List.of("[0.412s][info][gc] Using G1",
				"[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(512M) 3.411ms",
				"[9.870s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 310M->122M(512M) 12.004ms",
				"[10.100s][info][gc] GC(2) Pause Remark 130M->118M(512M) 1.201ms", "[12.000s][info][gc,heap,exit] Heap",
				"[12.000s][info][gc,heap,exit]  garbage-first heap   total 524288K, used 204800K [0x00000000e0000000, 0x0000000100000000)"));

		assertThat(heap.peakUsedBytes()).isEqualTo(310L << 20);
		assertThat(heap.peakLiveBytes()).isEqualTo(122L << 20);
		assertThat(heap.collections()).isEqualTo(3);
	}

	@Test
	void aJvmThatNeverCollectedStillGivesItsHeapAtExit() {
		PeakHeap heap = PeakHeap.parse(List
			.of("[3.000s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 51200K [0x00000000e0000000, 0x0000000100000000)"));

		assertThat(heap.peakUsedBytes()).isEqualTo(50L << 20);
		assertThat(heap.collections()).isZero();
	}

}
