package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.events.CloudEventCodec.MalformedEventException;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {

    @Test
    void poison_and_validation_failures_are_poison_wherever_they_are_in_the_chain() {
        assertThat(Failure.of(new MalformedEventException("not json"))).isEqualTo(Failure.POISON);
        assertThat(Failure.of(new IllegalStateException("wrapped", new PoisonEventException("other workspace"))))
                .isEqualTo(Failure.POISON);
        assertThat(Failure.of(new jakarta.validation.ConstraintViolationException("invalid", Set.of())))
                .isEqualTo(Failure.POISON);
    }

    @Test
    void a_database_that_is_away_locked_or_in_conflict_is_transient() {
        for (String state : new String[] {"08001", "08006", "57P01", "53300", "55P03", "40001", "40P01"}) {
            RuntimeException error = new PersistenceException("commit failed",
                    new RuntimeException(new SQLException("db says no", state)));
            assertThat(Failure.of(error)).as(state).isEqualTo(Failure.TRANSIENT);
        }
        assertThat(Failure.of(new JDBCConnectionException("gone", new SQLException("x")))).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new PessimisticLockException("locked"))).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.of(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection")))).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void premature_wins_over_transient_and_anything_else_is_a_bug() {
        assertThat(Failure.of(new RuntimeException(new PrematureEventException("client unknown"))))
                .isEqualTo(Failure.PREMATURE);
        assertThat(Failure.of(new IllegalStateException("cannot digest"))).isEqualTo(Failure.BUG);
        assertThat(Failure.of(new PersistenceException(new SQLException("duplicate key", "23505"))))
                .as("a constraint violation is a bug, not an outage").isEqualTo(Failure.BUG);
    }
}
