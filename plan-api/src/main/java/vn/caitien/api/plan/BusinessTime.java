package vn.caitien.api.plan;

import java.time.ZoneId;

/**
 * Schools and offices work by Vietnam's calendar: a business date (when a report was sent, when an item
 * fell overdue, what the server's clock calls today) is read in this zone by every service.
 */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private BusinessTime() {
    }
}
