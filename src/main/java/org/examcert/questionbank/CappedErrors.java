package org.examcert.questionbank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.examcert.platform.Problem;

/**
 * The errors of one import, kept to the first {@link #LISTED} in the file's order while every one
 * is counted: a hostile file with millions of bad lines costs a counter, not millions of messages.
 * An error's place is its {@code field}: {@code "line N"}, {@code "row N"}, {@code "row N, column …"}
 * or {@code "file"} (before every line).
 */
public final class CappedErrors {

    /** How many errors an import lists; the rest are only counted. */
    public static final int LISTED = 100;

    private static final Comparator<Problem.FieldError> IN_FILE_ORDER = Comparator.comparingLong(CappedErrors::position);

    private final int capacity;
    private final List<Problem.FieldError> kept = new ArrayList<>();
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

    public void add(Problem.FieldError error) {
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
    public List<Problem.FieldError> listed() {
        List<Problem.FieldError> sorted = new ArrayList<>(kept);
        sorted.sort(IN_FILE_ORDER);
        return List.copyOf(sorted);
    }

    /** The line or row number an error names; 0 for the whole file or a place without a number. */
    static long position(Problem.FieldError error) {
        String field = error.field();
        int i = field.indexOf(' ');
        if (i < 0) {
            return 0;
        }
        long n = 0;
        int digits = 0;
        for (int j = i + 1; j < field.length() && Character.isDigit(field.charAt(j)) && digits < 12; j++, digits++) {
            n = n * 10 + (field.charAt(j) - '0');
        }
        return n;
    }
}
