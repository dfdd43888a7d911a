package org.courtstats.observability;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a one-shot load sends its meters ({@code courtstats.metrics} in
 * {@code config/application.yml}).
 *
 * @param pushgatewayUrl a Prometheus Pushgateway, e.g. {@code http://pushgateway:9091};
 * when blank, nothing is pushed
 * @param pushgatewayJob the {@code job} label the meters are pushed under
 * @param pushRate how often a running load pushes, besides once when it ends
 */
@ConfigurationProperties("courtstats.metrics")
public record MetricsSettings(URI pushgatewayUrl, @DefaultValue("courtstats") String pushgatewayJob,
		@DefaultValue("1m") Duration pushRate) {

	public MetricsSettings {
		if (pushgatewayUrl != null && !pushgatewayUrl.toString().isBlank()
				&& (pushgatewayUrl.getHost() == null || !"http".equalsIgnoreCase(pushgatewayUrl.getScheme())
						&& !"https".equalsIgnoreCase(pushgatewayUrl.getScheme()))) {
			// The value is not repeated: an address may carry a user and password.
			throw new IllegalArgumentException("courtstats.metrics.pushgateway-url (COURTSTATS_PUSHGATEWAY_URL) is "
					+ "not a Pushgateway address, which is http:// or https://, then a host name (no spaces) and a "
					+ "port, such as http://pushgateway:9091");
		}
	}

	/**
	 * Set (to {@code true}) by the commands that load, the only ones that push: each push
	 * replaces what the Pushgateway held under the job, the last load's meters among it.
	 */
	public static final String PUSHES_METERS = "courtstats.command.pushes-meters";

}
