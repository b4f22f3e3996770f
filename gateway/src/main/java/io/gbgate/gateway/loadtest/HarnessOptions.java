package io.gbgate.gateway.loadtest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line of the {@link LoadHarness}: {@code --name=value} pairs, every one optional.
 *
 * @param streams            channels to play (N)
 * @param channelsPerDevice  channels per simulated NVR (one SIP stack each)
 * @param tcpShare           fraction of plays requested with {@code ?transport=tcp-passive}; the rest UDP
 * @param playConcurrency    POST /play requests outstanding at once
 * @param measureSeconds     length of the sampling window once every stream plays
 * @param segmentTimeoutSeconds how long a stream may take from POST to its first fetchable segment
 * @param touchSeconds       playlist fetch cadence that keeps each viewer lease alive
 * @param recording          what every channel loops
 * @param psFile             a real recording to loop instead of the generated one, or null
 * @param gateway            the gateway to start or to attach to
 */
public record HarnessOptions(int streams, int channelsPerDevice, double tcpShare, int playConcurrency,
                             int measureSeconds, int segmentTimeoutSeconds, int touchSeconds,
                             LoadRecording.Spec recording, Path psFile, GatewayOptions gateway) {

    /**
     * Where the gateway comes from. With {@code url} null the harness starts {@code jar} as a child
     * process with {@code jvmOptions} and {@code extraArgs}; otherwise it attaches to {@code url} /
     * {@code pid} with {@code token}, whose SIP side listens on {@code sipPort}.
     */
    public record GatewayOptions(String url, long pid, String token, int sipPort, String sipId, String sipDomain,
                                 String sipPassword, Path jar, String jvmOptions, String extraArgs) {
        public boolean attach() {
            return url != null;
        }
    }

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("streams", "50");
        d.put("channels-per-device", "50");
        d.put("tcp-share", "0.2");
        d.put("play-concurrency", "16");
        d.put("measure-seconds", "20");
        d.put("segment-timeout-seconds", "60");
        d.put("touch-seconds", "10");
        d.put("width", "1920");
        d.put("height", "1080");
        d.put("fps", "25");
        d.put("bitrate", "2000000");
        d.put("gop-frames", "5");
        d.put("recording-seconds", "10");
        d.put("ps-file", "");
        d.put("gateway-url", "");
        d.put("gateway-pid", "0");
        d.put("token", "load-harness-token");
        d.put("sip-port", "5060");
        d.put("sip-id", "44010200492000000001");
        d.put("sip-domain", "4401020049");
        d.put("sip-password", "12345678");
        d.put("gateway-jar", "");
        d.put("gateway-jvm-opts", "-Xmx2g");
        d.put("gateway-args", "");
        return Collections.unmodifiableMap(d); // keeps the order for the usage text
    }

    /** Parses {@code --name=value} arguments; unknown names and bad values fail with the usage. */
    public static HarnessOptions parse(String... args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments look like --name=value, got '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2, eq);
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
            values.put(name, arg.substring(eq + 1));
        }
        Reader r = new Reader(values);
        double tcpShare = r.decimal("tcp-share");
        if (tcpShare < 0 || tcpShare > 1) {
            throw new IllegalArgumentException("--tcp-share must be within 0..1, was " + tcpShare);
        }
        String url = values.get("gateway-url").isBlank() ? null : values.get("gateway-url").replaceAll("/+$", "");
        long pid = r.number("gateway-pid", 0);
        if (url != null && pid <= 0) {
            throw new IllegalArgumentException("--gateway-url needs --gateway-pid (the gateway's process ID, to"
                    + " sample its CPU and memory)");
        }
        GatewayOptions gateway = new GatewayOptions(url, pid, values.get("token"), r.positive("sip-port"),
                values.get("sip-id"), values.get("sip-domain"), values.get("sip-password"),
                values.get("gateway-jar").isBlank() ? null : Path.of(values.get("gateway-jar")),
                values.get("gateway-jvm-opts"), values.get("gateway-args"));
        LoadRecording.Spec recording = new LoadRecording.Spec(r.positive("width"), r.positive("height"),
                r.positive("fps"), r.positive("bitrate"), r.positive("gop-frames"), r.positive("recording-seconds"));
        Path psFile = values.get("ps-file").isBlank() ? null : Path.of(values.get("ps-file"));
        return new HarnessOptions(r.positive("streams"), r.positive("channels-per-device"), tcpShare,
                r.positive("play-concurrency"), r.positive("measure-seconds"), r.positive("segment-timeout-seconds"),
                r.positive("touch-seconds"), recording, psFile, gateway);
    }

    /** Every option with its default. */
    public static String usage() {
        StringBuilder text = new StringBuilder("options (all --name=value):\n");
        DEFAULTS.forEach((name, value) -> text.append(String.format("  --%-26s default: %s%n", name,
                value.isEmpty() ? "(none)" : value)));
        return text.toString();
    }

    /** Number of devices needed for {@link #streams()} channels. */
    public int devices() {
        return (streams + channelsPerDevice - 1) / channelsPerDevice;
    }

    /** Number of plays requested over TCP passive. */
    public int tcpStreams() {
        return (int) Math.floor(streams * tcpShare);
    }

    /** Whether play {@code index} (0-based) asks for TCP passive: spread evenly over the devices. */
    public boolean playsOverTcp(int index) {
        return Math.floor((index + 1) * tcpShare) > Math.floor(index * tcpShare);
    }

    private record Reader(Map<String, String> values) {
        long number(String name, long min) {
            String value = values.get(name).trim();
            try {
                long parsed = Long.parseLong(value);
                if (parsed < min) {
                    throw new IllegalArgumentException("--" + name + " must be at least " + min + ", was " + value);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'", e);
            }
        }

        int positive(String name) {
            long parsed = number(name, 1);
            if (parsed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " too large: " + parsed);
            }
            return (int) parsed;
        }

        double decimal(String name) {
            try {
                return Double.parseDouble(values.get(name).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number, was '" + values.get(name) + "'", e);
            }
        }
    }
}
