package vn.caitien.planservice.application;

/** A request header the service cannot accept, such as an over-long X-User. */
public class InvalidHeader extends RuntimeException {
    private final String header;

    public InvalidHeader(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() { return header; }
}
