package vn.caitien.documents.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The block after the table: "Nơi nhận:" with its bulleted recipients, and the signature
 * ("HIỆU TRƯỞNG", "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG") followed by the signer's name, possibly
 * after "(Đã kí)" or blank lines.
 */
final class FooterParser {
    private static final Pattern SIGNER_TITLE = Pattern.compile("^((kt|tm|q|tl)\\s*\\.?\\s*)?(pho )?hieu truong\\b.*$");
    private static final Pattern BULLET = Pattern.compile("^[-+•*–]\\s*");

    record Footer(String signerTitle, String signerName, List<String> recipients) {
    }

    private FooterParser() {
    }

    static Footer parse(List<String> lines) {
        List<String> recipients = new ArrayList<>();
        String title = null;
        String name = null;
        for (int i = 0; i < lines.size(); i++) {
            String f = VietnameseText.fold(lines.get(i));
            if (f.startsWith("noi nhan")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    var bullet = BULLET.matcher(lines.get(j));
                    if (!bullet.find()) break;
                    recipients.add(lines.get(j).substring(bullet.end()).replaceAll("[\\s;.,]+$", "").strip());
                }
            }
            if (title == null && SIGNER_TITLE.matcher(f).matches() && VietnameseText.isUpperCase(lines.get(i))) {
                title = lines.get(i);
                name = signer(lines, i + 1);
            }
        }
        return new Footer(title, name, recipients);
    }

    /** The first line after the title that reads like a person's name: capitalised words, not a note. */
    private static String signer(List<String> lines, int from) {
        for (int i = from; i < lines.size() && i < from + 8; i++) {
            String line = lines.get(i);
            String f = VietnameseText.fold(line);
            if (line.startsWith("(") || BULLET.matcher(line).find() || f.startsWith("noi nhan")
                    || SIGNER_TITLE.matcher(f).matches() || VietnameseText.isUpperCase(line)) continue;
            String[] words = line.split(" ");
            boolean capitalised = words.length >= 2 && words.length <= 7;
            for (String w : words) capitalised &= !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
            if (capitalised) return line;
        }
        return null;
    }
}
