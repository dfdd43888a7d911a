package org.courtstats.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small workbooks written with POI's user model (test code only) in the shape of an OHSS
 * table, and broken ones: truncated, encrypted, a zip bomb.
 */
public final class TestWorkbooks {

	private TestWorkbooks() {
	}

	/**
	 * A two-sheet workbook: {@code Book-Outs} with a title, a group header merged over
	 * {@code C3:E3}, a header row, a year row {@code 2014}, a hidden grouped month row
	 * and a {@code 2024 YTD} row; and an empty {@code Notes} sheet.
	 */
	public static XSSFWorkbook bookOuts() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		XSSFSheet sheet = workbook.createSheet("Book-Outs");
		workbook.createSheet("Notes");
		sheet.createRow(0).createCell(0).setCellValue("Return to Table of Contents.");
		sheet.createRow(1)
			.createCell(0)
			.setCellValue("Book-Outs by Agency: Fiscal Years 2014 to 2024 YTD (August 2024)");
		sheet.createRow(2).createCell(2).setCellValue("Total CBP");
		sheet.addMergedRegion(CellRangeAddress.valueOf("C3:E3"));
		XSSFRow header = sheet.createRow(3);
		header.createCell(0).setCellValue("Fiscal Year");
		header.createCell(1).setCellValue("Month");
		header.createCell(2).setCellValue("Total Encounters");
		header.createCell(3).setCellValue("Migrant Protection Protocols3");
		header.createCell(4).setCellValue("Flag");
		XSSFRow year = sheet.createRow(4);
		year.createCell(0).setCellValue(2014);
		year.createCell(1).setCellValue("Total");
		year.createCell(2).setCellValue(570050);
		year.createCell(3).setCellValue("X");
		year.createCell(4).setCellValue(true);
		XSSFRow month = sheet.createRow(5);
		month.createCell(1).setCellValue("October");
		month.createCell(2).setCellValue(41840.5);
		month.createCell(3).setCellValue("");
		sheet.groupRow(5, 5);
		month.setZeroHeight(true);
		XSSFRow ytd = sheet.createRow(6);
		ytd.createCell(0).setCellValue("2024 YTD");
		ytd.createCell(1).setCellValue("Total");
		ytd.createCell(27).setCellValue(7);
		return workbook;
	}

	public static Path write(XSSFWorkbook workbook, Path file) throws IOException {
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		return file;
	}

	public static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (workbook) {
			workbook.write(out);
		}
		return out.toByteArray();
	}

	/** The workbook written as an agile-encrypted OLE2 container, as Excel does. */
	public static Path encrypted(XSSFWorkbook workbook, String password, Path file) throws Exception {
		try (POIFSFileSystem container = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword(password);
			try (workbook; OutputStream out = encryptor.getDataStream(container)) {
				workbook.write(out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				container.writeFilesystem(out);
			}
		}
		return file;
	}

	/**
	 * A copy of a workbook whose entry is padded with megabytes of whitespace, which
	 * deflate squeezes about a thousandfold: the shape of a zip bomb, in a few kilobytes.
	 */
	public static Path withInflatedEntry(byte[] xlsx, String entryName, int padding, Path file) throws IOException {
		boolean found = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals(entryName)) {
					content = pad(content, padding);
					found = true;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		if (!found) {
			throw new IllegalArgumentException("No entry " + entryName);
		}
		return file;
	}

	private static byte[] pad(byte[] xml, int padding) {
		String text = new String(xml, StandardCharsets.UTF_8);
		int afterDeclaration = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
		return (text.substring(0, afterDeclaration) + " ".repeat(padding) + text.substring(afterDeclaration))
			.getBytes(StandardCharsets.UTF_8);
	}

}
