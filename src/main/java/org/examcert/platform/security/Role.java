package org.examcert.platform.security;

/** Who is calling: a candidate, or a member of the organizing board's staff. */
public enum Role {
    CANDIDATE, ORGANIZER, ADMINISTRATOR;

    public boolean isStaff() {
        return this != CANDIDATE;
    }
}
