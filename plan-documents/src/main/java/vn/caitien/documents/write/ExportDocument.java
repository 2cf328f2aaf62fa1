package vn.caitien.documents.write;

import java.util.List;
import java.util.Map;

/**
 * A plan laid out as the printed document, independent of Word or Excel: header lines, title,
 * legal bases, the 9-column table's rows (level rows, standard rows, items) and the signature
 * block, plus the custom properties that let an import of the file restore what print cannot say.
 */
public record ExportDocument(
        String managingUnitLine,
        String schoolLine,
        String numberLine,
        String placeDateLine,
        String schoolYearLine,
        List<String> legalBases,
        List<Row> rows,
        List<String> recipients,
        String signerTitle,
        String signerName,
        Map<String, String> properties,
        String fileName) {

    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    public static final List<String> TITLE = List.of("KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC");
    public static final String BASES_HEADING = "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH";
    public static final String TABLE_HEADING = "II. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC";
    public static final List<String> COLUMNS = List.of("TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)",
            "Công việc/giải pháp cần thực hiện", "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành",
            "Dự kiến kinh phí", "Điều kiện hỗ trợ khác", "Ghi chú");
    /** Relative column widths, as in the samples: the text columns get the room. */
    public static final List<Integer> WIDTHS = List.of(4, 10, 20, 24, 13, 10, 10, 10, 6);

    public ExportDocument {
        legalBases = List.copyOf(legalBases);
        rows = List.copyOf(rows);
        recipients = List.copyOf(recipients);
        properties = Map.copyOf(properties);
    }

    /** A table row: a level row, a standard row or an item. */
    public sealed interface Row permits Level, Standard, Item {
    }

    /** "MỨC 1, 2, 3" across the whole table. */
    public record Level(String label) implements Row {
    }

    /** "1 | Tiêu chuẩn 1: Tổ chức và quản lý nhà trường" across the remaining columns. */
    public record Standard(String index, String text) implements Row {
    }

    /** The nine cells of an item; multi-line cells hold "\n". */
    public record Item(List<String> cells) implements Row {
        public Item {
            cells = List.copyOf(cells);
        }
    }
}
