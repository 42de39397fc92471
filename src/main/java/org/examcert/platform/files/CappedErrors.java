package org.examcert.platform.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors of one import, kept to the first {@link #LISTED} in the file's order while every one
 * is counted: a hostile file with millions of bad lines costs a counter, not millions of messages.
 * An error's position is its {@link ImportError.Place}'s number; the whole file comes before every line.
 */
public final class CappedErrors {

    /** How many errors an import lists; the rest are only counted. */
    public static final int LISTED = 100;

    private static final Comparator<ImportError> IN_FILE_ORDER = Comparator.comparingLong(CappedErrors::position);

    private final int capacity;
    private final List<ImportError> kept = new ArrayList<>();
    private int total;
    private int lastIndex;
    private long lastPosition;

    public CappedErrors() {
        this(LISTED);
    }

    public CappedErrors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void add(ImportError error) {
        total++;
        if (kept.size() < capacity) {
            kept.add(error);
            if (kept.size() == capacity) {
                findLast();
            }
            return;
        }
        // Full: an error found later but placed earlier (a question's own error, reported at its
        // first line once the question ends) takes the place of the last one kept.
        if (position(error) < lastPosition) {
            kept.set(lastIndex, error);
            findLast();
        }
    }

    private void findLast() {
        lastIndex = 0;
        lastPosition = position(kept.get(0));
        for (int i = 1; i < kept.size(); i++) {
            long p = position(kept.get(i));
            if (p >= lastPosition) {
                lastIndex = i;
                lastPosition = p;
            }
        }
    }

    /** How many errors were found, listed or not. */
    public int total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** The errors kept, in the file's order (stable for errors at one place). */
    public List<ImportError> listed() {
        List<ImportError> sorted = new ArrayList<>(kept);
        sorted.sort(IN_FILE_ORDER);
        return List.copyOf(sorted);
    }

    /** The line or row number an error names; 0 for the whole file. */
    static long position(ImportError error) {
        return error.place().number();
    }
}
