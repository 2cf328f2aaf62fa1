package vn.caitien.infra.login;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login form of an identity server's page, read well enough to fill it in as a person would: its
 * action, its hidden fields (CSRF token, session codes), the user-name field and the password field.
 * Login pages are small and machine-written (Spring Security's, Keycloak's), so a few patterns do.
 */
final class HtmlForm {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    private record Input(String type, String name, String value) {
    }

    private final String action;
    private final List<Input> inputs;

    private HtmlForm(String action, List<Input> inputs) {
        this.action = action;
        this.inputs = inputs;
    }

    /** The first form on the page with a password field. */
    static Optional<HtmlForm> loginForm(String html) {
        if (html == null) return Optional.empty();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            List<Input> inputs = new ArrayList<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(1));
                inputs.add(new Input(a.getOrDefault("type", "text").toLowerCase(Locale.ROOT), a.get("name"),
                        a.getOrDefault("value", "")));
            }
            if (inputs.stream().anyMatch(i -> i.type().equals("password"))) {
                return Optional.of(new HtmlForm(attributes.getOrDefault("action", ""), inputs));
            }
        }
        return Optional.empty();
    }

    /** Where the form posts to, resolved against the page's address (an empty action posts to the page). */
    URI action(URI page) {
        return action.isBlank() ? page : page.resolve(action.strip());
    }

    /** The fields a browser would send: hidden ones as they are, the first text field and the password filled in. */
    Map<String, String> fill(String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean userDone = false;
        boolean passwordDone = false;
        boolean submitDone = false;
        for (Input input : inputs) {
            if (input.name() == null || input.name().isBlank()) continue;
            switch (input.type()) {
                case "hidden" -> fields.put(input.name(), input.value());
                case "password" -> {
                    if (!passwordDone) fields.put(input.name(), password);
                    passwordDone = true;
                }
                case "text", "email" -> {
                    if (!userDone) fields.put(input.name(), username);
                    userDone = true;
                }
                case "submit" -> {
                    if (!submitDone) fields.put(input.name(), input.value());
                    submitDone = true;
                }
                default -> {
                    // Check boxes ("remember me") and the like stay unticked.
                }
            }
        }
        if (!userDone) fields.put("username", username);
        return fields;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return out;
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
