package org.examcert.contest.control;

import org.examcert.contest.PublishedContest;

/**
 * The published versions' stored form, read as the catalog reads it, for the benchmarks: they
 * draw a running attempt's paper from its seed as the service does (the service never tells a
 * candidate the correct answers before submit).
 */
public final class Snapshots {

    private Snapshots() {
    }

    public static PublishedContest read(String snapshot) {
        return SnapshotJson.read(snapshot);
    }
}
