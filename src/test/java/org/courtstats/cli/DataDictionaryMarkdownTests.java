package org.courtstats.cli;

import java.util.List;

import org.courtstats.warehouse.DataDictionary.Column;
import org.courtstats.warehouse.DataDictionary.Relation;
import org.courtstats.warehouse.DataDictionary.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown layout of the data dictionary.
 */
class DataDictionaryMarkdownTests {

	private final Schema warehouse = new Schema("warehouse", "Conformed dimensions (dim_*) and facts (fct_*).", List.of(
			new Relation("warehouse", "dim_court", "table", "One immigration court.",
					List.of(new Column("court_key", "bigint", false, "Surrogate key; -1 is the unknown court."),
							new Column("state", "character(2)", true,
									"Two-letter state | territory code.\nUpper case."),
							new Column("city", "text", true, null),
							new Column("aliases", "text[]", true, "Inferred from <source>; [old] names, _raw kept."))),
			new Relation("warehouse", "v_courts", "view", null, List.of())));

	@Test
	void eachRelationGetsItsCommentAndAColumnTableInColumnOrderWithMarkdownEscaped() {
		String md = DataDictionaryMarkdown.render(List.of(this.warehouse));

		assertThat(md).contains("""

				## warehouse

				Conformed dimensions (dim\\_\\*) and facts (fct\\_\\*).

				### warehouse.dim_court

				*Table.* One immigration court.

				| column | type | nullable | description |
				|---|---|---|---|
				| `court_key` | `bigint` | no | Surrogate key; -1 is the unknown court. |
				| `state` | `character(2)` | yes | Two-letter state \\| territory code.<br>Upper case. |
				| `city` | `text` | yes | *(no comment)* |
				| `aliases` | `text[]` | yes | Inferred from \\<source\\>; \\[old\\] names, \\_raw kept. |

				### warehouse.v_courts

				*View.* *(no comment)*
				""");
	}

	@Test
	void theContentsLinkToTheHeadingsAnchors() {
		String md = DataDictionaryMarkdown.render(List.of(this.warehouse));

		assertThat(md)
			.contains("- [warehouse](#warehouse): [dim_court](#warehousedim_court), [v_courts](#warehousev_courts)\n");
	}

	@Test
	void theOutputSaysHowToRegenerateItAndEndsWithOneNewline() {
		String md = DataDictionaryMarkdown.render(List.of(this.warehouse));

		assertThat(md).startsWith("# Data dictionary\n")
			.contains("java -jar target/courtstats.jar dictionary --output docs/data-dictionary.md")
			.endsWith("*View.* *(no comment)*\n\n| column | type | nullable | description |\n|---|---|---|---|\n")
			.doesNotContain("\r");
	}

}
