package io.gbgate.storage;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-runs an upsert that lost a race with a concurrent writer of the same key.
 *
 * <p>{@code MERGE} is not atomic against concurrent inserts: on both H2 and PostgreSQL two sessions can both see
 * "not matched" and one of them then fails with a unique-key violation (or, on H2, a concurrent-update error).
 * Running the statement again sees the committed row and takes the update branch. Retrying is only possible
 * when the statement runs in its own transaction; inside a caller's transaction (which PostgreSQL has already
 * aborted) the exception is passed on unchanged.
 */
final class ConflictRetry {

    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

    private ConflictRetry() {
    }

    static <T> T run(String what, Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                if (attempt >= MAX_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
                LOG.debug("{} conflicted with a concurrent writer (attempt {}), retrying: {}", what, attempt,
                        e.getMostSpecificCause().getMessage());
                pause(attempt, e);
            }
        }
    }

    private static void pause(int attempt, DataAccessException cause) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
