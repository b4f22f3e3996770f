package io.gbgate.gateway.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The image of a face hit: base64 JPEG, decoded fully once to prove it is one. */
final class FaceImage {

    private FaceImage() {
    }

    /**
     * Decodes base64 (a {@code data:image/jpeg;base64,} prefix is allowed) and checks the bytes are a decodable JPEG.
     *
     * @return the JPEG bytes
     * @throws IllegalArgumentException saying whether the base64 or the JPEG is broken
     */
    static byte[] decodeJpeg(String base64) {
        String text = base64.strip();
        int comma = text.indexOf(',');
        if (text.startsWith("data:") && comma > 0) {
            text = text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image is not valid base64: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("image is empty");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext() || !"jpeg".equalsIgnoreCase(readers.next().getFormatName())) {
                throw new IllegalArgumentException("image is not a JPEG (" + bytes.length + " bytes)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("image could not be read: " + e.getMessage());
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(bytes)) == null) {
                throw new IllegalArgumentException("image is not a decodable JPEG");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad && bad.getMessage().startsWith("image")) {
                throw bad;
            }
            throw new IllegalArgumentException("image is not a decodable JPEG: " + e.getMessage());
        }
        return bytes;
    }
}
