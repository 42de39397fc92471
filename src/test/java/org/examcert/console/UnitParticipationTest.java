package org.examcert.console;

import org.examcert.console.UnitParticipation.Candidate;
import org.examcert.console.UnitParticipation.Row;
import org.examcert.console.UnitParticipation.Unit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UnitParticipationTest {

    private static final List<String> BANDS = List.of("KHONG_DAT", "TRUNG_BINH", "KHA", "GIOI", "XUAT_SAC");

    @Test
    void countsPerUnitWithRatesOverExpectedMembers() {
        List<Unit> units = List.of(new Unit("SYT", "Đoàn Thanh niên Sở Y tế", 4), new Unit("DHTV", "Đoàn trường Đại học Trà Vinh", 0));
        List<Candidate> candidates = new ArrayList<>(List.of(
                new Candidate("đoàn thanh niên sở y tế", true, true, "GIOI"),
                new Candidate("Đoàn Thanh niên  Sở Y tế", true, false, "KHONG_DAT"),
                new Candidate("SYT", true, true, "XUAT_SAC"),
                new Candidate("Đoàn Thanh niên Sở Y tế", false, false, null),
                new Candidate("Đoàn trường Đại học Trà Vinh", true, true, "KHA"),
                new Candidate("Một đơn vị khác", true, true, "KHA")));
        List<Row> rows = UnitParticipation.report(units, candidates, BANDS);

        Row health = rows.get(0);
        assertEquals(List.of(4, 3, 2), List.of(health.registered(), health.tookPart(), health.completed()));
        assertEquals(0.75, health.participationRate(), 1e-9);
        assertEquals(0.5, health.completionRate(), 1e-9);
        assertEquals(1, health.bands().get("GIOI"));
        assertEquals(1, health.bands().get("KHONG_DAT"));
        assertEquals(0, health.bands().get("KHA"));

        Row university = rows.get(1);
        assertEquals(1, university.completed());
        assertNull(university.participationRate(), "no member expected: no rate rather than a division by zero");

        Row unmatched = rows.get(2);
        assertEquals(UnitParticipation.UNMATCHED_CODE, unmatched.code());
        assertEquals(1, unmatched.registered());
        assertEquals(3, rows.size());
    }

    @Test
    void noUnmatchedRowWhenEveryoneMatches() {
        List<Row> rows = UnitParticipation.report(List.of(new Unit("A", "Đoàn xã A", 10)),
                List.of(new Candidate("Đoàn xã A", false, false, null)), BANDS);
        assertEquals(1, rows.size());
        assertEquals(0.0, rows.get(0).participationRate(), 1e-9);
    }
}
