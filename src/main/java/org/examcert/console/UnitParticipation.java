package org.examcert.console;

import org.examcert.candidate.UnitKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-unit participation report the boards publish ("191/191 đồng chí tham gia, đạt 100%"):
 * for each unit its expected members, the candidates registered with it, how many took part in
 * the contest and how many completed it, with the rates over the expected members and the count
 * per band. Candidates whose unit matches no listed unit are counted in one last row.
 */
public final class UnitParticipation {

    public static final String UNMATCHED_CODE = "";

    public record Unit(String code, String name, int expectedMembers) {
        public Unit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            if (expectedMembers < 0) {
                throw new IllegalArgumentException("expected members cannot be negative: " + expectedMembers);
            }
        }
    }

    /**
     * One registered candidate as the report sees them.
     *
     * @param band the band of their official result in this contest, null when they have none
     */
    public record Candidate(String unit, boolean tookPart, boolean completed, String band) {
        public Candidate {
            if (completed && !tookPart) {
                throw new IllegalArgumentException("a candidate cannot complete a contest they did not take part in");
            }
        }
    }

    /** @param participationRate took part / expected; null when no member is expected */
    public record Row(String code, String name, int expected, int registered, int tookPart, int completed,
                      Double participationRate, Double completionRate, Map<String, Integer> bands) {
    }

    private UnitParticipation() {
    }

    /** One row per listed unit in the given order, then the unmatched row when someone is in it. */
    public static List<Row> report(List<Unit> units, List<Candidate> candidates, List<String> bandKeys) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> bands = new LinkedHashMap<>();
        Map<String, Unit> byKey = new LinkedHashMap<>();
        for (Unit unit : units) {
            byKey.put(UnitKey.of(unit.name()), unit);
            byKey.putIfAbsent(UnitKey.of(unit.code()), unit);
            counts.put(unit.code(), new int[3]);
            bands.put(unit.code(), zeroBands(bandKeys));
        }
        counts.put(UNMATCHED_CODE, new int[3]);
        bands.put(UNMATCHED_CODE, zeroBands(bandKeys));
        for (Candidate candidate : candidates) {
            Unit unit = byKey.get(UnitKey.of(candidate.unit()));
            String code = unit == null ? UNMATCHED_CODE : unit.code();
            int[] c = counts.get(code);
            c[0]++;
            c[1] += candidate.tookPart() ? 1 : 0;
            c[2] += candidate.completed() ? 1 : 0;
            if (candidate.band() != null) {
                bands.get(code).merge(candidate.band(), 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Unit unit : units) {
            rows.add(row(unit.code(), unit.name(), unit.expectedMembers(), counts.get(unit.code()), bands.get(unit.code())));
        }
        int[] unmatched = counts.get(UNMATCHED_CODE);
        if (unmatched[0] > 0) {
            rows.add(row(UNMATCHED_CODE, "(chưa khớp đơn vị)", 0, unmatched, bands.get(UNMATCHED_CODE)));
        }
        return rows;
    }

    private static Row row(String code, String name, int expected, int[] c, Map<String, Integer> bands) {
        return new Row(code, name, expected, c[0], c[1], c[2], rate(c[1], expected), rate(c[2], expected), bands);
    }

    private static Double rate(int count, int expected) {
        return expected == 0 ? null : (double) count / expected;
    }

    private static Map<String, Integer> zeroBands(List<String> bandKeys) {
        Map<String, Integer> zero = new LinkedHashMap<>();
        bandKeys.forEach(k -> zero.put(k, 0));
        return zero;
    }
}
