package io.gbgate.gateway.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a URL may receive hooks: http or https with a host, and (unless loopback is allowed) none of the
 * host's addresses loopback, link-local (cloud metadata lives there), unspecified or multicast. Checked when a
 * subscription is made and again before each attempt (DNS may change).
 */
public final class WebhookTargets {
    private final boolean allowLoopback;

    public WebhookTargets(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /**
     * Validates {@code url}.
     *
     * @return the parsed URI
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhook url is missing");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook url is not a valid URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhook url must be http or https: " + url);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhook url needs a host and no user info: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webhook host does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String refused = refusal(address);
            if (refused != null) {
                throw new IllegalArgumentException("webhook target " + uri.getHost() + " resolves to " + refused
                        + " address " + address.getHostAddress() + " (allowed only with gbgate.webhooks.allow-loopback)");
            }
        }
        return uri;
    }

    private String refusal(InetAddress address) {
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if (allowLoopback) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified";
        }
        return null;
    }
}
