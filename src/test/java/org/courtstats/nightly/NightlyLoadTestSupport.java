package org.courtstats.nightly;

import java.util.List;
import java.util.stream.Collectors;

import org.courtstats.CourtstatsApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the nightly-load tests share: the load, and the warehouse it writes. Each test
 * class declares its own database with a {@code @DynamicPropertySource}, so that it gets
 * a context and a warehouse of its own.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
abstract class NightlyLoadTestSupport {

	@Autowired
	NightlyLoad nightlyLoad;

	@Autowired
	JdbcTemplate jdbc;

	long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	/**
	 * Ids for an SQL {@code in (...)} list; {@code 0}, an id no generated row has, when
	 * there are none.
	 */
	static String ids(List<Long> ids) {
		return ids.isEmpty() ? "0" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
