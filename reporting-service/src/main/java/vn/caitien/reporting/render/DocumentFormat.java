package vn.caitien.reporting.render;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The formats a report is downloaded in: HTML to read in the browser, DOCX to edit, PDF to print and archive. */
public enum DocumentFormat {
    HTML(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), true),
    DOCX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), false),
    PDF(MediaType.APPLICATION_PDF, false);

    private final MediaType mediaType;
    private final boolean inline;

    DocumentFormat(MediaType mediaType, boolean inline) {
        this.mediaType = mediaType;
        this.inline = inline;
    }

    /** As {@code ?format=} names it: html, docx, pdf. */
    public static Optional<DocumentFormat> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.extension().equals(name)).findFirst();
    }

    public MediaType mediaType() { return mediaType; }

    /** Shown in the browser rather than saved. */
    public boolean inline() { return inline; }

    public String extension() { return name().toLowerCase(); }
}
