package vn.caitien.planservice.security;

/**
 * The caller may see the plan (or is signed in) but their role may not do this: 403, with a
 * Vietnamese detail naming who may, e.g. "Chỉ hiệu trưởng của trường được phê duyệt kế hoạch".
 */
public class NotAllowed extends RuntimeException {
    public NotAllowed(String whoMay) {
        super(whoMay);
    }
}
