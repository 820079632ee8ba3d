package dev.clientdesk.kit.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that decides what a failed send means. Only a record the broker can never accept is set
 * aside: too large, invalid or corrupt, or addressed to a topic whose name is invalid. Everything else
 * (authorization, an unknown topic or partition, a leader moving, a timeout, anything unforeseen) may pass
 * once an operator or the cluster fixes it, as during a deploy, so the row is retried, never dropped.
 */
final class SendFailures {

    private SendFailures() {
    }

    /** Whether a record that failed this way must be set aside rather than retried. */
    static boolean refusedForGood(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RecordTooLargeException
                || cause instanceof InvalidRecordException
                || cause instanceof CorruptRecordException
                || cause instanceof InvalidTopicException;
    }

    /** What is recorded with a row set aside. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
