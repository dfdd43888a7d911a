package org.courtstats.intake;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A small Deflate64 encoder for tests, since Commons Compress decodes Deflate64 (zip
 * method 9, the method EOIR's release zip uses) but cannot write it. It emits
 * fixed-Huffman blocks (RFC 1951 section 3.2.6) from a greedy LZ77 matcher with
 * Deflate64's differences: a 64 KiB window, length code 285 meaning base 3 with 16 extra
 * bits (lengths up to 65,538), and distance codes 30 and 31 meaning 32,769 and 49,153
 * with 14 extra bits. When the data repeats itself from further back than 32 KiB, or in
 * runs longer than 258 bytes, the stream needs a Deflate64 decoder.
 */
public final class Deflate64Encoder {

	static final int WINDOW = 65_536;

	static final int MIN_MATCH = 3;

	static final int MAX_MATCH = 65_538;

	/** Longest match that plain Deflate's length codes (257 to 284) carry here. */
	private static final int MAX_SHORT_MATCH = 257;

	private static final int HASH_BITS = 15;

	private static final int MAX_CHAIN = 48;

	private static final int SYMBOLS_PER_BLOCK = 16_384;

	private static final int END_OF_BLOCK = 256;

	private static final int[] LENGTH_BASE = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
			67, 83, 99, 115, 131, 163, 195, 227 };

	private static final int[] LENGTH_EXTRA = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
			5, 5, 5, 5 };

	private static final int[] DISTANCE_BASE = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
			513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769, 49153 };

	private static final int[] DISTANCE_EXTRA = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
			10, 11, 11, 12, 12, 13, 13, 14, 14 };

	private final BitWriter out = new BitWriter();

	private int symbolsInBlock;

	private int longestMatch;

	private int farthestDistance;

	private Deflate64Encoder() {
	}

	/**
	 * Compresses bytes into a raw Deflate64 stream.
	 * @param data the bytes
	 * @return the stream, with the longest match and the farthest distance it uses
	 */
	public static Encoded encode(byte[] data) {
		Deflate64Encoder encoder = new Deflate64Encoder();
		encoder.compress(data);
		return new Encoded(encoder.out.finish(), encoder.longestMatch, encoder.farthestDistance);
	}

	private void compress(byte[] data) {
		int[] head = new int[1 << HASH_BITS];
		Arrays.fill(head, -1);
		int[] previous = new int[data.length];
		startBlock(false);
		int position = 0;
		while (position < data.length) {
			int bestLength = 0;
			int bestDistance = 0;
			int limit = Math.min(MAX_MATCH, data.length - position);
			if (limit >= MIN_MATCH) {
				int candidate = head[hash(data, position)];
				for (int chain = 0; candidate >= 0 && position - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
					int length = matchLength(data, candidate, position, limit);
					if (length > bestLength) {
						bestLength = length;
						bestDistance = position - candidate;
						if (length == limit) {
							break;
						}
					}
					candidate = previous[candidate];
				}
			}
			int advance = 1;
			if (bestLength >= MIN_MATCH) {
				writeMatch(bestLength, bestDistance);
				advance = bestLength;
			}
			else {
				writeLiteral(data[position] & 0xff);
			}
			for (int i = position; i < position + advance; i++) {
				if (i + MIN_MATCH <= data.length) {
					int h = hash(data, i);
					previous[i] = head[h];
					head[h] = i;
				}
			}
			position += advance;
		}
		writeSymbol(END_OF_BLOCK);
		// An empty final block ends the stream, whatever the last data block was.
		startBlock(true);
		writeSymbol(END_OF_BLOCK);
	}

	private static int hash(byte[] data, int at) {
		int h = ((data[at] & 0xff) << 16) | ((data[at + 1] & 0xff) << 8) | (data[at + 2] & 0xff);
		return (h * 0x9E3779B1) >>> (32 - HASH_BITS);
	}

	private static int matchLength(byte[] data, int from, int at, int limit) {
		int length = 0;
		while (length < limit && data[from + length] == data[at + length]) {
			length++;
		}
		return length;
	}

	private void startBlock(boolean last) {
		this.out.writeBits(last ? 1 : 0, 1);
		this.out.writeBits(1, 2);
		this.symbolsInBlock = 0;
	}

	private void writeLiteral(int value) {
		writeSymbol(value);
		endBlockIfFull();
	}

	private void writeMatch(int length, int distance) {
		this.longestMatch = Math.max(this.longestMatch, length);
		this.farthestDistance = Math.max(this.farthestDistance, distance);
		if (length <= MAX_SHORT_MATCH) {
			int code = codeFor(LENGTH_BASE, length);
			writeSymbol(257 + code);
			this.out.writeBits(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
		}
		else {
			writeSymbol(285);
			this.out.writeBits(length - 3, 16);
		}
		int code = codeFor(DISTANCE_BASE, distance);
		this.out.writeHuffman(code, 5);
		this.out.writeBits(distance - DISTANCE_BASE[code], DISTANCE_EXTRA[code]);
		endBlockIfFull();
	}

	private void endBlockIfFull() {
		if (++this.symbolsInBlock >= SYMBOLS_PER_BLOCK) {
			writeSymbol(END_OF_BLOCK);
			startBlock(false);
		}
	}

	private static int codeFor(int[] bases, int value) {
		int code = bases.length - 1;
		while (bases[code] > value) {
			code--;
		}
		return code;
	}

	/** The fixed literal/length Huffman code of RFC 1951 section 3.2.6. */
	private void writeSymbol(int symbol) {
		if (symbol <= 143) {
			this.out.writeHuffman(0x30 + symbol, 8);
		}
		else if (symbol <= 255) {
			this.out.writeHuffman(0x190 + symbol - 144, 9);
		}
		else if (symbol <= 279) {
			this.out.writeHuffman(symbol - 256, 7);
		}
		else {
			this.out.writeHuffman(0xC0 + symbol - 280, 8);
		}
	}

	/**
	 * A Deflate64 stream.
	 *
	 * @param bytes the compressed bytes
	 * @param longestMatch the longest match it copies (over 258 needs Deflate64)
	 * @param farthestDistance the farthest back a match reaches (over 32,768 needs
	 * Deflate64)
	 */
	public record Encoded(byte[] bytes, int longestMatch, int farthestDistance) {
	}

	/** Packs bits least significant first, as Deflate streams are read. */
	private static final class BitWriter {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private long buffer;

		private int count;

		void writeBits(int value, int bits) {
			this.buffer |= (value & ((1L << bits) - 1)) << this.count;
			this.count += bits;
			while (this.count >= 8) {
				this.bytes.write((int) (this.buffer & 0xff));
				this.buffer >>>= 8;
				this.count -= 8;
			}
		}

		/** Huffman codes are packed starting from their most significant bit. */
		void writeHuffman(int code, int bits) {
			writeBits(Integer.reverse(code) >>> (32 - bits), bits);
		}

		byte[] finish() {
			if (this.count > 0) {
				this.bytes.write((int) (this.buffer & 0xff));
				this.buffer = 0;
				this.count = 0;
			}
			return this.bytes.toByteArray();
		}

	}

}
