package org.examcert.contest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.examcert.contest.DrawRule;
import org.examcert.platform.problem.Problem;

import java.util.List;
import java.util.regex.Pattern;

/** A board (bảng) of a contest, with its own content: the draw specification. */
@Entity
@Table(name = "board")
public class Board {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    private String code;
    private String name;
    private int position;

    @Column(name = "draw_spec")
    @Convert(converter = DrawSpecConverter.class)
    private List<DrawRule> drawSpec;

    protected Board() {
    }

    Board(Contest contest, String code, String name, int position, List<DrawRule> drawSpec) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Problem.badRequest("contest.board-code-invalid", code);
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            throw Problem.badRequest("contest.board-name-invalid");
        }
        this.contest = contest;
        this.code = code;
        this.position = position;
        redefine(name, drawSpec);
    }

    void redefine(String name, List<DrawRule> drawSpec) {
        if (drawSpec == null || drawSpec.isEmpty()) {
            throw Problem.badRequest("contest.draw-spec-empty", code);
        }
        this.name = name.strip();
        this.drawSpec = List.copyOf(drawSpec);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public List<DrawRule> drawSpec() {
        return drawSpec;
    }

    public int questionCount() {
        return drawSpec.stream().mapToInt(DrawRule::count).sum();
    }
}
