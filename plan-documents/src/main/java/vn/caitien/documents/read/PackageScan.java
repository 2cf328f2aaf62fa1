package vn.caitien.documents.read;

import org.apache.poi.util.XMLHelper;
import vn.caitien.documents.read.UnreadableFile.Reason;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Measures a .docx/.xlsx with a streaming (StAX) pass over every XML part of the archive before POI
 * builds its document model, which holds every row, cell and merged region in memory and walks nested
 * tables recursively. Parts are recognised by content, not by name (POI follows the package's
 * relationships, whatever the parts are called), and the rules apply by namespace: Word tables
 * ({@link WordRules}), sheet rows, cells, merged regions and shared strings ({@link SheetRules}).
 * The first limit passed ends the scan with a refusal naming the row and column; the scan itself
 * keeps only counters, and DTDs and external entities are not processed.
 */
final class PackageScan {
    /** Elements nested deeper than this are no document a word processor writes. */
    static final int MAX_XML_DEPTH = 256;
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final ReadLimits limits;
    private final ReadLimits.Deadline deadline;
    private final WordRules word;
    private final SheetRules sheet;
    private long elements;
    private long xmlBytes;

    private PackageScan(ReadLimits limits, ReadLimits.Deadline deadline) {
        this.limits = limits;
        this.deadline = deadline;
        this.word = new WordRules(limits);
        this.sheet = new SheetRules(limits);
    }

    /** Refuses the archive (already accepted by {@link ZipGuard}) if its XML passes a limit. */
    static void check(byte[] archive, ReadLimits limits, ReadLimits.Deadline deadline) {
        new PackageScan(limits, deadline).scan(archive);
    }

    private void scan(byte[] archive) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                BufferedInputStream part = new BufferedInputStream(new Unclosable(zip), 8192);
                if (isXml(part)) part(entry.getName(), part);
                deadline.check();
            }
        } catch (IOException e) {
            throw new UnreadableFile(Reason.CORRUPT, "Tệp nén bị hỏng, không giải nén được", e);
        }
    }

    private void part(String name, InputStream in) {
        name = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        sheet.part(name);
        word.part();
        int depth = 0;
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(new Counted(in));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > MAX_XML_DEPTH) {
                        throw UnreadableFile.tooComplex("Phần " + name + " của tệp lồng nhau quá " + MAX_XML_DEPTH + " tầng", null, null);
                    }
                    if (++elements > limits.maxXmlElements()) {
                        throw UnreadableFile.overLimit("Tệp có hơn " + limits.maxXmlElements()
                                + " phần tử định dạng; một kế hoạch cải tiến không lớn như vậy", null, null);
                    }
                    if ((elements & 1023) == 0) deadline.check();
                    String ns = xml.getNamespaceURI();
                    if (WordRules.applies(ns)) word.start(xml);
                    else if (SheetRules.applies(ns)) sheet.start(xml);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String ns = xml.getNamespaceURI();
                    if (WordRules.applies(ns)) word.end(xml.getLocalName());
                    else if (SheetRules.applies(ns)) sheet.end(xml.getLocalName());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    word.text(xml.getTextLength());
                    sheet.text(xml.getTextLength());
                }
            }
        } catch (XMLStreamException e) {
            // The parser's own (English) message stays in the log; the user learns which part is broken.
            throw new UnreadableFile(Reason.CORRUPT, "Phần " + name + " của tệp không phải XML hợp lệ", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** Whether the part starts like XML: "<" after a byte-order mark and white space, or UTF-16 text. */
    private static boolean isXml(BufferedInputStream in) throws IOException {
        in.mark(64);
        byte[] head = in.readNBytes(64);
        in.reset();
        int n = head.length;
        if (n >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF || head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                || head[0] == 0 && head[1] == '<')) {
            return true;
        }
        int i = n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) i++;
        return i < n && head[i] == '<';
    }

    /** The current zip entry, left open when a reader closes it: the archive goes on with the next entry. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }

    /** An XML part as the parser reads it, its bytes counted against the limit for the whole file. */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) {
            xmlBytes += n;
            if (xmlBytes > limits.maxXmlBytes()) {
                throw UnreadableFile.overLimit("Nội dung tệp khi giải nén vượt " + limits.maxXmlBytes() / (1024 * 1024)
                        + " MB; một kế hoạch cải tiến không lớn như vậy", null, null);
            }
        }
    }
}
