package com.bank.callcenter.telephony.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A MessageSend the simulated PBX accepted, as it arrived: {@code To}, {@code From}, the body
 * ({@code Body}, or {@code Base64Body} decoded as UTF-8) and the {@code Variable} lines.
 */
public record SimulatedMessage(String to, String from, String body, boolean base64, List<String> variables) {

    static SimulatedMessage of(AmiMessage action) {
        String base64Body = action.get("Base64Body");
        boolean base64 = base64Body != null && !base64Body.isEmpty();
        String body = base64 ? new String(Base64.getDecoder().decode(base64Body.trim()), StandardCharsets.UTF_8)
                : action.get("Body");
        return new SimulatedMessage(action.get("To"), action.get("From"), body, base64, action.getAll("Variable"));
    }
}
