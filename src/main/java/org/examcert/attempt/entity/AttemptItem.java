package org.examcert.attempt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One question of an ended attempt's paper: the option order shown, the correct option and points
 * of the published version it was drawn from, and the answer saved, so the attempt's score can
 * always be recomputed from its items. Written once, when the attempt ends (the attempt control's
 * {@code Papers}); never changed through this entity.
 */
@Entity
@Table(name = "attempt_item")
@IdClass(AttemptItem.Key.class)
public class AttemptItem {

    /** The composite key (attempt, position). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long attemptId;
        Integer position;

        public Key() {
        }

        public Key(long attemptId, int position) {
            this.attemptId = attemptId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(attemptId, k.attemptId) && Objects.equals(position, k.position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, position);
        }
    }

    @Id
    @Column(name = "attempt_id")
    private Long attemptId;

    @Id
    private Integer position;

    @Column(name = "question_id")
    private long questionId;

    @Column(name = "option_order")
    private String optionOrder;

    @Column(name = "option_count")
    private int optionCount;

    @Column(name = "correct_option")
    private int correctOption;

    private BigDecimal points;

    @Column(name = "chosen_option")
    private Integer chosenOption;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "save_seq")
    private long saveSeq;

    /** {@link #optionOrder} read once: a start shows thirty of them right after writing them. */
    @Transient
    private List<Integer> order;

    protected AttemptItem() {
    }

    public AttemptItem(long attemptId, int position, long questionId, List<Integer> optionOrder, int correctOption,
                       BigDecimal points) {
        if (correctOption < 1 || correctOption > optionOrder.size()) {
            throw new IllegalArgumentException("correct option " + correctOption + " outside 1.." + optionOrder.size());
        }
        this.attemptId = attemptId;
        this.position = position;
        this.questionId = questionId;
        this.optionOrder = orderText(optionOrder);
        this.order = List.copyOf(optionOrder);
        this.optionCount = optionOrder.size();
        this.correctOption = correctOption;
        this.points = points;
    }

    public long attemptId() {
        return attemptId;
    }

    /** An option order as stored: "3,1,4,2". */
    public static String orderText(List<Integer> optionOrder) {
        return optionOrder.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The option order as stored: "3,1,4,2". */
    public String optionOrderText() {
        return optionOrder;
    }

    public int position() {
        return position;
    }

    public long questionId() {
        return questionId;
    }

    /** The options' numbers (from 1, as in the bank) in the order this paper shows them. */
    public List<Integer> optionOrder() {
        if (order == null) {
            order = Arrays.stream(optionOrder.split(",")).map(Integer::valueOf).toList();
        }
        return order;
    }

    /** How many options the question shows. */
    public int optionCount() {
        return optionCount;
    }

    public int correctOption() {
        return correctOption;
    }

    public BigDecimal points() {
        return points;
    }

    public Integer chosenOption() {
        return chosenOption;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public long saveSeq() {
        return saveSeq;
    }
}
