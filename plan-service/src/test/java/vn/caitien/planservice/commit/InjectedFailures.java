package vn.caitien.planservice.commit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import vn.caitien.planservice.messaging.AfterCommit;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only hooks that throw an {@link OutOfMemoryError} in the request thread at one chosen point between
 * the command, its commit and the response, once, when armed: what a JVM short of memory may do anywhere.
 */
@TestConfiguration
class InjectedFailures {
    /** Where the error is thrown, in the order a command goes through them. */
    enum Point {
        /** The aggregate decided, nothing stored yet. */
        HANDLED,
        /** The unit of work's prepare-commit, before the events are appended. */
        PREPARE_COMMIT_BEFORE_APPEND,
        /** The unit of work's prepare-commit, the events appended, not committed. */
        PREPARE_COMMIT_AFTER_APPEND,
        /** The unit of work's commit, after its transaction (or savepoint) committed. */
        COMMIT,
        /** The unit of work's after-commit. */
        AFTER_COMMIT,
        /** After the outermost transaction committed (the Idempotency-Key one when there is a key). */
        TRANSACTION_AFTER_COMMIT,
        /** The controller answered, the body is about to be written. */
        BEFORE_RESPONSE_BODY
    }

    private static final AtomicReference<Point> armed = new AtomicReference<>();

    static void arm(Point point) { armed.set(point); }

    static boolean fired() { return armed.get() == null; }

    private static void fire(Point point) {
        if (armed.compareAndSet(point, null)) throw new OutOfMemoryError("injected at " + point);
    }

    @Bean
    SmartInitializingSingleton failingUnitOfWork(CommandBus commandBus) {
        MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
            unitOfWork.onPrepareCommit(u -> fire(Point.PREPARE_COMMIT_BEFORE_APPEND));
            unitOfWork.onCommit(u -> fire(Point.COMMIT));
            unitOfWork.afterCommit(u -> fire(Point.AFTER_COMMIT));
            AfterCommit.run(() -> fire(Point.TRANSACTION_AFTER_COMMIT));
            Object result = chain.proceed();
            // Registered after the event store's own prepare-commit (on the first event applied): runs after the append.
            unitOfWork.onPrepareCommit(u -> fire(Point.PREPARE_COMMIT_AFTER_APPEND));
            fire(Point.HANDLED);
            return result;
        };
        return () -> commandBus.registerHandlerInterceptor(interceptor);
    }

    @ControllerAdvice
    static class FailingResponse implements ResponseBodyAdvice<Object> {
        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                      ServerHttpResponse response) {
            fire(Point.BEFORE_RESPONSE_BODY);
            return body;
        }
    }

    @Bean
    FailingResponse failingResponse() { return new FailingResponse(); }
}
