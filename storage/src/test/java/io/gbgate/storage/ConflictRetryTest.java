package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ConflictRetryTest {

    @Test
    void aLostRaceIsRunAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConflictRetry.run("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw calls.get() == 1 ? new DuplicateKeyException("race") : new CannotAcquireLockException("lock");
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.run("test", () -> {
            calls.incrementAndGet();
            throw new DuplicateKeyException("always");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(calls).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.run("test", () -> {
            calls.incrementAndGet();
            throw new DataIntegrityViolationException("not null");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void insideACallersTransactionTheConflictIsPassedOn() {
        AtomicInteger calls = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> ConflictRetry.run("test", () -> {
                calls.incrementAndGet();
                throw new DuplicateKeyException("race");
            })).isInstanceOf(DuplicateKeyException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(calls).hasValue(1);
    }
}
