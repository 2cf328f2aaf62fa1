package vn.caitien.documents.read;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.caitien.documents.read.SourceDocument.Format;
import vn.caitien.documents.read.UnreadableFile.Reason;

import java.io.IOException;

/**
 * Turns uploaded bytes into a {@link SourceDocument}. The format is decided by the content, not by
 * the file name: a .txt renamed .docx is refused, an .xlsx named .docx is read as Excel. The archive
 * is checked ({@link ZipGuard}) and its XML measured ({@link PackageScan}) before POI reads it, and
 * the readers stop at the deadline of the {@link ReadLimits}.
 */
public final class DocumentReader {
    private static final Logger log = LoggerFactory.getLogger(DocumentReader.class);

    private DocumentReader() {
    }

    public static SourceDocument read(byte[] bytes) {
        return read(bytes, ReadLimits.DEFAULTS);
    }

    public static SourceDocument read(byte[] bytes, ReadLimits limits) {
        ReadLimits.Deadline deadline = limits.deadline();
        Format format = ZipGuard.inspect(bytes);
        PackageScan.check(bytes, limits, deadline);
        try {
            return format == Format.DOCX ? DocxReader.read(bytes, deadline) : XlsxReader.read(bytes, deadline);
        } catch (UnreadableFile e) {
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableFile(Reason.LEGACY_FORMAT, "Tệp theo định dạng cũ (.doc/.xls); hãy lưu lại thành .docx hoặc .xlsx", e);
        } catch (NotOfficeXmlFileException e) {
            throw new UnreadableFile(Reason.NOT_OFFICE_FILE, "Tệp không phải tài liệu Word (.docx) hay Excel (.xlsx)", e);
        } catch (IOException | RuntimeException e) {
            // POI reports a broken package, a bomb its own guards caught, or bad XML as runtime exceptions. Their
            // messages are English and name Java classes: they go to the log, the user gets what to do.
            log.info("Tệp {} không đọc được: {}", format, e.toString());
            throw new UnreadableFile(Reason.CORRUPT, "Không đọc được nội dung tệp " + (format == Format.DOCX ? "Word" : "Excel")
                    + ": tệp bị hỏng hoặc có phần không đúng chuẩn Office Open XML; hãy mở tệp bằng Word/Excel, lưu lại rồi gửi lại", e);
        }
    }
}
