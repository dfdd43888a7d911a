package org.courtstats.nightly;

import java.util.List;

import org.courtstats.TestWarehouse;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real OHSS editions delivered in the order AUGUST then JULY.
 */
class OhssEditionsAugustFirstFunctionalTests extends OhssEditionsLoadTestSupport {

	static String url = TestWarehouse.newDatabase("ohss_augustfirst");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Override
	List<String> deliveryOrder() {
		return List.of(AUGUST, JULY);
	}

}
