package io.gbgate.gateway.api;

import io.gbgate.gateway.device.RegistrationRefusals;
import io.gbgate.sip.platform.RegistrationRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Why devices could not register: the recent refused REGISTERs with their precise reason. */
@RestController
@RequestMapping("/api/registrations")
@Tag(name = "devices")
public class RegistrationController {
    private final RegistrationRefusals refusals;

    public RegistrationController(RegistrationRefusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping("/refused")
    @Operation(summary = "Recent refused REGISTERs, newest first (the last " + RegistrationRefusals.KEPT + "):"
            + " device ID, source address and transport, reason (BAD_DEVICE_ID, USERNAME_MISMATCH, REALM_MISMATCH,"
            + " UNUSABLE_DIGEST, WRONG_PASSWORD, TOO_MANY_FAILURES, INTERVAL_TOO_BRIEF), specifics, SIP status")
    public List<RegistrationRefusal> refused(@RequestParam(required = false) String deviceId,
                                             @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > RegistrationRefusals.KEPT) {
            throw new IllegalArgumentException("limit must be between 1 and " + RegistrationRefusals.KEPT
                    + ", was " + limit);
        }
        return refusals.recent(deviceId, limit);
    }
}
