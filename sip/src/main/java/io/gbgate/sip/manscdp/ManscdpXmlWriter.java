package io.gbgate.sip.manscdp;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An indenting front end to {@link XMLStreamWriter} for MANSCDP bodies; null values are left out. */
final class ManscdpXmlWriter {

    private static final String NEWLINE = "\r\n";
    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    private int depth;

    ManscdpXmlWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** Opens an element on a new line. */
    void start(String name) throws XMLStreamException {
        newLine();
        xml.writeStartElement(name);
        depth++;
    }

    /** Writes an attribute of the element just opened. */
    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    /** Closes the innermost element on a new line. */
    void end() throws XMLStreamException {
        depth--;
        newLine();
        xml.writeEndElement();
    }

    /** Writes {@code <name>value</name>} on its own line unless {@code value} is null. */
    void element(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        newLine();
        xml.writeStartElement(name);
        xml.writeCharacters(checkedText(name, format(value)));
        xml.writeEndElement();
    }

    private static String format(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof ManscdpResult result) {
            return result.xmlValue();
        }
        if (value instanceof RecordType type) {
            return type.xmlValue();
        }
        if (value instanceof LocalDateTime time) {
            return ManscdpTimes.format(time);
        }
        return value.toString();
    }

    /** XML 1.0 cannot carry most control characters, not even escaped: refuse them rather than write bad XML. */
    private static String checkedText(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                throw new ManscdpException(String.format("<%s> contains control character U+%04X", name, (int) c));
            }
        }
        return text;
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters(NEWLINE);
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters(INDENT);
        }
    }
}
