package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/**
 * Reads and writes the CmdType-specific part of one MANSCDP message type. The codec handles the root element and
 * the common CmdType / SN / DeviceID elements; a mapper handles what follows them.
 *
 * @param <T> the message record
 */
interface ManscdpMapper<T extends ManscdpMessage> {

    /** Root element family this mapper reads. */
    ManscdpKind kind();

    /** CmdType this mapper reads. */
    String cmdType();

    /** Record type this mapper writes. */
    Class<T> messageType();

    /** Builds the record from the common header and the root element. */
    T read(ManscdpHeader header, XmlElement root);

    /** Writes the elements after DeviceID. */
    void writeBody(T message, ManscdpXmlWriter out) throws XMLStreamException;
}
