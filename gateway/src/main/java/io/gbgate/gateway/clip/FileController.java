package io.gbgate.gateway.clip;

import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.storage.object.LocalFileObjectStore;
import io.gbgate.storage.object.ObjectStore;
import io.gbgate.storage.object.StoredObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads from the local object store ({@code /files/<key>}), each URL carrying a signed token
 * for its key. With S3 the download URLs are presigned by the store and never come here.
 */
@RestController
public class FileController {
    private final ObjectStore store;
    private final MediaTokenSigner signer;

    public FileController(ObjectStore store, MediaTokenSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    /** The media-token scope that grants downloading {@code key}. */
    public static String tokenScope(String key) {
        return "file:" + key;
    }

    @GetMapping(LocalFileObjectStore.DEFAULT_URL_PREFIX + "**")
    public ResponseEntity<StreamingResponseBody> download(HttpServletRequest request,
                                                          @RequestParam(required = false) String token) {
        if (!(store instanceof LocalFileObjectStore local)) {
            return text(HttpStatus.NOT_FOUND, "objects are kept in S3: use the clip's presigned download URL");
        }
        String key;
        try {
            key = local.keyOfUrlPath(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return text(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        MediaTokenSigner.Verdict verdict = signer.verify(tokenScope(key), token);
        if (!verdict.granted()) {
            return text(HttpStatus.UNAUTHORIZED, verdict.rejection());
        }
        Optional<StoredObject> object = store.stat(key);
        if (object.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "no object " + key);
        }
        StreamingResponseBody body = out -> {
            try (InputStream in = store.open(key)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .contentLength(object.get().size()).header("X-Gbgate-Sha256", object.get().sha256()).body(body);
    }

    private static ResponseEntity<StreamingResponseBody> text(HttpStatus status, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(out -> out.write(bytes));
    }
}
