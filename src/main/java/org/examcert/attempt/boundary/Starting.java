package org.examcert.attempt.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.examcert.attempt.StartOutcome;
import org.examcert.attempt.control.AttemptStarts;
import org.examcert.platform.database.OwnTransaction;
import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * How a start is made, for both doors ({@link StartRequests}, {@link StartResource}): a new attempt
 * without a transaction when that is all it takes ({@link AttemptStarts#startNew}), the common case
 * of the opening minute; otherwise the locked start in a transaction of its own, which resumes the
 * attempt in progress. A locked start that met a rival's row is made again: the rival has
 * committed by then, so the next try resumes its attempt.
 */
@ApplicationScoped
public class Starting {

    private static final int TRIES = 3;

    @Inject
    AttemptStarts starts;

    @Resource
    UserTransaction transaction;

    public StartOutcome start(long candidate, long contestId, String board, String device, Instant now) {
        for (int tries = 1; ; tries++) {
            Optional<StartOutcome> started = starts.startNew(candidate, contestId, board, device, now);
            if (started.isPresent()) {
                return started.get();
            }
            try {
                return OwnTransaction.run(transaction, () -> starts.start(candidate, contestId, board, device, now));
            } catch (Problem problem) {
                if (tries == TRIES || !AttemptStarts.RIVAL_MET.equals(problem.code())) {
                    throw problem;
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // a commit that failed (RollbackException, SystemException…): its cause tells ProblemMapper why
                throw new IllegalStateException("a start could not commit: " + e, e);
            }
        }
    }
}
