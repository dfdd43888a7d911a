package org.courtstats.nightly;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly load ({@code jobs/nightly-load/nightly-load.yml}).
 *
 * @param inbox the folder deliveries arrive in
 * @param chunkSize rows per chunk: one transaction, one {@code COPY}, one restart point
 * @param stagingThreads files staged at the same time
 */
@ConfigurationProperties("courtstats.nightly-load")
public record NightlyLoadSettings(@DefaultValue("./inbox") Path inbox, @DefaultValue("5000") int chunkSize,
		@DefaultValue("2") int stagingThreads) {
}
