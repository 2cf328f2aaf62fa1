package vn.caitien.documents;

import java.io.IOException;
import java.io.InputStream;

/** The two real plans the tests read and import (src/test/resources/exchange), as the schools wrote them. */
public final class SampleDocuments {
    public static final String LE_DINH_CHINH = "le-dinh-chinh-2023-2024.docx";
    public static final String TUOI_HONG = "tuoi-hong-2021-2022.docx";

    private SampleDocuments() {
    }

    public static byte[] sample(String name) throws IOException {
        try (InputStream in = SampleDocuments.class.getResourceAsStream("/exchange/" + name)) {
            if (in == null) throw new IllegalStateException("Sample plan not on the class path: " + name);
            return in.readAllBytes();
        }
    }
}
