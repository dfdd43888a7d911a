package org.courtstats.nightly;

import java.util.List;

import org.courtstats.TestWarehouse;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real OHSS editions delivered in the order JULY then AUGUST.
 */
class OhssEditionsJulyFirstFunctionalTests extends OhssEditionsLoadTestSupport {

	static String url = TestWarehouse.newDatabase("ohss_julyfirst");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Override
	List<String> deliveryOrder() {
		return List.of(JULY, AUGUST);
	}

}
