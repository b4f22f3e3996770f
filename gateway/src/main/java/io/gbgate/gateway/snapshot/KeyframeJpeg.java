package io.gbgate.gateway.snapshot;

import io.gbgate.media.Codec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Decodes one keyframe (Annex B with its parameter sets in front) with FFmpeg and encodes it as JPEG. */
public final class KeyframeJpeg {

    private KeyframeJpeg() {
    }

    /** A JPEG picture and its size. */
    public record Picture(byte[] jpeg, int width, int height) {
    }

    /**
     * Decodes {@code annexB} (H.264 or H.265) to a JPEG.
     *
     * @throws IllegalArgumentException when the codec is not video or the bytes hold no decodable picture
     */
    public static Picture encode(byte[] annexB, Codec codec) {
        String format = switch (codec) {
            case H264 -> "h264";
            case H265 -> "hevc";
            default -> throw new IllegalArgumentException("not a video codec: " + codec);
        };
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat(format);
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                throw new IllegalArgumentException("the keyframe (" + annexB.length + " bytes of " + codec
                        + ") decoded to no picture");
            }
            BufferedImage image = converter.convert(frame);
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream(64 * 1024);
            if (!ImageIO.write(image, "jpg", jpeg)) {
                throw new IllegalStateException("no JPEG writer in this JRE");
            }
            grabber.stop();
            return new Picture(jpeg.toByteArray(), image.getWidth(), image.getHeight());
        } catch (FrameGrabber.Exception e) {
            throw new IllegalArgumentException("the keyframe could not be decoded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
