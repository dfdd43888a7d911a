package org.courtstats.intake;

/**
 * Words for what went wrong with a file or folder.
 */
public final class FileFailures {

	private FileFailures() {
	}

	/**
	 * What went wrong, with the path it went wrong on: the messages of
	 * {@link java.nio.file.FileSystemException}s are their path alone when the system
	 * gives no reason, and only their type tells what happened.
	 * @param ex the failure
	 * @return its message, led by what it means when the message does not say, without a
	 * closing period, to be followed by more
	 */
	public static String reason(Exception ex) {
		String kind = switch (ex.getClass().getSimpleName()) {
			case "FileAlreadyExistsException" -> "a file that is not a folder is in the way: ";
			case "AccessDeniedException" -> "permission denied: ";
			case "NoSuchFileException" -> "no such file or folder: ";
			case "DirectoryNotEmptyException" -> "a folder that is not empty: ";
			case "NotDirectoryException" -> "not a folder: ";
			default -> "";
		};
		return (kind + ex.getMessage()).replaceAll("\\.$", "");
	}

}
