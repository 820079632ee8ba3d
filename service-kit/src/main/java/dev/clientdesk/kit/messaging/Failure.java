package dev.clientdesk.kit.messaging;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolationException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a failed event deserves, decided from the whole cause chain: a poison event is dead-lettered at once,
 * a transient failure (the database away, a lock, a serialization conflict) is retried for as long as it
 * lasts, a premature one is retried for a while and then parked, and anything else is a bug, tried a few
 * times before it is dead-lettered.
 */
public enum Failure {
    POISON, TRANSIENT, PREMATURE, BUG;

    /** 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 57P01 admin shutdown,
     * 53300 too many connections, 57014 statement cancelled by a timeout. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02",
            "57P03", "53300", "57014");

    public static Failure of(Throwable error) {
        Failure found = BUG;
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PoisonEventException || cause instanceof ConstraintViolationException) {
                return POISON;
            }
            if (cause instanceof PrematureEventException) {
                found = PREMATURE;
            } else if (found == BUG && isTransient(cause)) {
                found = TRANSIENT;
            }
        }
        return found;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof QueryTimeoutException || cause instanceof SQLTransientException
                || cause instanceof ConnectException || cause instanceof org.hibernate.exception.LockTimeoutException
                || cause instanceof org.hibernate.PessimisticLockException
                || cause instanceof org.hibernate.QueryTimeoutException
                || cause instanceof jakarta.transaction.RollbackException && isTimeout(cause)) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            // The connection pool gave up waiting for a connection to a database that does not answer.
            return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        return isTimeout(cause);
    }

    private static boolean isTimeout(Throwable cause) {
        String name = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage()).toLowerCase();
        return name.endsWith("TransactionTimeoutException")
                || (name.startsWith("jakarta.transaction") || name.startsWith("com.arjuna"))
                        && message.contains("timeout");
    }
}
