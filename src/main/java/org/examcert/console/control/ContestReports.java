package org.examcert.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.examcert.console.UnitParticipation;
import org.examcert.contest.GradingBand;
import org.examcert.contest.entity.Contest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's figures and the exports of a contest, assembled from {@link ContestStatistics}. */
@ApplicationScoped
public class ContestReports {

    @Inject
    ContestStatistics statistics;

    public record Totals(long candidates, long attempts, long inProgress, long completed, long certificates) {
    }

    public record BoardFigures(String code, String name, long candidates, long attempts, long completed,
                               Map<String, Integer> bands) {
    }

    public record BandCount(String key, String labelVi, String labelEn, int count) {
    }

    public record ContestHeader(long id, String code, String title, String state, Instant opensAt, Instant closesAt) {
    }

    public record Dashboard(ContestHeader contest, Instant now, Totals totals, List<BoardFigures> boards,
                            List<UnitParticipation.Row> units, List<BandCount> bands,
                            List<ContestStatistics.HourCount> timeline, List<ContestStatistics.QuestionStatistics> questions,
                            String tieBreakQuestion, Integer tieBreakTruth) {
    }

    public Dashboard dashboard(Contest contest, Instant now) {
        List<ContestStatistics.Participant> participants = statistics.participants(contest.id());
        Map<String, Long> states = statistics.attemptsByState(contest.id());
        long attempts = states.values().stream().mapToLong(Long::longValue).sum();
        long completed = participants.stream().filter(p -> Boolean.TRUE.equals(p.completed())).count();
        Totals totals = new Totals(participants.size(), attempts, states.getOrDefault("IN_PROGRESS", 0L), completed,
                statistics.certificatesValid(contest.id()));

        List<String> bandKeys = ContestStatistics.bandKeys(contest);
        List<BoardFigures> boards = new ArrayList<>();
        contest.boards().forEach(board -> {
            List<ContestStatistics.Participant> in = participants.stream().filter(p -> board.code().equals(p.board())).toList();
            boards.add(new BoardFigures(board.code(), board.name(), in.size(), in.stream().mapToLong(ContestStatistics.Participant::attempts).sum(),
                    in.stream().filter(p -> Boolean.TRUE.equals(p.completed())).count(), bandCounts(in, bandKeys)));
        });
        Map<String, Integer> all = bandCounts(participants, bandKeys);
        List<BandCount> bands = contest.rules().bands().bands().stream()
                .map(b -> new BandCount(b.key(), b.labelVi(), b.labelEn(), all.get(b.key()))).toList();
        Integer truth = statistics.tieBreakTruth(contest, participants);
        return new Dashboard(new ContestHeader(contest.id(), contest.code(), contest.title(), contest.state().name(),
                contest.opensAt(), contest.closesAt()), now, totals, boards, statistics.unitReport(contest), bands,
                statistics.timeline(contest.id()), statistics.questions(contest.id()), contest.rules().tieBreakQuestion(), truth);
    }

    /** One row per participant: the results export. */
    public Sheets.Table results(Contest contest) {
        Map<String, String> boardNames = new LinkedHashMap<>();
        contest.boards().forEach(b -> boardNames.put(b.code(), b.name()));
        Map<String, String> bandLabels = new LinkedHashMap<>();
        contest.rules().bands().bands().forEach(b -> bandLabels.put(b.key(), b.labelVi()));
        List<List<Object>> rows = new ArrayList<>();
        List<ContestStatistics.Participant> participants = statistics.participants(contest.id());
        Map<Long, Integer> ranks = statistics.boardRanks(contest, participants);
        for (ContestStatistics.Participant p : participants) {
            List<Object> row = new ArrayList<>();
            row.add(p.fullName());
            row.add(p.email());
            row.add(p.phone());
            row.add(boardNames.getOrDefault(p.board(), p.board()));
            row.add(p.unit());
            row.add(p.attempts());
            row.add(p.score());
            row.add(p.maxScore());
            row.add(p.band() == null ? null : bandLabels.getOrDefault(p.band(), p.band()));
            row.add(p.completed() == null ? "Chưa có bài được chấm" : p.completed() ? "Hoàn thành" : "Chưa hoàn thành");
            row.add(p.officialEndedAt());
            row.add(p.graded() ? p.officialDuration().toSeconds() : null);
            row.add(p.prediction());
            row.add(p.certificateSerial());
            row.add(ranks.get(p.participationId()));
            rows.add(row);
        }
        return new Sheets.Table("Kết quả", List.of("Họ và tên", "Email", "Điện thoại", "Bảng", "Đơn vị", "Số lượt thi",
                "Điểm chính thức", "Điểm tối đa", "Xếp loại", "Hoàn thành", "Nộp bài lúc", "Thời gian làm bài (giây)",
                "Dự đoán", "Số hiệu giấy chứng nhận", "Hạng trong bảng"), rows);
    }

    /** The per-unit participation report. */
    public Sheets.Table unitReport(Contest contest) {
        List<GradingBand> bands = contest.rules().bands().bands();
        List<String> header = new ArrayList<>(List.of("Mã đơn vị", "Tên đơn vị", "Số đoàn viên", "Đã đăng ký",
                "Đã tham gia", "Đã hoàn thành", "Tỷ lệ tham gia (%)", "Tỷ lệ hoàn thành (%)"));
        bands.forEach(b -> header.add(b.labelVi()));
        List<List<Object>> rows = new ArrayList<>();
        for (UnitParticipation.Row u : statistics.unitReport(contest)) {
            List<Object> row = new ArrayList<>(List.of(u.code(), u.name(), u.expected(), u.registered(), u.tookPart(), u.completed()));
            row.add(percent(u.participationRate()));
            row.add(percent(u.completionRate()));
            bands.forEach(b -> row.add(u.bands().get(b.key())));
            rows.add(row);
        }
        return new Sheets.Table("Báo cáo theo đơn vị", header, rows);
    }

    private static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    private static Map<String, Integer> bandCounts(List<ContestStatistics.Participant> participants, List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0));
        participants.stream().filter(ContestStatistics.Participant::graded).forEach(p -> counts.merge(p.band(), 1, Integer::sum));
        return counts;
    }
}
