package org.examcert.candidate;

import java.time.LocalDate;
import java.util.Objects;

/** What a start checks of a candidate: eligibility by age, and the board registered in. */
public record CandidateProfile(long id, LocalDate birthDate, StandardBoard board) {
    public CandidateProfile {
        Objects.requireNonNull(birthDate, "birthDate is required");
        Objects.requireNonNull(board, "board is required");
    }
}
