-- The console: the accounts that sign in to it.

CREATE TABLE console_account (
    id               uuid         PRIMARY KEY,
    username         varchar(64)  NOT NULL,
    password_hash    varchar(255) NOT NULL,
    role             varchar(16)  NOT NULL,
    enabled          boolean      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    last_sign_in_at  timestamptz,
    CONSTRAINT console_account_username_key UNIQUE (username),
    CONSTRAINT console_account_role_known CHECK (role IN ('ADMIN', 'AUDITOR'))
);

-- The vouchers screen lists every voucher, newest first. Building it locks voucher inserts for as long
-- as it takes (about a second per million vouchers here): upgrade while the fleet is quiet. The
-- screens' other filters (device status, attempts by template) scan the indexes that exist, newest or
-- by number, and stop at a screenful: an index for each would cost every provisioning a write more.
CREATE INDEX voucher_issued_at_idx ON voucher (issued_at DESC);
