package vn.caitien.api.chain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SealsTest {
    private final byte[] key = "khóa của chủ đề, ba mươi hai byte trở lên".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_keyed_hmac_seals_as_the_one_shot_function_call_after_call_and_on_every_thread() throws Exception {
        Seals.Keyed keyed = new Seals.Keyed(key);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] data = ("bản ghi " + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
                        String seal = Seals.hmac(key, data);
                        if (!keyed.hmac(data).equals(seal) || !keyed.matches(data, seal)) return false;
                        if (keyed.matches(data, Seals.hmac(key, new byte[0])) || keyed.matches(data, null)) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) assertThat(result.get()).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
