package io.gbgate.sip.manscdp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table of mappers: by (kind, CmdType) for decoding, by record type for encoding. */
final class ManscdpMappers {

    private static final List<ManscdpMapper<?>> ALL = List.of(
            new KeepaliveXml(),
            new CatalogQueryXml(),
            new CatalogResponseXml(),
            new DeviceInfoQueryXml(),
            new DeviceInfoResponseXml(),
            new DeviceControlXml(),
            new DeviceControlResponseXml(),
            new DeviceConfigXml(),
            new DeviceConfigResponseXml(),
            new DeviceStatusQueryXml(),
            new DeviceStatusResponseXml(),
            new RecordInfoQueryXml(),
            new RecordInfoResponseXml(),
            new PresetQueryXml(),
            new PresetQueryResponseXml(),
            new ConfigDownloadQueryXml(),
            new ConfigDownloadResponseXml(),
            new AlarmNotifyXml(),
            new AlarmQueryXml(),
            new AlarmResponseXml(),
            new MobilePositionNotifyXml(),
            new MobilePositionQueryXml(),
            new MediaStatusNotifyXml(),
            new CatalogNotifyXml());

    private static final Map<String, ManscdpMapper<?>> BY_KIND_AND_CMD_TYPE = new HashMap<>();
    private static final Map<Class<?>, ManscdpMapper<?>> BY_TYPE = new HashMap<>();

    static {
        for (ManscdpMapper<?> mapper : ALL) {
            if (BY_KIND_AND_CMD_TYPE.put(key(mapper.kind(), mapper.cmdType()), mapper) != null
                    || BY_TYPE.put(mapper.messageType(), mapper) != null) {
                throw new IllegalStateException("two MANSCDP mappers for " + mapper.messageType());
            }
        }
    }

    private ManscdpMappers() {
    }

    /** The mapper reading {@code kind}/{@code cmdType} (CmdType case ignored), or null. */
    static ManscdpMapper<?> forDecoding(ManscdpKind kind, String cmdType) {
        return BY_KIND_AND_CMD_TYPE.get(key(kind, cmdType));
    }

    /** The mapper writing {@code message}'s type, or null (for {@link UnknownManscdp}). */
    @SuppressWarnings("unchecked")
    static <T extends ManscdpMessage> ManscdpMapper<T> forEncoding(T message) {
        return (ManscdpMapper<T>) BY_TYPE.get(message.getClass());
    }

    private static String key(ManscdpKind kind, String cmdType) {
        return kind.name() + '/' + cmdType.toLowerCase(Locale.ROOT);
    }
}
