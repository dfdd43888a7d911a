package org.courtstats.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

/**
 * A resource whose streams count the bytes read from them, so that the progress of a file
 * being staged can be shown in bytes as well as rows. Each {@code getInputStream()}
 * starts the count again, as a reader restarting a file reads it again from the start.
 * Its length and modification time are those of the resource counted: a reader that
 * judges rows by the day its file was written judges them the same through it.
 */
public class CountingResource extends AbstractResource {

	private final Resource resource;

	private final AtomicLong bytesRead;

	/**
	 * A resource counting into a counter.
	 * @param resource the resource read
	 * @param bytesRead where the bytes read from its latest stream are counted
	 */
	public CountingResource(Resource resource, AtomicLong bytesRead) {
		this.resource = Objects.requireNonNull(resource, "resource");
		this.bytesRead = Objects.requireNonNull(bytesRead, "bytesRead");
	}

	@Override
	public InputStream getInputStream() throws IOException {
		this.bytesRead.set(0);
		return new FilterInputStream(this.resource.getInputStream()) {

			@Override
			public int read() throws IOException {
				int read = super.read();
				if (read >= 0) {
					CountingResource.this.bytesRead.incrementAndGet();
				}
				return read;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = super.read(buffer, offset, length);
				if (read > 0) {
					CountingResource.this.bytesRead.addAndGet(read);
				}
				return read;
			}

			@Override
			public long skip(long n) throws IOException {
				long skipped = super.skip(n);
				CountingResource.this.bytesRead.addAndGet(skipped);
				return skipped;
			}

		};
	}

	@Override
	public boolean exists() {
		return this.resource.exists();
	}

	@Override
	public boolean isReadable() {
		return this.resource.isReadable();
	}

	@Override
	public long contentLength() throws IOException {
		return this.resource.contentLength();
	}

	@Override
	public long lastModified() throws IOException {
		return this.resource.lastModified();
	}

	@Override
	public String getFilename() {
		return this.resource.getFilename();
	}

	@Override
	public String getDescription() {
		return this.resource.getDescription();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CountingResource that) && this.resource.equals(that.resource);
	}

	@Override
	public int hashCode() {
		return this.resource.hashCode();
	}

}
