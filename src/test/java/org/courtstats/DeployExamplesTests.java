package org.courtstats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment examples in {@code config/deploy/} parse, run the {@code load} command,
 * and act on its exit codes: 1 retried, 2 and 3 not, 4 no alert.
 */
class DeployExamplesTests {

	private static final Path DEPLOY = Path.of("config/deploy");

	private static final Pattern CRON_FIELD = Pattern.compile("\\*|\\d+(-\\d+)?(,\\d+(-\\d+)?)*(/\\d+)?|\\*/\\d+");

	@TempDir
	Path home;

	@Test
	@SuppressWarnings("unchecked")
	void theKubernetesCronJobRetriesOnlyARestartableFailure() throws IOException {
		Map<String, Object> cronJob = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(DEPLOY.resolve("courtstats-load-cronjob.yaml")));

		assertThat(cronJob).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "CronJob");
		Map<String, Object> spec = map(cronJob, "spec");
		assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
		assertThat(((String) spec.get("schedule")).split(" ")).hasSize(5).allMatch(CRON_FIELD.asPredicate());
		Map<String, Object> job = map(map(spec, "jobTemplate"), "spec");
		assertThat((Integer) job.get("backoffLimit")).as("retries of exit 1").isBetween(1, 5);
		Map<String, Object> pod = map(map(job, "template"), "spec");
		assertThat(pod).containsEntry("restartPolicy", "Never");
		List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
		assertThat(containers).hasSize(1);
		Map<String, Object> load = containers.get(0);
		assertThat((List<String>) load.get("command")).containsSubsequence("-jar", "load", "--inbox");
		Map<String, Map<String, Object>> env = new LinkedHashMap<>();
		((List<Map<String, Object>>) load.get("env")).forEach((entry) -> env.put((String) entry.get("name"), entry));
		for (String variable : List.of("COURTSTATS_DB_URL", "COURTSTATS_DB_USER", "COURTSTATS_DB_PASSWORD")) {
			assertThat(env.get(variable)).as(variable).doesNotContainKey("value");
			assertThat(map(map(env.get(variable), "valueFrom"), "secretKeyRef")).as(variable)
				.containsEntry("name", "courtstats-warehouse")
				.containsKey("key");
		}

		Map<Integer, String> actionByExitCode = new LinkedHashMap<>();
		for (Map<String, Object> rule : (List<Map<String, Object>>) map(job, "podFailurePolicy").get("rules")) {
			if (rule.containsKey("onExitCodes")) {
				Map<String, Object> codes = map(rule, "onExitCodes");
				assertThat(codes).containsEntry("containerName", load.get("name")).containsEntry("operator", "In");
				((List<Integer>) codes.get("values"))
					.forEach((code) -> actionByExitCode.put(code, (String) rule.get("action")));
			}
		}
		assertThat(actionByExitCode).as("2 and 3 fail at once, 4 is not retried, 1 counts against backoffLimit")
			.containsExactlyInAnyOrderEntriesOf(Map.of(2, "FailJob", 3, "FailJob", 4, "FailJob"));
	}

	@Test
	void theSystemdServiceRestartsOnOneStopsOnTwoAndThreeAndTakesFourForSuccess() throws IOException {
		Map<String, Map<String, String>> service = unitFile(DEPLOY.resolve("courtstats-load.service"));
		Map<String, Map<String, String>> timer = unitFile(DEPLOY.resolve("courtstats-load.timer"));

		assertThat(service).containsOnlyKeys("Unit", "Service");
		assertThat(service.get("Service")).containsEntry("Type", "oneshot")
			.containsEntry("Restart", "on-failure")
			.containsEntry("SuccessExitStatus", "4")
			.containsEntry("RestartPreventExitStatus", "2 3");
		assertThat(service.get("Service").get("ExecStart")).startsWith("/usr/bin/java ")
			.contains(" -jar /srv/courtstats/courtstats.jar load --inbox ");
		assertThat(service.get("Service").get("ExecStopPost")).startsWith("-").contains(" report --out ");
		assertThat(service.get("Unit")).containsKeys("StartLimitIntervalSec", "StartLimitBurst");
		assertThat(timer.get("Timer")).containsEntry("OnCalendar", "*-*-* 02:00:00")
			.containsEntry("Unit", "courtstats-load.service");
	}

	@Test
	void theCrontabRunsTheWrapperAtTwoAndRetriesHourly() throws IOException {
		List<String[]> entries = new ArrayList<>();
		for (String line : Files.readAllLines(DEPLOY.resolve("courtstats.cron"))) {
			if (line.isBlank() || line.startsWith("#") || line.matches("[A-Z_]+=.*")) {
				continue;
			}
			String[] fields = line.trim().split("\\s+", 7);
			assertThat(fields).as(line).hasSize(7);
			for (int i = 0; i < 5; i++) {
				assertThat(fields[i]).as(line).matches(CRON_FIELD);
			}
			entries.add(fields);
		}

		assertThat(entries).extracting((fields) -> fields[1] + " " + fields[5] + " " + fields[6])
			.containsExactly("2 courtstats /srv/courtstats/courtstats-load.sh",
					"3-6 courtstats /srv/courtstats/courtstats-load.sh");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4 })
	void theCronWrapperMailsOnlyWhenSomeoneMustAct(int exitCode) throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the wrapper is a POSIX shell script");
		Path java = this.home.resolve("java");
		Files.writeString(java, "#!/bin/sh\necho \"java $*\"\nexit " + exitCode + "\n");
		assertThat(java.toFile().setExecutable(true)).isTrue();

		ProcessBuilder builder = new ProcessBuilder("/bin/sh", DEPLOY.resolve("courtstats-load.sh").toString());
		builder.environment().put("COURTSTATS_HOME", this.home.toString());
		builder.environment().put("JAVA", java.toString());
		builder.environment().put("COURTSTATS_ENV", this.home.resolve("no-such.env").toString());
		Process wrapper = builder.redirectErrorStream(true).start();
		String mail = new String(wrapper.getInputStream().readAllBytes());
		assertThat(wrapper.waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertThat(wrapper.exitValue()).isEqualTo(exitCode);
		String log = Files.readString(this.home.resolve("data/logs/cron.log"));
		assertThat(log)
			.contains("java -Xmx512m -jar " + this.home.resolve("courtstats.jar") + " load --inbox "
					+ this.home.resolve("inbox"))
			.contains("== exit " + exitCode);
		if (exitCode == 0 || exitCode == 4) {
			assertThat(mail).as("cron mails nothing").isEmpty();
		}
		else {
			assertThat(mail).contains("(exit " + exitCode + ")").contains("Last lines of");
		}
	}

	@Test
	void theCronWrapperHandsTheLoadTheWarehouseSettingsOfItsEnvironmentFile() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the wrapper is a POSIX shell script");
		Path java = this.home.resolve("java");
		Files.writeString(java, "#!/bin/sh\necho \"url=$COURTSTATS_DB_URL user=$COURTSTATS_DB_USER "
				+ "password=$COURTSTATS_DB_PASSWORD.\"\n");
		assertThat(java.toFile().setExecutable(true)).isTrue();
		// as systemd's EnvironmentFile reads it: comments, quotes around a value, no
		// expansion of $ in a password
		Path settings = Files.writeString(this.home.resolve("courtstats.env"), """
				# the warehouse
				COURTSTATS_DB_URL=jdbc:postgresql://warehouse.example:5432/courtstats

				; the loader's user
				  COURTSTATS_DB_USER = "loader"
				COURTSTATS_DB_PASSWORD=pa$$word ab$cd `id` "x
				""");

		ProcessBuilder builder = new ProcessBuilder("/bin/sh", DEPLOY.resolve("courtstats-load.sh").toString());
		builder.environment().put("COURTSTATS_HOME", this.home.toString());
		builder.environment().put("JAVA", java.toString());
		builder.environment().put("COURTSTATS_ENV", settings.toString());
		builder.environment().remove("COURTSTATS_DB_URL");
		builder.environment().remove("COURTSTATS_DB_USER");
		Process wrapper = builder.redirectErrorStream(true).start();
		String mail = new String(wrapper.getInputStream().readAllBytes());
		assertThat(wrapper.waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertThat(wrapper.exitValue()).as(mail).isZero();
		assertThat(Files.readString(this.home.resolve("data/logs/cron.log")))
			.contains("url=jdbc:postgresql://warehouse.example:5432/courtstats user=loader "
					+ "password=pa$$word ab$cd `id` \"x.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Secr3t-on-its-own|not KEY=value", "COURTSTATS_DB_PASSWORD=Secr3t\\n|a backslash",
			"home=/tmp/Secr3t|not a variable name in capitals" })
	void theCronWrapperRefusesALineOfItsEnvironmentFileItCannotReadWithoutPrintingIt(String lineAndMessage)
			throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the wrapper is a POSIX shell script");
		String[] parts = lineAndMessage.split("\\|");
		Path java = this.home.resolve("java");
		Files.writeString(java, "#!/bin/sh\necho java\n");
		assertThat(java.toFile().setExecutable(true)).isTrue();
		Path settings = Files.writeString(this.home.resolve("courtstats.env"),
				"COURTSTATS_DB_URL=jdbc:postgresql://db/courtstats\r\n" + parts[0] + "\r\n");

		ProcessBuilder builder = new ProcessBuilder("/bin/sh", DEPLOY.resolve("courtstats-load.sh").toString());
		builder.environment().put("COURTSTATS_HOME", this.home.toString());
		builder.environment().put("JAVA", java.toString());
		builder.environment().put("COURTSTATS_ENV", settings.toString());
		Process wrapper = builder.redirectErrorStream(true).start();
		String mail = new String(wrapper.getInputStream().readAllBytes());
		assertThat(wrapper.waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertThat(wrapper.exitValue()).as(mail).isEqualTo(2);
		assertThat(mail).contains(settings + ", line 2: " + parts[1]).doesNotContain("Secr3t");
		assertThat(this.home.resolve("data/logs/cron.log")).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "courtstats.cron", "courtstats-load.sh", "courtstats-load.service",
			"courtstats-load-cronjob.yaml" })
	void eachExampleSaysWhatItDoesWithEveryExitCode(String example) throws IOException {
		List<String> comments = Files.readAllLines(DEPLOY.resolve(example))
			.stream()
			.filter((line) -> line.trim().startsWith("#"))
			.toList();

		for (int code = 0; code <= 4; code++) {
			Pattern mentioned = Pattern.compile("^#\\s+(exit )?" + code + "\\s+\\S");
			assertThat(comments).as("%s explains exit code %d", example, code)
				.anyMatch((line) -> mentioned.matcher(line).find());
		}
	}

	@Test
	void theReadmeExplainsEveryExampleAndExitCode() throws IOException {
		String readme = Files.readString(DEPLOY.resolve("README.md"));

		try (var files = Files.list(DEPLOY)) {
			files.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.equals("README.md"))
				.forEach((name) -> assertThat(readme).as(name).contains("`" + name + "`"));
		}
		for (int code = 0; code <= 4; code++) {
			assertThat(readme).containsPattern("\\| `" + code + "` \\| \\S");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (Map<String, Object>) parent.get(key);
	}

	/**
	 * Reads a systemd unit file: sections of {@code key=value} lines; a key given twice
	 * fails the test, since systemd would read it as a list.
	 */
	private static Map<String, Map<String, String>> unitFile(Path file) throws IOException {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		Map<String, String> section = null;
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
				continue;
			}
			if (trimmed.matches("\\[[A-Za-z]+]")) {
				section = new LinkedHashMap<>();
				sections.put(trimmed.substring(1, trimmed.length() - 1), section);
				continue;
			}
			assertThat(section).as("%s: %s comes before any [section]", file, line).isNotNull();
			assertThat(trimmed).as(file.toString()).matches("[A-Za-z]+=.*");
			String key = trimmed.substring(0, trimmed.indexOf('='));
			assertThat(section.put(key, trimmed.substring(key.length() + 1))).as("%s: %s given twice", file, key)
				.isNull();
		}
		return sections;
	}

}
