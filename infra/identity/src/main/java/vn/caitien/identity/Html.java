package vn.caitien.identity;

/** The few pieces of HTML the identity server writes itself (no template engine for three pages). */
final class Html {
    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            background:#f3f5f8;color:#1d2733}main{max-width:56rem;margin:3rem auto;padding:0 1rem}\
            .card{max-width:28rem;margin:0 auto;background:#fff;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.12);\
            padding:1.5rem 1.75rem}\
            h1{margin:0;font-size:1.6rem;color:#0b4f8a}.sub{margin:.2rem 0 1.2rem;color:#5a6776}\
            label{display:block;margin:.9rem 0 .3rem;font-weight:600}\
            input{width:100%;padding:.6rem .7rem;border:1px solid #b9c3cf;border-radius:6px;font:inherit}\
            input:focus{outline:2px solid #0b6bcb;border-color:#0b6bcb}\
            button{font:inherit;cursor:pointer}.primary{margin-top:1.3rem;width:100%;padding:.7rem;border:0;border-radius:6px;\
            background:#0b6bcb;color:#fff;font-weight:600}.primary:hover{background:#0a5bad}\
            .error{background:#fdecec;color:#a61b1b;border-radius:6px;padding:.6rem .8rem}\
            .info{background:#e8f3ec;color:#1d6b3a;border-radius:6px;padding:.6rem .8rem}\
            .demo.card{max-width:none;margin-top:1.5rem;font-size:.9rem}.demo h2{font-size:1.05rem;margin:0 0 .3rem}\
            table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #e2e7ee;\
            vertical-align:top}.pick{border:0;background:none;color:#0b6bcb;padding:0;text-decoration:underline;\
            font-family:ui-monospace,monospace;font-size:.85rem}code{background:#eef1f5;padding:.1rem .3rem;border-radius:4px}\
            @media (max-width:40rem){main{margin:1rem auto}.demo td:nth-child(4),.demo th:nth-child(4){display:none}}""";

    private Html() {
    }

    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " – Cải tiến</title><style>" + STYLE + "</style></head>\n<body><main>"
                + body + "</main></body></html>\n";
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
