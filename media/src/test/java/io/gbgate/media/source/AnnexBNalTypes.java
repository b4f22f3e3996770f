package io.gbgate.media.source;

import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the H.264 NAL unit types of an Annex B buffer, in order. */
final class AnnexBNalTypes {
    private AnnexBNalTypes() {
    }

    static List<Integer> of(ByteBuf buf) {
        List<Integer> types = new ArrayList<>();
        int startCode = NalUnits.findStartCode(buf, buf.readerIndex(), buf.writerIndex());
        while (startCode >= 0 && startCode + 3 < buf.writerIndex()) {
            types.add(NalUnits.h264Type(buf.getByte(startCode + 3)));
            startCode = NalUnits.findStartCode(buf, startCode + 3, buf.writerIndex());
        }
        return types;
    }
}
