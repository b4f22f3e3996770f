package io.gbgate.sip.manscdp;

/**
 * A decoded GB/T 28181 MANSCDP body ({@code Application/MANSCDP+xml}). Every message carries its family
 * ({@link #kind()}), {@code CmdType}, sequence number {@code SN} and the {@code DeviceID} it concerns.
 * Decode and encode with {@link ManscdpCodec}. CmdTypes without a record decode to {@link UnknownManscdp}.
 */
public sealed interface ManscdpMessage permits KeepaliveNotify, CatalogQuery, CatalogResponse, CatalogNotify,
        DeviceInfoQuery, DeviceInfoResponse, DeviceControl, DeviceControlResponse, DeviceConfig, DeviceConfigResponse,
        DeviceStatusQuery, DeviceStatusResponse, RecordInfoQuery, RecordInfoResponse, PresetQuery, PresetQueryResponse,
        ConfigDownloadQuery, ConfigDownloadResponse, AlarmNotify, AlarmQuery, AlarmResponse, MobilePositionNotify,
        MobilePositionQuery, MediaStatusNotify, UnknownManscdp {

    /** Root element: Query, Response, Notify or Control. */
    ManscdpKind kind();

    /** The {@code CmdType} value, e.g. {@code Catalog}. */
    String cmdType();

    /** The {@code SN} sequence number (non-negative). */
    long sn();

    /** The {@code DeviceID} (device, channel or platform ID). */
    String deviceId();
}
