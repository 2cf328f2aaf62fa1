package vn.caitien.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers shared by the embedded servers. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * Asks the kernel for a currently unused loopback port. Another process may still grab it
     * before our server binds; callers that picked a port this way retry on a bind failure.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tìm được cổng trống trên localhost", e);
        }
    }

    /**
     * True when nothing listens on the loopback port. SO_REUSEADDR mirrors what PostgreSQL and the
     * JDK's server sockets do, so connections lingering in TIME_WAIT after a restart do not count
     * as "taken" while a live listener (also one bound to 0.0.0.0) does.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String what, String setting) {
        if (!isFree(port)) {
            throw new IllegalStateException("Cổng " + port + " cho " + what
                    + " đang bị tiến trình khác chiếm; hãy giải phóng cổng hoặc đặt " + setting
                    + " sang cổng khác");
        }
    }
}
