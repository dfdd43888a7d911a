package org.courtstats.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PurgeCommandTests {

	private final PurgeCommand.AgeConverter ages = new PurgeCommand.AgeConverter();

	@Test
	void anAgeIsDaysOrHours() {
		assertThat(this.ages.convert("90d")).isEqualTo(Duration.ofDays(90));
		assertThat(this.ages.convert(" 36H ")).isEqualTo(Duration.ofHours(36));
		assertThat(this.ages.convert("365000d")).isEqualTo(Duration.ofDays(365_000));
		assertThat(this.ages.convert("00000000090d")).isEqualTo(Duration.ofDays(90));
		assertThat(this.ages.convert("0d")).isEqualTo(Duration.ZERO);
	}

	@Test
	void anAgeBeyondAnyRunIsRefusedAsSuchNotPassedToTheDatabase() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ages.convert("365001d"))
			.withMessage("'365001d' is longer ago than any run: give at most 365000d.");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ages.convert("99999999999d"))
			.withMessage("'99999999999d' is longer ago than any run: give at most 365000d.");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ages.convert("99999999999999999999999h"))
			.withMessageContaining("is longer ago than any run");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ages.convert("1.5d"))
			.withMessage("'1.5d' is not an age: give days or hours, like 90d or 36h.");
	}

}
