package org.examcert.platform.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailAddressTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', nullValues = "NONE", value = {
            // accepted, trimmed and lower-cased
            "nguyen.van.a@example.org => nguyen.van.a@example.org",
            "  Tran.Thi.B@Example.ORG  => tran.thi.b@example.org",
            "a+contest@mail.example.vn => a+contest@mail.example.vn",
            "o'brien@example.org => o'brien@example.org",
            "!#$%&'*+/=?^_`{|}~-@example.org => !#$%&'*+/=?^_`{|}~-@example.org",
            "x@a-b.example.org => x@a-b.example.org",
            "x@sub.1example.com => x@sub.1example.com",
            // refused
            "§<svg/onload=alert(1)>@example.org§ => NONE",
            "§\"quoted\"@example.org§ => NONE",
            ".lead@example.org => NONE",
            "trail.@example.org => NONE",
            "dou..ble@example.org => NONE",
            "no-at.example.org => NONE",
            "two@at@example.org => NONE",
            "@example.org => NONE",
            "user@ => NONE",
            "user@localhost => NONE",
            "user@-bad.example.org => NONE",
            "user@bad-.example.org => NONE",
            "user@exa_mple.org => NONE",
            "user@example..org => NONE",
            "user@example.org. => NONE",
            "user@[127.0.0.1] => NONE",
            "user@192.168.0.1 => NONE",
            "nguyễn@example.org => NONE",
            "user@ví-dụ.vn => NONE",
            "§user name@example.org§ => NONE",
            "§user@example.org\r\nBcc: x@example.org§ => NONE",
            "user(comment)@example.org => NONE",
            "user,other@example.org => NONE",
            "user;x@example.org => NONE",
            "§§ => NONE",
    })
    void practicalRfc5321Addresses(String typed, String expected) {
        assertEquals(Optional.ofNullable(expected), EmailAddress.parse(typed == null ? null : typed.replace("\\r\\n", "\r\n")));
    }

    @ParameterizedTest(name = "local {0}, label {1}, labels {2} → {3}")
    @CsvSource({
            "64, 10, 1, true",
            "65, 10, 1, false",
            "10, 63, 1, true",
            "10, 64, 1, false",
            // a domain of 4 labels of 61 characters and a 3-letter TLD: 4 × 62 + 3 = 251; the whole address ≤ 254
            "1, 61, 4, true",
            "3, 61, 4, false",
            "10, 63, 5, false",
    })
    void lengthLimits(int local, int label, int labels, boolean valid) {
        String domain = ("d".repeat(label) + ".").repeat(labels) + "org";
        assertEquals(valid, EmailAddress.isValid("l".repeat(local) + "@" + domain), local + "@" + domain.length());
    }
}
