package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** Response(PresetQuery): {@code PresetList Num="n"} of {@code Item}s with PresetID and PresetName. */
final class PresetQueryResponseXml implements ManscdpMapper<PresetQueryResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return PresetQueryResponse.CMD_TYPE;
    }

    @Override
    public Class<PresetQueryResponse> messageType() {
        return PresetQueryResponse.class;
    }

    @Override
    public PresetQueryResponse read(ManscdpHeader header, XmlElement root) {
        List<PresetItem> presets = new ArrayList<>();
        XmlElement presetList = root.child("PresetList");
        if (presetList != null) {
            for (XmlElement item : presetList.children("Item")) {
                presets.add(new PresetItem(ManscdpFields.requiredInt(item, "PresetID"),
                        ManscdpFields.text(item, "PresetName")));
            }
        }
        return new PresetQueryResponse(header.sn(), header.deviceId(), presets);
    }

    @Override
    public void writeBody(PresetQueryResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.start("PresetList");
        out.attribute("Num", Integer.toString(message.presets().size()));
        for (PresetItem preset : message.presets()) {
            out.start("Item");
            out.element("PresetID", preset.presetId());
            out.element("PresetName", preset.presetName());
            out.end();
        }
        out.end();
    }
}
