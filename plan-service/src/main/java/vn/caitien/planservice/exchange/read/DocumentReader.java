package vn.caitien.planservice.exchange.read;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import vn.caitien.planservice.exchange.read.SourceDocument.Format;
import vn.caitien.planservice.exchange.read.UnreadableFile.Reason;

import java.io.IOException;

/**
 * Turns uploaded bytes into a {@link SourceDocument}. The format is decided by the content, not by
 * the file name: a .txt renamed .docx is refused, an .xlsx named .docx is read as Excel.
 */
public final class DocumentReader {

    private DocumentReader() {
    }

    public static SourceDocument read(byte[] bytes) {
        Format format = ZipGuard.inspect(bytes);
        try {
            return format == Format.DOCX ? DocxReader.read(bytes) : XlsxReader.read(bytes);
        } catch (UnreadableFile e) {
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableFile(Reason.LEGACY_FORMAT, "Tệp theo định dạng cũ (.doc/.xls); hãy lưu lại thành .docx hoặc .xlsx", e);
        } catch (NotOfficeXmlFileException e) {
            throw new UnreadableFile(Reason.NOT_OFFICE_FILE, "Tệp không phải tài liệu Word (.docx) hay Excel (.xlsx)", e);
        } catch (IOException | RuntimeException e) {
            // POI reports a broken package, a bomb its own guards caught, or bad XML as runtime exceptions.
            throw new UnreadableFile(Reason.CORRUPT, "Không đọc được nội dung tệp: " + e.getMessage(), e);
        }
    }
}
