package org.examcert.candidate;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five boards (bảng) of the certification contest; a candidate registers in one of them, and
 * a contest's boards use these codes unless the organizers define others.
 */
public enum StandardBoard {
    CAN_BO_DOAN("Bảng cán bộ Đoàn", "Union cadres"),
    DOAN_VIEN_CO_QUAN_DOANH_NGHIEP("Bảng đoàn viên thanh niên khối cơ quan và doanh nghiệp",
            "Union members in agencies and enterprises"),
    THANH_NIEN_CONG_NHAN("Bảng thanh niên công nhân", "Young workers"),
    SINH_VIEN("Bảng sinh viên", "University students"),
    HOC_SINH("Bảng học sinh", "High-school students");

    private final String nameVi;
    private final String nameEn;

    StandardBoard(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<StandardBoard> byCode(String code) {
        return Arrays.stream(values()).filter(b -> b.name().equals(code)).findFirst();
    }
}
