package dev.clientdesk.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures that surface at commit come wrapped; they must still map to their own status, not 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static Throwable wrapped(Throwable cause) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new PersistenceException(cause));
        return new RuntimeException(rollback);
    }

    @Test
    void an_optimistic_lock_failure_at_commit_is_a_409() {
        assertThat(mappers.unexpected(wrapped(new OptimisticLockException("stale")), null, null).getStatus()).isEqualTo(409);
    }

    @Test
    void a_constraint_failure_at_commit_is_a_409() {
        var constraint = new org.hibernate.exception.ConstraintViolationException("dup", new SQLException("dup"),
                "some_unique_key");
        assertThat(mappers.unexpected(wrapped(constraint), null, null).getStatus()).isEqualTo(409);
    }

    @Test
    void a_problem_thrown_inside_a_transaction_keeps_its_status() {
        assertThat(mappers.unexpected(wrapped(ProblemException.invalidField("x", "bad")), null, null).getStatus())
                .isEqualTo(400);
    }

    @Test
    void anything_else_is_a_500_without_internals() {
        var response = mappers.unexpected(new IllegalStateException("secret detail"), null, null);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("secret", "IllegalState");
    }
}
