package vn.caitien.api.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria catalogues shipped as data in {@code /frameworks/*.json}. Adding a circular means
 * adding its JSON file and its id to {@link #BUNDLED}; no rule is written in code.
 */
public final class FrameworkCatalog {
    public static final List<String> BUNDLED = List.of("TT17-2018", "TT18-2018", "TT19-2018", "TT57-2026-PT");

    private static final FrameworkCatalog STANDARD = load(BUNDLED);

    private final Map<String, Framework> frameworks;

    private FrameworkCatalog(Map<String, Framework> frameworks) {
        this.frameworks = Collections.unmodifiableMap(new LinkedHashMap<>(frameworks));
    }

    /** The catalogue of every bundled circular, loaded once. */
    public static FrameworkCatalog standard() { return STANDARD; }

    public static FrameworkCatalog load(List<String> ids) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Framework> loaded = new LinkedHashMap<>();
        for (String id : ids) {
            String resource = "/frameworks/" + id + ".json";
            try (InputStream in = FrameworkCatalog.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("Thiếu tệp bộ tiêu chí " + resource);
                Framework framework = mapper.readValue(in, Framework.class);
                loaded.put(framework.id(), framework);
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được bộ tiêu chí " + resource, e);
            }
        }
        return new FrameworkCatalog(loaded);
    }

    public Optional<Framework> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(frameworks.get(id));
    }

    public Collection<Framework> all() { return frameworks.values(); }
}
