package org.courtstats.normalize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FiscalCalendarTests {

	@Test
	void theFiscalYearIsTheFirstFourDigitsOfTheLabel() {
		assertThat(FiscalCalendar.fiscalYear("2021")).isEqualTo(2021);
		assertThat(FiscalCalendar.fiscalYear("2026 (FYTD)")).isEqualTo(2026);
		assertThat(FiscalCalendar.fiscalYear(" FY2024 ")).isEqualTo(2024);
	}

	@Test
	void aLabelWithoutAFourDigitYearHasNone() {
		assertThat(FiscalCalendar.fiscalYear("")).isNull();
		assertThat(FiscalCalendar.fiscalYear(null)).isNull();
		assertThat(FiscalCalendar.fiscalYear("FYTD")).isNull();
		assertThat(FiscalCalendar.fiscalYear("21")).isNull();
		assertThat(FiscalCalendar.fiscalYear("20211")).isNull();
		assertThat(FiscalCalendar.fiscalYear("0000")).isNull();
		assertThat(FiscalCalendar.fiscalYear("3021")).isNull();
	}

	@Test
	void monthsCountFromOctober() {
		assertThat(FiscalCalendar.fiscalMonth("OCT")).isEqualTo(1);
		assertThat(FiscalCalendar.fiscalMonth("dec")).isEqualTo(3);
		assertThat(FiscalCalendar.fiscalMonth(" Jan ")).isEqualTo(4);
		assertThat(FiscalCalendar.fiscalMonth("SEP")).isEqualTo(12);
		assertThat(FiscalCalendar.fiscalMonth("SEPT")).isZero();
		assertThat(FiscalCalendar.fiscalMonth("")).isZero();
		assertThat(FiscalCalendar.fiscalMonth(null)).isZero();
	}

	@Test
	void octoberToDecemberFallInTheCalendarYearBeforeTheFiscalYear() {
		assertThat(FiscalCalendar.monthStart(2021, 1)).isEqualTo(LocalDate.of(2020, 10, 1));
		assertThat(FiscalCalendar.monthStart(2021, 3)).isEqualTo(LocalDate.of(2020, 12, 1));
		assertThat(FiscalCalendar.monthStart(2021, 4)).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(FiscalCalendar.monthStart(2021, 12)).isEqualTo(LocalDate.of(2021, 9, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> FiscalCalendar.monthStart(2021, 13));
	}

	@Test
	void aDateFallsInTheFiscalYearThatStartsTheOctoberBefore() {
		assertThat(FiscalCalendar.fiscalYearOf(LocalDate.of(2018, 10, 1))).isEqualTo(2019);
		assertThat(FiscalCalendar.fiscalYearOf(LocalDate.of(2019, 9, 30))).isEqualTo(2019);
		assertThat(FiscalCalendar.fiscalYearOf(LocalDate.of(2019, 12, 31))).isEqualTo(2020);
	}

}
