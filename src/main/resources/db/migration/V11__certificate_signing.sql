-- Where and by whom a contest's certificates are signed; NULL: the configured default
-- (examcert.certificate.issue-place, .signatory-title, .signatory-name).
ALTER TABLE contest
    ADD COLUMN certificate_place VARCHAR(100) NULL,
    ADD COLUMN signatory_title   VARCHAR(100) NULL,
    ADD COLUMN signatory_name    VARCHAR(100) NULL;

-- What a certificate printed, copied at issue like its other facts, so a later change of the
-- contest or of the configuration never alters it. An empty signatory_name: none was printed.
ALTER TABLE certificate
    ADD COLUMN issue_place     VARCHAR(100) NULL,
    ADD COLUMN signatory_title VARCHAR(100) NULL,
    ADD COLUMN signatory_name  VARCHAR(100) NULL;

-- Certificates issued before: the default template printed a fixed "TM. BAN TỔ CHỨC" and no name,
-- so they keep exactly that. Their place stays NULL: it was the configured place, which is read
-- again when such a certificate is rendered (it is not known here).
UPDATE certificate SET signatory_title = 'TM. BAN TỔ CHỨC', signatory_name = '';
