package org.courtstats;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the code's shape, as a test.
 */
@AnalyzeClasses(packages = "org.courtstats", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule feature_packages_are_free_of_cycles = slices().matching("org.courtstats.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule only_the_spreadsheet_package_uses_apache_poi = noClasses().that()
		.resideOutsideOfPackage("org.courtstats.spreadsheet..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.poi..")
		.because("POI stays behind the spreadsheet row seam");

	@ArchTest
	static final ArchRule jdbc_writes_stay_in_intake_staging_and_warehouse = noClasses().that()
		.resideOutsideOfPackages("org.courtstats.intake..", "org.courtstats.staging..", "org.courtstats.warehouse..",
				"org.courtstats.bench..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "org.postgresql..")
		.because("the manifest, staging and warehouse packages own the database; the benchmark owns only scratch "
				+ "databases and tables it creates and drops itself, to measure COPY with no loader code in the way");

	@ArchTest
	static final ArchRule only_the_command_line_talks_to_the_terminal = noClasses().that()
		.resideOutsideOfPackage("org.courtstats.cli..")
		.should()
		.accessField(System.class, "out")
		.orShould()
		.accessField(System.class, "err")
		.because("commands own the terminal; everything else logs");

	@ArchTest
	static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

}
