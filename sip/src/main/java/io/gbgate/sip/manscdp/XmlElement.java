package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed element of a MANSCDP body: name, attributes, trimmed text and child elements. Lookups by name follow
 * {@link ManscdpQuirks#sameName(String, String)}.
 */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first child called {@code childName}, or null. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (ManscdpQuirks.sameName(child.name, childName)) {
                return child;
            }
        }
        return null;
    }

    /** All children called {@code childName}, in document order. */
    List<XmlElement> children(String childName) {
        List<XmlElement> matching = new ArrayList<>();
        for (XmlElement child : children) {
            if (ManscdpQuirks.sameName(child.name, childName)) {
                matching.add(child);
            }
        }
        return matching;
    }

    /** The attribute called {@code attributeName}, or null. */
    String attribute(String attributeName) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (ManscdpQuirks.sameName(attribute.getKey(), attributeName)) {
                return attribute.getValue();
            }
        }
        return null;
    }
}
