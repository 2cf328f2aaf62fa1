package vn.caitien.infra.process;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that answers {@code /actuator/health} as a service does, and runs out of memory for real on
 * {@code /oom}: what the supervisor sees of a service, without starting one (a real one takes half a minute).
 */
public final class StandInService {
    private StandInService() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"pid\":" + ProcessHandle.current().pid() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/oom", exchange -> {
            List<long[]> hoard = new ArrayList<>();
            while (true) hoard.add(new long[2_000_000]);
        });
        server.start();
    }
}
