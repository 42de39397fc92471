-- Settings the service keeps for itself, shared by every instance (e.g. the token-signing key).
CREATE TABLE platform_setting (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    value       VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
