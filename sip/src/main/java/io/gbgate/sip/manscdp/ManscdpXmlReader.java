package io.gbgate.sip.manscdp;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened StAX parsing of a decoded MANSCDP body into an {@link XmlElement} tree: DTDs and external entities off,
 * any DOCTYPE rejected outright, bounded element depth and count, reading stops at the end of the root element.
 */
final class ManscdpXmlReader {

    /** Deepest element nesting accepted (Response/DeviceList/Item/Info/PTZType is 5). */
    static final int MAX_DEPTH = 12;
    /** Most elements accepted in one body. */
    static final int MAX_ELEMENTS = 20_000;

    private ManscdpXmlReader() {
    }

    /**
     * @throws ManscdpException for a DOCTYPE, malformed XML, too deep or too many elements, or no root element
     */
    static XmlElement parse(String text) {
        rejectDoctype(text);
        XMLStreamReader reader = null;
        try {
            reader = hardenedFactory().createXMLStreamReader(new StringReader(text));
            return readRoot(reader);
        } catch (XMLStreamException e) {
            throw new ManscdpException("malformed MANSCDP XML: " + e.getMessage(), e);
        } finally {
            closeQuietly(reader);
        }
    }

    private static XmlElement readRoot(XMLStreamReader reader) throws XMLStreamException {
        Deque<PendingElement> open = new ArrayDeque<>();
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new ManscdpException("DOCTYPE is not allowed in MANSCDP bodies");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new ManscdpException("entity reference &" + reader.getLocalName() + "; is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new ManscdpException("MANSCDP elements nested deeper than " + MAX_DEPTH);
                    }
                    if (++elements > MAX_ELEMENTS) {
                        throw new ManscdpException("MANSCDP body has more than " + MAX_ELEMENTS + " elements");
                    }
                    open.push(new PendingElement(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        return done; // trailing content quirk: nothing after the root is read
                    }
                    open.peek().children.add(done);
                }
                default -> {
                    // comments, processing instructions, document start
                }
            }
        }
        throw new ManscdpException(open.isEmpty() ? "MANSCDP body has no root element"
                : "MANSCDP body ends inside element <" + open.peek().name + ">");
    }

    private static void rejectDoctype(String text) {
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new ManscdpException("DOCTYPE is not allowed in MANSCDP bodies");
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing is held open: the input is a String
            }
        }
    }

    /** An element whose end tag has not been read yet. */
    private static final class PendingElement {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        PendingElement(XMLStreamReader reader) {
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlElement build() {
            return new XmlElement(name, attributes, text.toString().strip(), children);
        }
    }
}
