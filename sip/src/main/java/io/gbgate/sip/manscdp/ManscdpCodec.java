package io.gbgate.sip.manscdp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Decodes and encodes MANSCDP bodies ({@code Application/MANSCDP+xml}).
 * <p>
 * Decoding: charset from the XML declaration, else the Content-Type charset, else GB18030 (GB2312/GBK are read as
 * GB18030); invalid byte sequences are replaced, not fatal. The XML is parsed with StAX, DTDs and external
 * entities off, any DOCTYPE rejected, size and depth bounded. Tolerated device quirks are listed in
 * {@code ManscdpQuirks}. Encoding writes GB2312 with an XML declaration; characters outside GB2312 become
 * character references. Stateless and thread-safe.
 */
public final class ManscdpCodec {

    /** Content-Type of MANSCDP bodies as the standard spells it. */
    public static final String CONTENT_TYPE = "Application/MANSCDP+xml";
    /** Type part of {@link #CONTENT_TYPE}, for SIP header factories that take type and subtype apart. */
    public static final String CONTENT_TYPE_TYPE = "Application";
    /** Subtype part of {@link #CONTENT_TYPE}. */
    public static final String CONTENT_SUBTYPE = "MANSCDP+xml";
    /** Largest body accepted by {@link #decode}. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Charset {@link #encode} writes. */
    public static final Charset ENCODE_CHARSET = Charset.forName("GB2312");

    private ManscdpCodec() {
    }

    /**
     * Decodes a MANSCDP body.
     *
     * @param body               raw body bytes
     * @param contentTypeCharset the Content-Type charset parameter (or the whole Content-Type value), or null
     * @return the message; {@link UnknownManscdp} for kind/CmdType pairs without a record
     * @throws ManscdpException for an empty, oversized, hostile or malformed body, missing CmdType/SN/DeviceID,
     *                          or bad numbers
     */
    public static ManscdpMessage decode(byte[] body, String contentTypeCharset) {
        if (body == null || body.length == 0) {
            throw new ManscdpException("empty MANSCDP body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ManscdpException("MANSCDP body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES);
        }
        Charset charset = ManscdpCharsets.choose(body, contentTypeCharset);
        String text = ManscdpQuirks.stripLeadingJunk(ManscdpCharsets.decode(body, charset));
        XmlElement root = ManscdpXmlReader.parse(text);
        ManscdpKind kind = ManscdpKind.ofElementName(root.name()).orElseThrow(() -> new ManscdpException(
                "root element <" + root.name() + "> is not Query, Response, Notify or Control"));
        try {
            ManscdpHeader header = new ManscdpHeader(kind,
                    ManscdpFields.requiredText(root, "CmdType"),
                    ManscdpFields.requiredLong(root, "SN"),
                    ManscdpFields.requiredText(root, "DeviceID"));
            ManscdpMapper<?> mapper = ManscdpMappers.forDecoding(kind, header.cmdType());
            if (mapper == null) {
                return new UnknownManscdp(kind, header.cmdType(), header.sn(), header.deviceId());
            }
            return mapper.read(header, root);
        } catch (IllegalArgumentException e) {
            throw new ManscdpException("invalid " + kind.elementName() + " body: " + e.getMessage(), e);
        }
    }

    /**
     * Encodes a message as GB2312 XML with {@code <?xml version="1.0" encoding="GB2312"?>}.
     *
     * @throws ManscdpException if a value contains a control character XML cannot carry, or the writer fails
     */
    public static byte[] encode(ManscdpMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, ENCODE_CHARSET.name());
            xml.writeStartDocument(ENCODE_CHARSET.name(), "1.0");
            ManscdpXmlWriter out = new ManscdpXmlWriter(xml);
            out.start(message.kind().elementName());
            out.element("CmdType", message.cmdType());
            out.element("SN", message.sn());
            out.element("DeviceID", message.deviceId());
            writeBody(message, out);
            out.end();
            xml.writeCharacters("\r\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ManscdpException("cannot encode " + message.kind().elementName() + "(" + message.cmdType()
                    + "): " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static <T extends ManscdpMessage> void writeBody(T message, ManscdpXmlWriter out)
            throws XMLStreamException {
        ManscdpMapper<T> mapper = ManscdpMappers.forEncoding(message);
        if (mapper != null) {
            mapper.writeBody(message, out);
        }
    }
}
