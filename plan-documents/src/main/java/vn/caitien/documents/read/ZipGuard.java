package vn.caitien.documents.read;

import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import vn.caitien.documents.read.SourceDocument.Format;
import vn.caitien.documents.read.UnreadableFile.Reason;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside the upload before POI does. A .docx/.xlsx is a zip archive; a small archive can
 * inflate to gigabytes (a zip bomb), and POI would hold that in memory. So the archive is inflated
 * here once, counting bytes, and refused as soon as an entry, the total or the compression ratio
 * passes limits no real plan comes near (the samples inflate to under 100 KB, ratio under 10).
 * POI's own guards are tightened as a second line.
 */
public final class ZipGuard {
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    /** Inflated size over archive size above which a large archive is treated as a bomb. */
    static final long MAX_RATIO = 100;
    /** Below this inflated size the ratio does not matter: tiny XML parts compress very well. */
    static final long RATIO_FLOOR_BYTES = 5L * 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
        // POI keeps each part of an archive read from memory in memory; larger parts (pictures) go to a
        // temporary file instead, so an upload costs at most its XML in memory, which PackageScan bounds.
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1024 * 1024);
    }

    private ZipGuard() {
    }

    /** Which format the bytes hold, or why they cannot be read. */
    public static Format inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new UnreadableFile(Reason.EMPTY, "Tệp không có nội dung");
        if (startsWith(bytes, OLE2)) {
            throw new UnreadableFile(Reason.LEGACY_FORMAT,
                    "Tệp theo định dạng Word/Excel cũ (.doc/.xls) hoặc được đặt mật khẩu; hãy mở và lưu lại thành .docx hoặc .xlsx");
        }
        if (!startsWith(bytes, ZIP)) {
            throw new UnreadableFile(Reason.NOT_OFFICE_FILE,
                    "Nội dung tệp không phải tài liệu Word (.docx) hay bảng tính Excel (.xlsx), dù tên tệp có thể ghi như vậy");
        }
        boolean word = false;
        boolean excel = false;
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) throw bomb("tệp chứa quá nhiều thành phần (" + entries + ")");
                String name = entry.getName();
                word |= name.startsWith("word/") && name.endsWith(".xml") && name.contains("document");
                excel |= name.equals("xl/workbook.xml") || name.equals("xl/workbook.bin");
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES) throw bomb("thành phần " + name + " giải nén vượt " + mb(MAX_ENTRY_BYTES));
                    if (total > MAX_TOTAL_BYTES) throw bomb("tổng dung lượng giải nén vượt " + mb(MAX_TOTAL_BYTES));
                    if (total > RATIO_FLOOR_BYTES && total / bytes.length > MAX_RATIO) {
                        throw bomb("tỉ lệ nén bất thường (hơn " + MAX_RATIO + " lần)");
                    }
                }
            }
        } catch (UnreadableFile e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // java.util.zip's message is English and technical; the user gets a Vietnamese one.
            throw new UnreadableFile(Reason.CORRUPT, "Tệp nén bị hỏng, không giải nén được; hãy mở tệp bằng Word/Excel, "
                    + "lưu lại rồi gửi lại", e);
        }
        if (word) return Format.DOCX;
        if (excel) return Format.XLSX;
        throw new UnreadableFile(Reason.NOT_OFFICE_FILE,
                "Tệp nén không chứa tài liệu Word hay bảng tính Excel; hãy gửi tệp .docx hoặc .xlsx");
    }

    /** The archive's bytes for POI, once {@link #inspect} has accepted them. */
    static InputStream open(byte[] bytes) { return new ByteArrayInputStream(bytes); }

    private static UnreadableFile bomb(String why) {
        return new UnreadableFile(Reason.ARCHIVE_TOO_LARGE, "Tệp bị từ chối vì " + why + "; tài liệu kế hoạch thật không lớn như vậy");
    }

    private static String mb(long bytes) { return (bytes / (1024 * 1024)) + " MB"; }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (bytes[i] != magic[i]) return false;
        return true;
    }
}
