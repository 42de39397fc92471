package org.examcert.console.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.candidate.StandardBoard;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestRules;
import org.examcert.contest.DrawRule;
import org.examcert.contest.control.ContestEditing;
import org.examcert.contest.entity.Contest;
import org.examcert.platform.database.OwnTransaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * On first start of the embedded default (examcert.sample-contests=true), creates and publishes a
 * five-board certification contest and a study quiz from the shipped banks, so that a newcomer can
 * take an exam at once. Never runs twice: it looks for the contests by code.
 */
@Singleton
@Startup
@DependsOn("BankDirectory")
@TransactionManagement(TransactionManagementType.BEAN)
public class SampleContests {

    static final String CERTIFICATION = "kiem-tra-nang-luc-mau";
    static final String STUDY_QUIZ = "hoc-tap-nghi-quyet-mau";

    private static final Logger LOG = Logger.getLogger(SampleContests.class.getName());

    /** The shipped bank of each board. */
    private static final Map<StandardBoard, String> BANKS = Map.of(
            StandardBoard.CAN_BO_DOAN, "can-bo-doan",
            StandardBoard.DOAN_VIEN_CO_QUAN_DOANH_NGHIEP, "doan-vien-co-quan-doanh-nghiep",
            StandardBoard.THANH_NIEN_CONG_NHAN, "thanh-nien-cong-nhan",
            StandardBoard.SINH_VIEN, "sinh-vien",
            StandardBoard.HOC_SINH, "hoc-sinh");

    @Inject
    @ConfigProperty(name = "examcert.sample-contests", defaultValue = "false")
    boolean enabled;

    @Inject
    ContestEditing editing;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void createOnFirstStart() {
        if (!enabled) {
            return;
        }
        try {
            OwnTransaction.run(transaction, this::createMissing);
        } catch (Exception e) {
            LOG.severe(() -> "event=sample-contests.not-created error=" + e);
        }
    }

    private Void createMissing() {
        Instant now = clock.instant();
        if (editing.byCode(CERTIFICATION).isEmpty()) {
            Contest contest = editing.create(CERTIFICATION,
                    "Kiểm tra năng lực kiến thức cho cán bộ, đoàn viên, thanh niên (mẫu)",
                    "Cuộc thi mẫu: 30 câu hỏi trắc nghiệm trong 30 phút, thi nhiều lần, lấy lần cao nhất làm kết quả chính thức.",
                    ContestKind.CERTIFICATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)),
                    ContestRules.certificationDefaults(), now);
            for (StandardBoard board : StandardBoard.values()) {
                contest.defineBoard(board.name(), board.nameVi(), List.of(new DrawRule(BANKS.get(board), null, null, 30)));
            }
            editing.publish(contest.id(), now);
        }
        if (editing.byCode(STUDY_QUIZ).isEmpty()) {
            Contest quiz = editing.create(STUDY_QUIZ, "Tìm hiểu nghị quyết, pháp luật và công tác Đoàn (mẫu)",
                    "Bài tìm hiểu mẫu: 20 câu trong 15 phút; sau khi nộp bài được xem đáp án và giải thích.",
                    ContestKind.STUDY_QUIZ, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)),
                    ContestRules.studyQuizDefaults(), now);
            quiz.defineBoard("CHUNG", "Tất cả thí sinh", List.of(new DrawRule("hoc-tap-nghi-quyet", null, null, 20)));
            editing.publish(quiz.id(), now);
        }
        return null;
    }
}
