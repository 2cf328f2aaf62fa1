package vn.caitien.api.item;

/**
 * Dự kiến kinh phí as the plan states it: an amount and/or a funding source ("Kinh phí dự án Quận"),
 * whether the amount recurs each school year ("3 triệu/NH"), a note ("Công tác sửa chữa ...") and
 * always the original text.
 */
public record Budget(Money amount, boolean perSchoolYear, String fundingSource, String note, String text) {

    public static Budget none(String text) { return new Budget(null, false, null, null, text); }

    public static Budget amount(long vnd, String text) { return new Budget(Money.of(vnd), false, null, null, text); }

    public boolean hasAmount() { return amount != null; }
}
