-- gbgate metadata schema, version 6: downloads of recorded video from devices (GB28181 s=Download).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15 (same conventions as V1).

CREATE TABLE device_downloads (
    id           VARCHAR(36)              NOT NULL,
    channel_id   VARCHAR(32)              NOT NULL,
    from_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    to_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    speed        INTEGER                  NOT NULL,
    requested_by VARCHAR(128),
    state        VARCHAR(16)              NOT NULL,
    stream_id    VARCHAR(64),
    clip_id      VARCHAR(36),
    end_reason   VARCHAR(200),
    failure      VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_device_downloads PRIMARY KEY (id),
    CONSTRAINT ck_device_downloads_state CHECK (state IN ('receiving', 'saving', 'done', 'failed'))
);

CREATE INDEX ix_device_downloads_channel_created ON device_downloads (channel_id, created_at);
CREATE INDEX ix_device_downloads_state ON device_downloads (state);
