package org.courtstats.observability;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Encodes log events as text lines in a pattern, or, when a structured format is named
 * ({@code ecs}, {@code logstash}, {@code gelf}, as
 * {@code logging.structured.format.console} or {@code .file} gives it), as Spring Boot's
 * structured JSON: one appender serves both, so that JSON logging is one setting away.
 */
public class LogLineEncoder extends EncoderBase<ILoggingEvent> {

	private String format;

	private String pattern;

	private Encoder<ILoggingEvent> delegate;

	/**
	 * Names the structured format; blank or {@code text} keeps the pattern.
	 * @param format ecs, logstash, gelf, or text
	 */
	public void setFormat(String format) {
		this.format = format;
	}

	/**
	 * The pattern of a text line.
	 * @param pattern a logback pattern
	 */
	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	@Override
	public void start() {
		if (this.format == null || this.format.isBlank() || this.format.equalsIgnoreCase("text")) {
			PatternLayoutEncoder text = new PatternLayoutEncoder();
			text.setContext(getContext());
			text.setPattern(this.pattern);
			text.setCharset(StandardCharsets.UTF_8);
			this.delegate = text;
		}
		else {
			StructuredLogEncoder structured = new StructuredLogEncoder();
			structured.setContext(getContext());
			structured.setFormat(this.format.strip());
			structured.setCharset(StandardCharsets.UTF_8);
			this.delegate = structured;
		}
		this.delegate.start();
		super.start();
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.delegate.encode(event);
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

}
