package vn.caitien.planservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;

/**
 * Every request starts and ends with no transaction bound to its thread. A transaction some failure left open
 * (an Error thrown where only exceptions were expected) would otherwise be joined by the next request on
 * that worker thread, whose "commit" would then be none: an answer 201 with nothing stored. Whatever is left
 * is rolled back, its connection returned to the pool, and the fault logged; it never carries over.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TransactionLeakGuard extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(TransactionLeakGuard.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        discardLeftover("trước khi xử lý", request);
        try {
            chain.doFilter(request, response);
        } finally {
            discardLeftover("sau khi xử lý", request);
        }
    }

    /** Rolls back and releases whatever transaction state is still bound to this thread. */
    static boolean discardLeftover(String when, HttpServletRequest request) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResourceMap().isEmpty()) {
            return false;
        }
        log.error("Giao dịch bị bỏ dở còn gắn với luồng {} yêu cầu {} {}: đã huỷ (rollback), không có gì của nó được lưu",
                when, request.getMethod(), request.getRequestURI());
        for (Object key : List.copyOf(TransactionSynchronizationManager.getResourceMap().keySet())) {
            Object resource = TransactionSynchronizationManager.unbindResource(key);
            if (resource instanceof ConnectionHolder holder) {
                try (Connection connection = holder.getConnection()) {
                    if (!connection.getAutoCommit()) connection.rollback();
                } catch (Exception | Error e) {
                    log.error("Không huỷ được giao dịch bị bỏ dở", e);
                }
            }
        }
        TransactionSynchronizationManager.clear();
        return true;
    }
}
