package org.examcert.certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialTest {

    @Test
    void randomSerialsAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Serial.random(random).value()));
        }
        assertTrue(Serial.random().value().matches("GCN(-[0-9A-Z]{4}){4}"));
    }

    @ParameterizedTest
    @CsvSource({
            "GCN-7K2M-QX9D-3HTV-0RWA, GCN-7K2M-QX9D-3HTV-0RWA",
            "gcn-7k2m-qx9d-3htv-0rwa, GCN-7K2M-QX9D-3HTV-0RWA",
            "' GCN-7K2M-QX9D-3HTV-ORWA ', GCN-7K2M-QX9D-3HTV-0RWA",
            "GCN-IK2M-QX9D-3HTV-0RWL, GCN-1K2M-QX9D-3HTV-0RW1"
    })
    void whatPeopleTypeIsForgiven(String typed, String serial) {
        assertEquals(serial, Serial.parse(typed).orElseThrow().value());
    }

    @ParameterizedTest
    @CsvSource({"GCN-7K2M-QX9D-3HTV", "XYZ-7K2M-QX9D-3HTV-0RWA", "GCN-7K2M-QX9D-3HTV-0RWU", "''"})
    void malformedSerialsAreNotSerials(String typed) {
        assertTrue(Serial.parse(typed).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Serial(typed));
    }
}
