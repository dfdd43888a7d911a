package org.courtstats.staging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CopyBinaryTests {

	private static final List<String> COLUMNS = List.of("id", "note", "day", "count", "flag");

	private static final List<CopyBinary.Type> TYPES = List.of(CopyBinary.Type.BIGINT, CopyBinary.Type.TEXT,
			CopyBinary.Type.DATE, CopyBinary.Type.INTEGER, CopyBinary.Type.BOOLEAN);

	@Test
	void writesEachValueAsTheBytesTheServerKeeps() throws Exception {
		CopyBinary rows = new CopyBinary(COLUMNS, TYPES, 0);

		rows.appendRow(7L, "a\tb\\c\0d\u00e9", LocalDate.of(2000, 1, 3), 42, true);
		rows.appendRow(null, null, null, null, null);

		ByteBuffer expected = ByteBuffer.allocate(200);
		expected.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
		byte[] note = "a\tb\\cd\u00e9".getBytes(StandardCharsets.UTF_8);
		expected.putShort((short) 5).putInt(8).putLong(7).putInt(note.length).put(note).putInt(4).putInt(2);
		expected.putInt(4).putInt(42).putInt(1).put((byte) 1);
		expected.putShort((short) 5).putInt(-1).putInt(-1).putInt(-1).putInt(-1).putInt(-1);
		expected.putShort((short) -1);
		assertThat(sent(rows)).containsExactly(java.util.Arrays.copyOf(expected.array(), expected.position()));
	}

	@Test
	void datesCountDaysFromTwoThousandEitherWay() throws Exception {
		CopyBinary rows = new CopyBinary(List.of("day"), List.of(CopyBinary.Type.DATE), 0);

		rows.appendRow(LocalDate.of(1999, 12, 31));

		ByteBuffer sent = ByteBuffer.wrap(sent(rows));
		assertThat(sent.getInt(19 + 2 + 4)).isEqualTo(-1);
	}

	@Test
	void aValueItsColumnCannotHoldIsRefusedWithTheColumnNamed() {
		CopyBinary rows = new CopyBinary(COLUMNS, TYPES, 0);

		assertThatIllegalArgumentException().isThrownBy(() -> rows.appendRow("7", null, null, null, null))
			.withMessage("Cannot stage a value of String ('7') in column id of type BIGINT");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows.appendRow(7L, null, null, 1L + Integer.MAX_VALUE, null))
			.withMessageContaining("in column count of type INTEGER");
		assertThatIllegalArgumentException().isThrownBy(() -> rows.appendRow(7L, null))
			.withMessage("A row of 2 values for the 5 columns [id, note, day, count, flag]");
	}

	@Test
	void onlyTheTypesItWritesHaveAType() {
		assertThat(CopyBinary.Type.of("int8")).isEqualTo(CopyBinary.Type.BIGINT);
		assertThat(CopyBinary.Type.of("varchar")).isEqualTo(CopyBinary.Type.TEXT);
		assertThat(CopyBinary.Type.of("numeric")).isNull();
		assertThat(CopyBinary.Type.of("timestamptz")).isNull();
	}

	private static byte[] sent(CopyRows rows) throws SQLException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		rows.writeTo(new RecordingCopyIn(out));
		return out.toByteArray();
	}

	/** A copy that keeps what it is sent. */
	private record RecordingCopyIn(ByteArrayOutputStream out) implements CopyIn {

		@Override
		public void writeToCopy(byte[] buf, int off, int siz) {
			this.out.write(buf, off, siz);
		}

		@Override
		public void writeToCopy(org.postgresql.util.ByteStreamWriter from) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void flushCopy() {
		}

		@Override
		public long endCopy() {
			return 0;
		}

		@Override
		public int getFieldCount() {
			return 0;
		}

		@Override
		public int getFormat() {
			return 1;
		}

		@Override
		public int getFieldFormat(int field) {
			return 1;
		}

		@Override
		public boolean isActive() {
			return false;
		}

		@Override
		public void cancelCopy() {
		}

		@Override
		public long getHandledRowCount() {
			return 0;
		}

	}

}
