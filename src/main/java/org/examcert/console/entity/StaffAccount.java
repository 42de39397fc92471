package org.examcert.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.examcert.platform.security.Role;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A member of the organizing board's staff: an organizer or an administrator. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private Instant createdAt;

    private boolean active = true;

    protected StaffAccount() {
    }

    public StaffAccount(String email, String fullName, Role role, String passwordHash, Instant now) {
        if (role == null || !role.isStaff()) {
            throw new IllegalArgumentException("a staff account is an organizer or an administrator");
        }
        this.email = Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
        this.fullName = requireName(fullName);
        this.role = role;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean active() {
        return active;
    }

    /**
     * Changes what an administrator may change. {@code byThemself}: nobody demotes or disables
     * their own account, so the board cannot lock itself out by mistake.
     */
    public void change(String newFullName, Role newRole, Boolean newActive, String newPasswordHash, boolean byThemself) {
        if (byThemself && ((newRole != null && newRole != role) || Boolean.FALSE.equals(newActive))) {
            throw org.examcert.platform.problem.Problem.conflict("staff.cannot-demote-self");
        }
        if (newRole != null && !newRole.isStaff()) {
            throw org.examcert.platform.problem.Problem.badRequest("staff.role-invalid");
        }
        if (newFullName != null) {
            this.fullName = requireName(newFullName);
        }
        if (newRole != null) {
            this.role = newRole;
        }
        if (newActive != null) {
            this.active = newActive;
        }
        if (newPasswordHash != null) {
            this.passwordHash = newPasswordHash;
        }
    }

    static String requireName(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw org.examcert.platform.problem.Problem.badRequest("staff.name-invalid");
        }
        return name;
    }
}
