package org.courtstats.observability;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import org.courtstats.warehouse.LoadStatistics;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The load's meters and listeners, and, for a one-shot load, the push of its meters to a
 * Pushgateway. Spring Batch's own job and step timers need nothing here: Spring Boot
 * hands the observation registry to every job and step.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	private static final Pattern PARTITION_ID = Pattern.compile("#\\d+$");

	@Bean
	LoadStatistics loadStatistics(DataSource dataSource) {
		return new LoadStatistics(dataSource);
	}

	@Bean
	LoadMeters loadMeters(MeterRegistry meterRegistry, LoadStatistics loadStatistics) {
		return new LoadMeters(meterRegistry, loadStatistics);
	}

	/**
	 * Spring Batch names a partition's step after its partition, {@code
	 * stageTable:A_TblCase#42}, where 42 is the file's {@code etl.source_file} id: a new
	 * name with every release. The id is dropped from the step name tags, so that the
	 * timers stay one per table.
	 */
	@Bean
	MeterFilter partitionStepNames() {
		return new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				if (!id.getName().startsWith("spring.batch.")) {
					return id;
				}
				List<Tag> tags = new ArrayList<>();
				boolean changed = false;
				for (Tag tag : id.getTagsAsIterable()) {
					if (tag.getKey().endsWith("step.name") && PARTITION_ID.matcher(tag.getValue()).find()) {
						tags.add(Tag.of(tag.getKey(), PARTITION_ID.matcher(tag.getValue()).replaceFirst("")));
						changed = true;
					}
					else {
						tags.add(tag);
					}
				}
				return changed ? id.replaceTags(tags) : id;
			}
		};
	}

	/**
	 * Reads the last successful loads once the warehouse is migrated, so that the gauge
	 * is there from the first scrape.
	 */
	@Bean
	SmartInitializingSingleton lastLoadsAtStart(LoadMeters loadMeters) {
		return loadMeters::refreshLastLoads;
	}

	@Bean
	RunObservation runObservation(LoadMeters loadMeters) {
		return new RunObservation(loadMeters);
	}

	@Bean
	StagingProgress stagingProgress(LoadMeters loadMeters, LoadStatistics loadStatistics) {
		return new StagingProgress(loadMeters, loadStatistics);
	}

	/**
	 * A one-shot load lives too short for a scrape: it pushes its meters every push rate
	 * and once more when it ends, replacing what the Pushgateway held under its job. The
	 * {@code schedule} command serves them instead, and the commands that load nothing
	 * ({@code status}, {@code report}, ...) push nothing, so that the last load's meters
	 * stay.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnNotWebApplication
	@ConditionalOnExpression("!'${courtstats.metrics.pushgateway-url:}'.isBlank() and '${"
			+ MetricsSettings.PUSHES_METERS + ":false}' == 'true'")
	static class PushgatewayConfiguration {

		@Bean(destroyMethod = "shutdown")
		PrometheusPushGatewayManager pushGatewayManager(PrometheusMeterRegistry registry, MetricsSettings settings) {
			URI url = settings.pushgatewayUrl();
			Scheme scheme = "https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP;
			PushGateway pushGateway = PushGateway.builder()
				.scheme(scheme)
				.address(url.getAuthority())
				.job(settings.pushgatewayJob())
				.registry(registry.getPrometheusRegistry())
				.format(Format.PROMETHEUS_TEXT)
				.build();
			return new PrometheusPushGatewayManager(pushGateway, settings.pushRate(),
					PrometheusPushGatewayManager.ShutdownOperation.PUT);
		}

	}

}
